import { describe, expect, it } from 'vitest';
import { AnnotateError } from '../../../core/annotate/errors.ts';
import type { Tag } from '../../../core/annotate/model.ts';
import { applyTagPlan, planMerge, type TaggedAnnotation } from '../../../core/annotate/tag-plan.ts';
import { planRestore, recordRemoval } from '../../../core/annotate/tag-restore.ts';

const tag = (id: string, name: string, parent?: string): Tag => ({ id, name, color: 'blue', ...(parent ? { parent } : {}) });

// Applies a plan to annotations the way the store does: listed ones get their new tag lists.
function applyToAnnotations(annotations: readonly TaggedAnnotation[], plan: { annotations: TaggedAnnotation[] }): TaggedAnnotation[] {
  const changed = new Map(plan.annotations.map((a) => [a.id, a.tags] as const));
  return annotations.map((a) => ({ id: a.id, tags: changed.get(a.id) ?? a.tags }));
}

describe('planRestore after a merge', () => {
  const tags = [tag('region', 'Region'), tag('balkans', 'Balkans', 'region'), tag('albania', 'Albania', 'balkans'), tag('tirana', 'Tirana', 'albania'), tag('other', 'Other')];
  const annotations: TaggedAnnotation[] = [
    { id: 'a1', tags: ['albania'] },
    { id: 'a2', tags: ['albania', 'other', 'balkans'] },
    { id: 'a3', tags: ['balkans', 'other', 'albania'] },
    { id: 'a4', tags: ['other'] },
  ];

  function mergeAndRestore(from: string, into: string) {
    const carriers = annotations.filter((a) => a.tags.includes(from));
    const plan = planMerge(tags, carriers, [from], into);
    const removal = recordRemoval(tags, from, carriers, plan.updated, into);
    const tagsAfter = applyTagPlan(tags, plan);
    const annotationsAfter = applyToAnnotations(annotations, plan);
    const restored = planRestore(tagsAfter, annotationsAfter.filter((a) => carriers.some((c) => c.id === a.id)), removal);
    return {
      tags: applyTagPlan([...tagsAfter, restored.tag], restored.plan),
      annotations: applyToAnnotations(annotationsAfter, restored.plan),
      restored: restored.tag,
    };
  }

  it('gives every annotation exactly the tag list it had, removing the target where it was added', () => {
    const after = mergeAndRestore('albania', 'balkans');
    expect(after.annotations).toEqual(annotations);
    expect(after.restored).toEqual(tag('albania', 'Albania', 'balkans'));
  });

  it('puts the sub-tags back under the restored tag, and a lifted target back where it was', () => {
    // Merging "Balkans" into its own child "Albania" lifts Albania to Balkans' place first.
    const after = mergeAndRestore('balkans', 'albania');
    expect(after.tags.find((t) => t.id === 'albania')).toEqual(tag('albania', 'Albania', 'balkans'));
    expect(after.tags.find((t) => t.id === 'balkans')).toEqual(tag('balkans', 'Balkans', 'region'));
    expect(after.tags.find((t) => t.id === 'tirana')).toEqual(tag('tirana', 'Tirana', 'albania'));
    expect(after.annotations).toEqual(annotations);
  });

  it('gives an annotation changed since the merge the tag back at its old place, and drops the added target', () => {
    const carriers = annotations.filter((a) => a.tags.includes('albania'));
    const plan = planMerge(tags, carriers, ['albania'], 'balkans');
    const removal = recordRemoval(tags, 'albania', carriers, plan.updated, 'balkans');
    // Since the merge, a1 (which had only Albania, so gained Balkans) was also tagged "Other".
    const now = [{ id: 'a1', tags: ['balkans', 'other'] }];
    const { plan: restore } = planRestore(applyTagPlan(tags, plan), now, removal);
    expect(restore.annotations).toEqual([{ id: 'a1', tags: ['albania', 'other'] }]);
  });
});

describe('planRestore after a deletion', () => {
  it('brings the tag back under its parent, on its annotations, with its children under it', () => {
    const tags = [tag('p', 'Parent'), tag('t', 'Target', 'p'), tag('c', 'Child', 't')];
    const carriers = [{ id: 'a1', tags: ['x', 't', 'y'] }];
    const removal = recordRemoval(tags, 't', carriers, [tag('c', 'Child', 'p')]);
    expect(removal.moved).toEqual([{ id: 'c', parent: 't' }]);
    const now = [tag('p', 'Parent'), tag('c', 'Child', 'p'), tag('x', 'X'), tag('y', 'Y')];
    const { tag: back, plan } = planRestore(now, [{ id: 'a1', tags: ['x', 'y'] }], removal);
    expect(back).toEqual(tag('t', 'Target', 'p'));
    expect(plan.updated).toEqual([tag('c', 'Child', 't')]);
    expect(plan.annotations).toEqual([{ id: 'a1', tags: ['x', 't', 'y'] }]);
  });

  it('puts it at the top level when its parent is gone, and skips annotations and tags that are gone', () => {
    const tags = [tag('p', 'Parent'), tag('t', 'Target', 'p'), tag('c', 'Child', 't')];
    const removal = recordRemoval(tags, 't', [{ id: 'gone', tags: ['t'] }], [tag('c', 'Child', 'p')]);
    const { tag: back, plan } = planRestore([], [], removal);
    expect(back).toEqual(tag('t', 'Target'));
    expect(plan).toEqual({ updated: [], removed: [], annotations: [] });
  });

  it('refuses when another tag has taken the name meanwhile', () => {
    const removal = recordRemoval([tag('t', 'Moscow')], 't', [], []);
    const attempt = () => planRestore([tag('n', 'moscow')], [], removal);
    expect(attempt).toThrow(AnnotateError);
    expect(attempt).toThrow(/cannot be brought back: another tag is now called that/);
  });
});

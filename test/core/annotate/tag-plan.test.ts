import { describe, expect, it } from 'vitest';
import { AnnotateError } from '../../../core/annotate/errors.ts';
import type { Tag } from '../../../core/annotate/model.ts';
import {
  applyTagPlan,
  planMerge,
  planMove,
  planRename,
} from '../../../core/annotate/tag-plan.ts';
import { validateTags } from '../../../core/annotate/tag-tree.ts';

function tag(id: string, name: string, parent?: string): Tag {
  return parent === undefined ? { id, name, color: 'blue' } : { id, name, color: 'blue', parent };
}

const tags: Tag[] = [
  tag('balkans', 'Balkans'),
  tag('albania', 'Albania', 'balkans'),
  tag('shqiperia', 'Shqipëria'),
  tag('tirana', 'Tirana', 'shqiperia'),
  tag('ussr', 'USSR'),
];

const annotations = [
  { id: 'a1', tags: ['shqiperia', 'ussr'] },
  { id: 'a2', tags: ['albania', 'shqiperia'] },
  { id: 'a3', tags: ['ussr'] },
  { id: 'a4', tags: ['tirana', 'shqiperia'] },
];

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AnnotateError ? error.code : 'not an AnnotateError';
  }
  return undefined;
}

describe('planRename', () => {
  it('changes only the tag, since annotations refer to it by id', () => {
    expect(planRename(tags, 'ussr', '  Soviet   Union ')).toEqual({
      updated: [tag('ussr', 'Soviet Union')],
      removed: [],
      annotations: [],
    });
  });

  it('allows changing only the capitalisation of a name', () => {
    expect(planRename(tags, 'ussr', 'Ussr').updated).toEqual([tag('ussr', 'Ussr')]);
  });

  it('plans nothing when the name does not change', () => {
    expect(planRename(tags, 'ussr', 'USSR')).toEqual({ updated: [], removed: [], annotations: [] });
  });

  it('refuses a name another tag has, an empty name and an unknown tag', () => {
    expect(codeOf(() => planRename(tags, 'shqiperia', 'ALBANIA'))).toBe('tag-name-taken');
    expect(codeOf(() => planRename(tags, 'ussr', ''))).toBe('empty-tag-name');
    expect(codeOf(() => planRename(tags, 'nope', 'X'))).toBe('unknown-tag');
  });
});

describe('planMove', () => {
  it('files a tag under another, or back at the top level', () => {
    expect(planMove(tags, 'shqiperia', 'balkans').updated).toEqual([
      tag('shqiperia', 'Shqipëria', 'balkans'),
    ]);
    expect(planMove(tags, 'albania', undefined).updated).toEqual([tag('albania', 'Albania')]);
  });

  it('refuses to file a tag under itself or its own descendant', () => {
    expect(codeOf(() => planMove(tags, 'shqiperia', 'tirana'))).toBe('tag-cycle');
    expect(codeOf(() => planMove(tags, 'ussr', 'ussr'))).toBe('tag-cycle');
    expect(codeOf(() => planMove(tags, 'ussr', 'gone'))).toBe('unknown-tag');
  });
});

describe('planMerge', () => {
  it('replaces the merged tag on every annotation, once, and removes it', () => {
    const plan = planMerge(tags, annotations, ['shqiperia'], 'albania');
    expect(plan.removed).toEqual(['shqiperia']);
    expect(plan.annotations).toEqual([
      { id: 'a1', tags: ['albania', 'ussr'] },
      { id: 'a2', tags: ['albania'] },
      { id: 'a4', tags: ['tirana', 'albania'] },
    ]);
  });

  it('moves the sub-tags of a merged tag under the target', () => {
    const plan = planMerge(tags, annotations, ['shqiperia'], 'albania');
    expect(plan.updated).toEqual([tag('tirana', 'Tirana', 'albania')]);
    const after = applyTagPlan(tags, plan);
    expect(after.map((t) => t.id)).toEqual(['balkans', 'albania', 'tirana', 'ussr']);
    expect(validateTags(after)).toEqual([]);
  });

  it('lifts the target into the place of a merged ancestor, so no cycle arises', () => {
    const plan = planMerge(tags, annotations, ['shqiperia'], 'tirana');
    expect(plan.updated).toEqual([tag('tirana', 'Tirana')]);
    expect(validateTags(applyTagPlan(tags, plan))).toEqual([]);
  });

  it('merges several tags at once, whichever order they are named in', () => {
    const deep = [tag('a', 'A'), tag('c', 'C', 'a'), tag('t', 'T', 'c'), tag('k', 'K', 'c')];
    for (const order of [['a', 'c'], ['c', 'a']]) {
      const after = applyTagPlan(deep, planMerge(deep, [], order, 't'));
      expect(after).toEqual([tag('t', 'T'), tag('k', 'K', 't')]);
    }
  });

  it('leaves annotations without the merged tags out of the plan', () => {
    const plan = planMerge(tags, annotations, ['ussr'], 'balkans');
    expect(plan.annotations.map((a) => a.id)).toEqual(['a1', 'a3']);
  });

  it('refuses to merge a tag into itself or to merge unknown tags', () => {
    expect(codeOf(() => planMerge(tags, annotations, ['ussr'], 'ussr'))).toBe('merge-into-itself');
    expect(codeOf(() => planMerge(tags, annotations, ['gone'], 'ussr'))).toBe('unknown-tag');
    expect(codeOf(() => planMerge(tags, annotations, ['ussr'], 'gone'))).toBe('unknown-tag');
  });
});

import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../core/annotate/model.ts';
import { descendants, isAncestor, validateTags } from '../../../core/annotate/tag-tree.ts';

function tag(id: string, name: string, parent?: string): Tag {
  return parent === undefined
    ? { id, name, color: 'yellow' }
    : { id, name, color: 'yellow', parent };
}

const tree: Tag[] = [
  tag('balkans', 'Balkans'),
  tag('albania', 'Albania', 'balkans'),
  tag('tirana', 'Tirana', 'albania'),
  tag('durres', 'Durrës', 'albania'),
  tag('yugoslavia', 'Yugoslavia', 'balkans'),
  tag('ussr', 'USSR'),
];

describe('validateTags', () => {
  it('finds nothing wrong with a consistent hierarchy', () => {
    expect(validateTags(tree)).toEqual([]);
  });

  it('reports a parent that does not exist', () => {
    expect(validateTags([...tree, tag('x', 'Vlorë', 'gone')])).toEqual([
      {
        code: 'missing-parent',
        tagId: 'x',
        message: 'Tag “Vlorë” is filed under a tag that does not exist.',
      },
    ]);
  });

  it('reports every tag caught in a cycle, including a tag filed under itself', () => {
    const cyclic = [
      tag('a', 'A', 'c'),
      tag('b', 'B', 'a'),
      tag('c', 'C', 'b'),
      tag('d', 'D', 'a'),
      tag('s', 'S', 's'),
    ];
    expect(validateTags(cyclic).map((p) => [p.code, p.tagId])).toEqual([
      ['cycle', 'a'],
      ['cycle', 'b'],
      ['cycle', 'c'],
      ['cycle', 's'],
    ]);
  });

  it('reports names that clash ignoring case, untidy and empty names, and repeated ids', () => {
    const problems = validateTags([
      tag('1', 'Albania'),
      tag('2', 'ALBANIA'),
      tag('3', ' Tirana'),
      tag('4', '  '),
      tag('1', 'Kosovo'),
    ]);
    expect(problems.map((p) => [p.code, p.tagId])).toEqual([
      ['duplicate-name', '2'],
      ['untidy-name', '3'],
      ['empty-name', '4'],
      ['duplicate-id', '1'],
    ]);
  });
});

describe('descendants', () => {
  it('lists children and grandchildren, nearest first, without the tag itself', () => {
    expect(descendants(tree, 'balkans')).toEqual(['albania', 'yugoslavia', 'tirana', 'durres']);
    expect(descendants(tree, 'albania')).toEqual(['tirana', 'durres']);
  });

  it('returns nothing for a leaf or an unknown tag', () => {
    expect(descendants(tree, 'tirana')).toEqual([]);
    expect(descendants(tree, 'nowhere')).toEqual([]);
  });

  it('selects the annotations of a tag and its sub-tags for a filter', () => {
    const annotations = [
      { id: 'a1', tags: ['tirana'] },
      { id: 'a2', tags: ['ussr'] },
      { id: 'a3', tags: ['ussr', 'durres'] },
      { id: 'a4', tags: [] },
    ];
    const wanted = new Set(['albania', ...descendants(tree, 'albania')]);
    const shown = annotations.filter((a) => a.tags.some((t) => wanted.has(t))).map((a) => a.id);
    expect(shown).toEqual(['a1', 'a3']);
  });

  it('terminates on a cyclic hierarchy', () => {
    const cyclic = [tag('a', 'A', 'b'), tag('b', 'B', 'a')];
    expect(descendants(cyclic, 'a')).toEqual(['b']);
  });
});

describe('isAncestor', () => {
  it('follows parents all the way up', () => {
    expect(isAncestor(tree, 'balkans', 'tirana')).toBe(true);
    expect(isAncestor(tree, 'tirana', 'balkans')).toBe(false);
    expect(isAncestor(tree, 'ussr', 'tirana')).toBe(false);
    expect(isAncestor([tag('a', 'A', 'b'), tag('b', 'B', 'a')], 'x', 'a')).toBe(false);
  });
});

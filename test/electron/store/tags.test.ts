import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import type { ProjectStore } from '../../../electron/services/store/project-store.ts';
import {
  fakeClock,
  highlight,
  makeTempProject,
  nthId,
  sequentialIds,
  withCode,
} from '../../support/store-temp.ts';
import type { TempProject } from '../../support/store-temp.ts';

describe('ProjectStore tags', () => {
  let project: TempProject;
  let store: ProjectStore;
  beforeEach(() => {
    project = makeTempProject();
    store = openProjectStore(project.file, { now: fakeClock().now, newId: sequentialIds() });
  });
  afterEach(() => {
    store.close();
    project.remove();
  });

  it('creates a tag with a tidied name, the default colour and an optional parent', () => {
    const parent = store.createTag('  Cold   War ');
    const child = store.createTag('Sino-Soviet split', 'purple', parent.id);
    expect(parent).toEqual({ id: nthId(1), name: 'Cold War', color: 'yellow' });
    expect(child).toEqual({
      id: nthId(2),
      name: 'Sino-Soviet split',
      color: 'purple',
      parent: nthId(1),
    });
    expect(store.getTag(child.id)).toEqual(child);
  });

  it.each([['soviet union'], ['SOVIET UNION'], ['  Soviet  Union  '], ['Soviet Union']])(
    'refuses “%s” when “Soviet Union” exists, naming the existing tag',
    (name) => {
      store.createTag('Soviet Union');
      expect(() => store.createTag(name)).toThrow(
        withCode('tag-name-taken', '“Soviet Union”'),
      );
      expect(store.listTags()).toHaveLength(1);
    },
  );

  it('treats names differing only by ß/SS or composed accents as the same tag', () => {
    store.createTag('Straße');
    expect(() => store.createTag('STRASSE')).toThrow(withCode('tag-name-taken'));
    store.createTag('Enver Hoxha, Ç');
    expect(() => store.createTag('enver hoxha, c\u0327')).toThrow(withCode('tag-name-taken'));
  });

  it('refuses a tag name longer than 200 characters', () => {
    expect(() => store.createTag('x'.repeat(201))).toThrow(withCode('invalid-input', /at most 200/));
    expect(store.listTags()).toEqual([]);
  });

  it('refuses an empty name and an unknown parent', () => {
    expect(() => store.createTag('   ')).toThrow(withCode('empty-tag-name'));
    const orphan = () => store.createTag('Orphan', 'green', 'no-such-tag');
    expect(orphan).toThrow(withCode('unknown-tag'));
    expect(store.listTags()).toEqual([]);
  });

  it('renames a tag, and every highlight carrying it shows the new name', () => {
    const tag = store.createTag('USSR');
    const a = store.create(highlight({ tags: [tag.id] }));
    const b = store.create(highlight({ tags: [tag.id], sourceId: 'other' }));
    expect(store.renameTag(tag.id, 'Soviet Union')).toEqual({ ...tag, name: 'Soviet Union' });
    const names = new Map(store.listTags().map((t) => [t.id, t.name]));
    for (const id of [a.id, b.id]) {
      expect(store.get(id)!.tags.map((t) => names.get(t))).toEqual(['Soviet Union']);
    }
  });

  it('lets a tag change the capitals of its own name but not take another tag’s name', () => {
    const tag = store.createTag('comintern');
    store.createTag('Cominform');
    expect(store.renameTag(tag.id, 'Comintern').name).toBe('Comintern');
    expect(() => store.renameTag(tag.id, 'COMINFORM')).toThrow(withCode('tag-name-taken'));
    expect(store.getTag(tag.id)!.name).toBe('Comintern');
  });

  it('recolours a tag', () => {
    const tag = store.createTag('Economy');
    expect(store.recolorTag(tag.id, 'green').color).toBe('green');
    expect(() => store.recolorTag(tag.id, 'grey' as never)).toThrow(withCode('invalid-input'));
    expect(store.getTag(tag.id)!.color).toBe('green');
  });

  it('moves a tag under another and back to the top level', () => {
    const a = store.createTag('A');
    const b = store.createTag('B');
    expect(store.setTagParent(b.id, a.id).parent).toBe(a.id);
    expect(store.setTagParent(b.id, null)).toEqual(b);
  });

  it('refuses to put a tag inside itself or inside one of its descendants', () => {
    const a = store.createTag('A');
    const b = store.createTag('B', 'yellow', a.id);
    const c = store.createTag('C', 'yellow', b.id);
    expect(() => store.setTagParent(a.id, a.id)).toThrow(withCode('tag-cycle'));
    expect(() => store.setTagParent(a.id, c.id)).toThrow(
      withCode('tag-cycle', '“A” cannot be filed under “C”'),
    );
    expect(store.getTag(a.id)!.parent).toBeUndefined();
  });

  it('merges two tags: each highlight carries the survivor once, where the first was', () => {
    const from = store.createTag('Hodja');
    const into = store.createTag('Hoxha');
    const other = store.createTag('Tirana');
    const onlyFrom = store.create(highlight({ tags: [other.id, from.id] }));
    const both = store.create(
      highlight({ tags: [from.id, other.id, into.id], position: { start: 1, end: 5 } }),
    );
    const onlyInto = store.create(highlight({ tags: [into.id], position: { start: 6, end: 9 } }));
    expect(store.mergeTags(from.id, into.id)).toEqual({ tag: into, annotations: 2 });
    expect(store.get(onlyFrom.id)!.tags).toEqual([other.id, into.id]);
    expect(store.get(both.id)!.tags).toEqual([into.id, other.id]);
    expect(store.get(onlyInto.id)!.tags).toEqual([into.id]);
    expect(store.getTag(from.id)).toBeUndefined();
    expect(store.tagUsage(into.id)).toBe(3);
  });

  it('moves the merged tag’s children under the survivor', () => {
    const from = store.createTag('Party');
    const into = store.createTag('PLA');
    const child = store.createTag('Politburo', 'blue', from.id);
    store.mergeTags(from.id, into.id);
    expect(store.getTag(child.id)!.parent).toBe(into.id);
  });

  it('merges a tag into its own descendant without creating a loop', () => {
    const a = store.createTag('A');
    const b = store.createTag('B', 'yellow', a.id);
    const c = store.createTag('C', 'yellow', b.id);
    store.mergeTags(a.id, c.id);
    expect(store.getTag(c.id)!.parent).toBeUndefined();
    expect(store.getTag(b.id)!.parent).toBe(c.id);
  });

  it('refuses to merge a tag into itself or into a missing tag, changing nothing', () => {
    const tag = store.createTag('Alone');
    const saved = store.create(highlight({ tags: [tag.id] }));
    expect(() => store.mergeTags(tag.id, tag.id)).toThrow(withCode('merge-into-itself'));
    expect(() => store.mergeTags(tag.id, 'missing')).toThrow(withCode('unknown-tag'));
    expect(store.get(saved.id)!.tags).toEqual([tag.id]);
    expect(store.getTag(tag.id)).toEqual(tag);
  });

  it('tells how many highlights carry a tag before and when it is deleted', () => {
    const parent = store.createTag('Parent');
    const tag = store.createTag('Doomed', 'orange', parent.id);
    const child = store.createTag('Child', 'blue', tag.id);
    const one = store.create(highlight({ tags: [tag.id] }));
    store.create(highlight({ tags: [tag.id, parent.id], position: { start: 1, end: 2 } }));
    expect(store.tagUsage(tag.id)).toBe(2);
    expect(store.deleteTag(tag.id)).toEqual({ tag, annotations: 2 });
    expect(store.get(one.id)!.tags).toEqual([]);
    expect(store.getTag(child.id)!.parent).toBe(parent.id);
    expect(() => store.tagUsage(tag.id)).toThrow(withCode('unknown-tag'));
  });

  it('lists tags by name ignoring case, with their usage', () => {
    const b = store.createTag('beta');
    const a = store.createTag('Alpha');
    store.create(highlight({ tags: [b.id] }));
    expect(store.listTags()).toEqual([
      { ...a, usage: 0 },
      { ...b, usage: 1 },
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import type { ProjectStore } from '../../../electron/services/store/project-store.ts';
import { fakeClock, highlight, makeTempProject, sequentialIds, storePerTest, withCode } from '../../support/store-temp.ts';
import type { TempProject } from '../../support/store-temp.ts';

describe('ProjectStore restore by id (undo from the store’s own records)', () => {
  let project: TempProject;
  let store: ProjectStore;
  beforeEach(() => {
    project = makeTempProject();
    const clock = fakeClock();
    store = openProjectStore(project.file, { now: () => (clock.advance(1000), clock.now()), newId: sequentialIds() });
  });
  afterEach(() => {
    store.close();
    project.remove();
  });

  it('refuses to restore a highlight that was never deleted, or twice', () => {
    expect(() => store.restore('00000000-0000-4000-8000-00000000beef')).toThrow(withCode('nothing-to-restore', /was never deleted/));
    const saved = store.create(highlight());
    store.delete(saved.id);
    expect(store.restore(saved.id)).toEqual(saved);
    expect(() => store.restore(saved.id)).toThrow(withCode('already-exists'));
    store.delete(saved.id);
    store.restore(saved.id);
    expect(store.trashed(saved.id)).toBeUndefined();
  });

  it('keeps the record across closing and reopening the project', () => {
    const saved = store.create(highlight({ note: 'kept on disk' }));
    store.delete(saved.id);
    store.close();
    store = openProjectStore(project.file);
    expect(store.restore(saved.id)).toEqual(saved);
  });

  it('places a restored highlight where re-anchoring found it', () => {
    const saved = store.create(highlight());
    store.delete(saved.id);
    const restored = store.restore(saved.id, { position: { start: 300, end: 315 }, anchor: 'moved' });
    expect(restored).toEqual({ ...saved, position: { start: 300, end: 315 }, anchor: 'moved' });
  });

  it('undoes a re-attachment: the orphan gets its own quote, place and cuts back, keeping later edits', () => {
    const saved = store.update(store.create(highlight({ anchor: 'orphaned' })).id, { omissions: [{ start: 4, end: 11 }] });
    const quote = { exact: 'the Soviet leaders', prefix: '', suffix: '' };
    store.reattach(saved.id, { quote, position: { start: 900, end: 918 } });
    const edited = store.update(saved.id, { note: 'written after re-attaching' });
    const back = store.restore(saved.id);
    expect(back).toEqual({ ...saved, note: edited.note, tags: edited.tags });
  });

  it('undoes a re-attachment and a later deletion in the reverse order', () => {
    const saved = store.create(highlight({ anchor: 'orphaned' }));
    const quote = { exact: 'the Soviet leaders', prefix: '', suffix: '' };
    const moved = store.reattach(saved.id, { quote, position: { start: 900, end: 918 } });
    store.delete(saved.id);
    expect(store.restore(saved.id)).toEqual(moved);
    expect(store.restore(saved.id)).toEqual(saved);
    expect(() => store.restore(saved.id)).toThrow(withCode('already-exists'));
  });
});

describe('ProjectStore restoreTag', () => {
  const temp = storePerTest();

  it('brings a deleted tag back with its id, name, colour and parent, on exactly its annotations, children under it', () => {
    const store = temp.store();
    const region = store.createTag('Region', 'green');
    const balkans = store.createTag('Balkans', 'purple', region.id);
    const albania = store.createTag('Albania', 'blue', balkans.id);
    const other = store.createTag('Other');
    const first = store.create(highlight({ tags: [other.id, balkans.id] }));
    const second = store.create(highlight({ tags: [balkans.id] }));
    const untouched = store.create(highlight({ tags: [other.id] }));
    const tagsBefore = store.listTags();
    store.deleteTag(balkans.id);
    expect(store.getTag(albania.id)?.parent).toBe(region.id);
    expect(store.restoreTag(balkans.id)).toEqual(balkans);
    expect(store.listTags()).toEqual(tagsBefore);
    expect(store.get(first.id)?.tags).toEqual([other.id, balkans.id]);
    expect(store.get(second.id)?.tags).toEqual([balkans.id]);
    expect(store.get(untouched.id)?.tags).toEqual([other.id]);
  });

  it('undoes a merge: the merged tag is back, and annotations that did not carry the target lose it again', () => {
    const store = temp.store();
    const moscow = store.createTag('Moscow');
    const kremlin = store.createTag('Kremlin', 'pink');
    const sub = store.createTag('Kremlin walls', 'yellow', kremlin.id);
    const onlyKremlin = store.create(highlight({ tags: [kremlin.id] }));
    const both = store.create(highlight({ tags: [kremlin.id, moscow.id] }));
    const onlyMoscow = store.create(highlight({ tags: [moscow.id] }));
    store.mergeTags(kremlin.id, moscow.id);
    expect(store.get(onlyKremlin.id)?.tags).toEqual([moscow.id]);
    expect(store.getTag(sub.id)?.parent).toBe(moscow.id);
    expect(store.restoreTag(kremlin.id)).toEqual(kremlin);
    expect(store.get(onlyKremlin.id)?.tags).toEqual([kremlin.id]);
    expect(store.get(both.id)?.tags).toEqual([kremlin.id, moscow.id]);
    expect(store.get(onlyMoscow.id)?.tags).toEqual([moscow.id]);
    expect(store.getTag(sub.id)?.parent).toBe(kremlin.id);
  });

  it('redoes a created tag after its undo (create, delete, restore)', () => {
    const store = temp.store();
    const tag = store.createTag('Land reform', 'orange');
    store.deleteTag(tag.id);
    expect(store.getTag(tag.id)).toBeUndefined();
    expect(store.restoreTag(tag.id)).toEqual(tag);
    expect(store.tagUsage(tag.id)).toBe(0);
  });

  it('refuses a tag that is there, one never deleted, and a name taken meanwhile, changing nothing', () => {
    const store = temp.store();
    const tag = store.createTag('Tirana');
    const annotation = store.create(highlight({ tags: [tag.id] }));
    expect(() => store.restoreTag(tag.id)).toThrow(withCode('already-exists'));
    expect(() => store.restoreTag('00000000-0000-4000-8000-00000000beef')).toThrow(withCode('nothing-to-restore'));
    store.deleteTag(tag.id);
    const usurper = store.createTag('TIRANA');
    const before = { tags: store.listTags(), annotations: store.list() };
    expect(() => store.restoreTag(tag.id)).toThrow(withCode('tag-name-taken', /another tag is now called that/));
    expect({ tags: store.listTags(), annotations: store.list() }).toEqual(before);
    store.deleteTag(usurper.id);
    store.restoreTag(tag.id);
    expect(store.get(annotation.id)?.tags).toEqual([tag.id]);
  });

  it('undoes a deletion, then the merge before it, in the reverse order', () => {
    const store = temp.store();
    const a = store.createTag('A');
    const b = store.createTag('B');
    const note = store.create(highlight({ tags: [a.id] }));
    store.mergeTags(a.id, b.id);
    store.deleteTag(b.id);
    expect(store.get(note.id)?.tags).toEqual([]);
    store.restoreTag(b.id);
    expect(store.get(note.id)?.tags).toEqual([b.id]);
    store.restoreTag(a.id);
    expect(store.get(note.id)?.tags).toEqual([a.id]);
  });
});

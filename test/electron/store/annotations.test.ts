import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import type { AnnotationFilter } from '../../../electron/services/store/annotation-table.ts';
import type { ProjectStore } from '../../../electron/services/store/project-store.ts';
import { StoreError } from '../../../electron/services/store/store-errors.ts';
import {
  fakeClock,
  highlight,
  makeTempProject,
  nthId,
  sequentialIds,
  withCode,
} from '../../support/store-temp.ts';
import type { FakeClock, TempProject } from '../../support/store-temp.ts';

describe('ProjectStore annotations', () => {
  let project: TempProject;
  let clock: FakeClock;
  let store: ProjectStore;
  beforeEach(() => {
    project = makeTempProject();
    clock = fakeClock();
    store = openProjectStore(project.file, { now: clock.now, newId: sequentialIds() });
  });
  afterEach(() => {
    store.close();
    project.remove();
  });

  it('saves a new highlight with an id, timestamps, default colour and anchored status', () => {
    const saved = store.create(highlight({ note: 'Compare with the Tirana minutes.' }));
    expect(saved).toEqual({
      id: nthId(1),
      sourceId: 'hoxha-1961',
      quote: { exact: 'the Soviet camp', prefix: 'the great power at the head of ', suffix: '.' },
      position: { start: 240, end: 255 },
      color: 'yellow',
      tags: [],
      note: 'Compare with the Tirana minutes.',
      omissions: [],
      created: '2025-03-01T09:00:00.000Z',
      modified: '2025-03-01T09:00:00.000Z',
      anchor: 'anchored',
    });
    expect(store.get(nthId(1))).toEqual(saved);
  });

  it('dates a highlight made in another tool as that tool did, in UTC, and no later than now', () => {
    const earlier = store.create(highlight({ created: '2024-05-04T10:11:12+02:00', modified: '2024-06-01T00:00:00Z' }));
    expect(earlier).toMatchObject({ created: '2024-05-04T08:11:12.000Z', modified: '2024-06-01T00:00:00.000Z' });
    // A wrong clock elsewhere: a date to come is taken as now, and a change is never before the making.
    const ahead = store.create(highlight({ created: '2030-01-01T00:00:00Z' }));
    expect(ahead).toMatchObject({ created: '2025-03-01T09:00:00.000Z', modified: '2025-03-01T09:00:00.000Z' });
    const backwards = store.create(highlight({ created: '2024-05-04T00:00:00Z', modified: '2024-01-01T00:00:00Z' }));
    expect(backwards).toMatchObject({ created: '2024-05-04T00:00:00.000Z', modified: '2024-05-04T00:00:00.000Z' });
    expect(() => store.create(highlight({ created: 'yesterday' }))).toThrow(withCode('invalid-input', 'ISO 8601'));
    expect(store.list()).toHaveLength(3);
  });

  it('keeps a highlight after the project is closed and reopened', () => {
    const saved = store.create(highlight());
    store.close();
    store = openProjectStore(project.file, { now: clock.now });
    expect(store.get(saved.id)).toEqual(saved);
  });

  it('returns undefined for an id that is not in the project', () => {
    expect(store.get('nothing-here')).toBeUndefined();
  });

  it('keeps tags in the order the user added them, each once', () => {
    const first = store.createTag('Soviet Union');
    const second = store.createTag('Albania');
    const saved = store.create(highlight({ tags: [second.id, first.id, second.id] }));
    expect(saved.tags).toEqual([second.id, first.id]);
  });

  it('lists highlights by source, then by position in the reading text', () => {
    store.create(highlight({ sourceId: 'b-source', position: { start: 5, end: 9 } }));
    store.create(highlight({ sourceId: 'a-source', position: { start: 50, end: 60 } }));
    store.create(highlight({ sourceId: 'a-source', position: { start: 10, end: 20 } }));
    expect(store.list().map((a) => [a.sourceId, a.position.start])).toEqual([
      ['a-source', 10],
      ['a-source', 50],
      ['b-source', 5],
    ]);
    expect(store.list({ sourceId: 'b-source' })).toHaveLength(1);
  });

  it('lists highlights carrying a tag, with or without its child tags', () => {
    const politics = store.createTag('Politics');
    const purges = store.createTag('Purges', 'pink', politics.id);
    const onParent = store.create(highlight({ tags: [politics.id] }));
    const onChild = store.create(
      highlight({ tags: [purges.id], position: { start: 300, end: 310 } }),
    );
    store.create(highlight({ position: { start: 400, end: 410 } }));
    const ids = (filter: AnnotationFilter) => store.list(filter).map((a) => a.id);
    expect(ids({ tagId: politics.id })).toEqual([onParent.id]);
    expect(ids({ tagId: politics.id, includeChildTags: true })).toEqual([onParent.id, onChild.id]);
    expect(ids({ tagId: purges.id, sourceId: 'hoxha-1961' })).toEqual([onChild.id]);
  });

  it('changes note, colour and tags, and stamps the modification time', () => {
    const tag = store.createTag('Khrushchev');
    const saved = store.create(highlight());
    clock.advance(60_000);
    const patch = { note: 'See also p. 385.', color: 'blue' as const, tags: [tag.id] };
    const updated = store.update(saved.id, patch);
    expect(updated).toEqual({
      ...saved,
      note: 'See also p. 385.',
      color: 'blue',
      tags: [tag.id],
      modified: '2025-03-01T09:01:00.000Z',
    });
    expect(store.get(saved.id)).toEqual(updated);
    expect(store.update(saved.id, { tags: [] }).tags).toEqual([]);
  });

  it('refuses to change the quote or position through update, changing nothing', () => {
    const saved = store.create(highlight());
    const attempt = () => store.update(saved.id, { quote: { exact: 'x' } } as never);
    expect(attempt).toThrow(StoreError);
    expect(attempt).toThrow(/only the note, the colour, the tags and the cuts/);
    expect(store.get(saved.id)).toEqual(saved);
  });

  it('deletes a highlight and restores it exactly, tags and timestamps included (undo)', () => {
    const tags = [store.createTag('Tirana'), store.createTag('Moscow')];
    const saved = store.create(highlight({ tags: tags.map((t) => t.id), note: 'kept' }));
    const deleted = store.delete(saved.id);
    expect(deleted).toEqual(saved);
    expect(store.get(saved.id)).toBeUndefined();
    expect(store.tagUsage(tags[0]!.id)).toBe(0);
    clock.advance(5_000);
    expect(store.restore(deleted.id)).toEqual(saved);
    expect(store.get(saved.id)).toEqual(saved);
    expect(store.tagUsage(tags[0]!.id)).toBe(1);
  });

  it('re-attaches a highlight to another passage, keeping its note and tags', () => {
    const tag = store.createTag('Bucharest');
    const saved = store.create(highlight({ tags: [tag.id], note: 'kept', anchor: 'orphaned' }));
    clock.advance(1_000);
    const quote = { exact: 'the Soviet leaders', prefix: 'or so it seemed to ', suffix: ', in late June' };
    const moved = store.reattach(saved.id, { quote, position: { start: 900, end: 918 } });
    expect(moved).toMatchObject({ quote, position: { start: 900, end: 918 }, anchor: 'anchored', note: 'kept', tags: [tag.id] });
    expect(moved.modified).not.toBe(saved.modified);
    expect(store.get(saved.id)).toEqual(moved);
  });

  it('trims a quotation and puts it back in full, keeping the cuts across close and reopen', () => {
    // 'the Soviet camp': leave out "Soviet ".
    const saved = store.create(highlight());
    const trimmed = store.update(saved.id, { omissions: [{ start: 4, end: 11 }] });
    expect(trimmed.omissions).toEqual([{ start: 4, end: 11 }]);
    store.close();
    store = openProjectStore(project.file, { now: clock.now });
    expect(store.get(saved.id)?.omissions).toEqual([{ start: 4, end: 11 }]);
    expect(store.update(saved.id, { omissions: [] }).omissions).toEqual([]);
  });

  it('refuses cuts that do not fit the quotation, changing nothing', () => {
    const saved = store.create(highlight());
    const cases = [
      [{ start: 4, end: 40 }],
      [{ start: 0, end: 15 }],
      [{ start: 3, end: 4 }],
      [{ start: 4, end: 8 }, { start: 6, end: 10 }],
      [{ start: 1.5, end: 4 }],
    ];
    for (const omissions of cases) {
      expect(() => store.update(saved.id, { omissions })).toThrow(withCode('invalid-input', 'was not changed'));
    }
    expect(() => store.update(saved.id, { omissions: [{ start: 4, end: 11, x: 1 }] } as never)).toThrow(StoreError);
    expect(store.get(saved.id)).toEqual(saved);
  });

  it('keeps the cuts when a trimmed highlight is deleted and restored, and drops them on re-attaching', () => {
    const saved = store.update(store.create(highlight()).id, { omissions: [{ start: 4, end: 11 }] });
    expect(store.restore(store.delete(saved.id).id)).toEqual(saved);
    const quote = { exact: 'the Soviet leaders', prefix: '', suffix: '' };
    expect(store.reattach(saved.id, { quote, position: { start: 900, end: 918 } }).omissions).toEqual([]);
  });

  it('refuses to re-attach to a range that is not one, changing nothing', () => {
    const saved = store.create(highlight());
    const bad = { quote: saved.quote, position: { start: 10, end: 5 } };
    expect(() => store.reattach(saved.id, bad)).toThrow(StoreError);
    expect(store.get(saved.id)).toEqual(saved);
  });

  it('refuses to restore a highlight that is already there, or whose tag was deleted since', () => {
    const tag = store.createTag('Short-lived');
    const saved = store.create(highlight({ tags: [tag.id] }));
    expect(() => store.restore(saved.id)).toThrow(withCode('already-exists'));
    const deleted = store.delete(saved.id);
    store.deleteTag(tag.id);
    expect(() => store.restore(deleted.id)).toThrow(withCode('unknown-tag'));
    expect(store.get(saved.id)).toBeUndefined();
  });

  it('refuses to restore something that is not an annotation, with the model’s own message', () => {
    const saved = store.delete(store.create(highlight()).id);
    // The record the store kept, damaged on disk: restoring checks it with the model's validator.
    const db = new DatabaseSync(project.file);
    db.prepare(`UPDATE annotation_trash SET record = json_set(record, '$.color', 'magenta') WHERE id = ?`).run(saved.id);
    db.close();
    const error = (() => {
      try {
        store.restore(saved.id);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toEqual(withCode('invalid-input', /^The highlight could not be restored: .*colour/));
    expect(store.list()).toEqual([]);
  });

  it('reports a missing highlight as not found when updating or deleting', () => {
    expect(() => store.update('gone', { note: 'x' })).toThrow(withCode('not-found'));
    expect(() => store.delete('gone')).toThrow(withCode('not-found'));
  });

  it('saves all re-anchoring results in one go without touching the modification time', () => {
    const one = store.create(highlight());
    const two = store.create(highlight({ position: { start: 500, end: 515 } }));
    clock.advance(60_000);
    const count = store.setAnchors([
      { id: one.id, position: { start: 250, end: 265 }, anchor: 'anchored' },
      { id: two.id, position: { start: 480, end: 494 }, anchor: 'moved' },
    ]);
    expect(count).toBe(2);
    expect(store.get(one.id)).toEqual({ ...one, position: { start: 250, end: 265 } });
    const moved = { ...two, position: { start: 480, end: 494 }, anchor: 'moved' };
    expect(store.get(two.id)).toEqual(moved);
  });

  it('saves no re-anchoring result at all if one of them names an unknown highlight', () => {
    const one = store.create(highlight());
    const attempt = () =>
      store.setAnchors([
        { id: one.id, position: { start: 1, end: 16 }, anchor: 'orphaned' },
        { id: 'vanished', position: { start: 2, end: 17 }, anchor: 'anchored' },
      ]);
    expect(attempt).toThrow(withCode('not-found'));
    expect(store.get(one.id)).toEqual(one);
  });

  it.each([
    [
      'an empty quote',
      highlight({ quote: { exact: '', prefix: '', suffix: '' } }),
      /highlighted text is empty/,
    ],
    ['an empty range', highlight({ position: { start: 10, end: 10 } }), /at least one character/],
    ['a negative offset', highlight({ position: { start: -1, end: 10 } }), /cannot be negative/],
    ['an unknown colour', highlight({ color: 'magenta' as never }), /colour must be one of yellow/],
    ['a missing source', { ...highlight(), sourceId: undefined } as never, /id must be text/],
    ['an unexpected field', { ...highlight(), html: '<b>' } as never, /unexpected fields/],
  ])('refuses %s with a clear message and saves nothing', (_label, input, message) => {
    let caught: unknown;
    try {
      store.create(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect(caught).toEqual(withCode('invalid-input', /^The highlight was not saved: /));
    expect((caught as StoreError).message).toMatch(message);
    expect(store.list()).toEqual([]);
  });

  it('refuses a highlight carrying a tag that does not exist, and saves nothing', () => {
    expect(() => store.create(highlight({ tags: ['no-such-tag'] }))).toThrow(
      withCode('unknown-tag', 'no-such-tag'),
    );
    expect(store.list()).toEqual([]);
  });

  it('refuses to work after it is closed, with a typed error', () => {
    store.close();
    expect(() => store.list()).toThrow(withCode('closed'));
    store.close();
  });
});

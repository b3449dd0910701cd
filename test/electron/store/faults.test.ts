import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { StoreError } from '../../../electron/services/store/store-errors.ts';
import { canCreateFileIn, makeReadOnly } from '../../support/store-readonly.ts';
import { highlight, makeTempProject } from '../../support/store-temp.ts';
import type { TempProject } from '../../support/store-temp.ts';

function caught(action: () => unknown): StoreError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected the action to fail');
}

// A fault injected through a second connection: a trigger makes SQLite refuse one statement of
// an action, e.g. `refuseWith(file, 'BEFORE DELETE ON tags')`.
function refuseWith(file: string, when: string): void {
  const db = new DatabaseSync(file);
  db.exec(`CREATE TRIGGER injected_fault ${when} BEGIN SELECT RAISE(ABORT, 'injected'); END`);
  db.close();
}

describe('project store faults', () => {
  let project: TempProject;
  let undo: (() => void)[];
  beforeEach(() => {
    project = makeTempProject();
    undo = [];
  });
  afterEach(() => {
    for (const step of undo.reverse()) step();
    project.remove();
  });

  it('refuses a read-only project folder with a clear error and creates nothing', () => {
    const folder = join(project.dir, 'locked');
    mkdirSync(folder);
    undo.push(makeReadOnly(folder));
    expect(canCreateFileIn(folder)).toBe(false);
    const error = caught(() => openProjectStore(join(folder, 'project.sqlite')));
    expect(error.code).toBe('read-only');
    expect(error.message).toMatch(/cannot save your work in .*locked: the folder or the project file/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses an existing project in a folder that became read-only, leaving it intact', () => {
    const store = openProjectStore(project.file);
    const saved = store.create(highlight());
    store.close();
    undo.push(makeReadOnly(project.dir));
    expect(caught(() => openProjectStore(project.file)).code).toBe('read-only');
    undo.pop()!();
    const again = openProjectStore(project.file);
    expect(again.list()).toEqual([saved]);
    again.close();
  });

  it('refuses a project file that is itself read-only', () => {
    openProjectStore(project.file).close();
    undo.push(makeReadOnly(project.file));
    expect(caught(() => openProjectStore(project.file)).code).toBe('read-only');
  });

  it('reports a project folder that cannot exist because a file is in the way', () => {
    writeFileSync(join(project.dir, 'not-a-folder'), 'x');
    const file = join(project.dir, 'not-a-folder', 'project.sqlite');
    const error = caught(() => openProjectStore(file));
    expect(error.code).toBe('unwritable');
    expect(error.message).toMatch(/cannot open or create the project file/);
  });

  it('rolls back an action that runs out of space, reports a full disk, and keeps working', () => {
    const store = openProjectStore(project.file, { maxDatabaseBytes: 96 * 1024 });
    const tag = store.createTag('Bulky');
    const savedIds: string[] = [];
    let failure: StoreError | undefined;
    for (let i = 0; i < 200 && !failure; i += 1) {
      try {
        const position = { start: i, end: i + 1 };
        const note = 'x'.repeat(3000);
        savedIds.push(store.create(highlight({ note, tags: [tag.id], position })).id);
      } catch (error) {
        failure = error as StoreError;
      }
    }
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure!.code).toBe('disk-full');
    expect(failure!.message).toMatch(/disk holding your project is full, so the change was not/);
    expect(store.list().map((a) => a.id)).toEqual(savedIds);
    expect(store.tagUsage(tag.id)).toBe(savedIds.length);
    expect(store.checkIntegrity()).toEqual([]);
    store.delete(savedIds[0]!);
    expect(store.list()).toHaveLength(savedIds.length - 1);
    store.close();
  });

  it('reports a project busy in another window once the wait runs out, saving nothing', () => {
    const store = openProjectStore(project.file, { busyTimeoutMs: 50 });
    const other = new DatabaseSync(project.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = caught(() => store.create(highlight()));
      expect(error.code).toBe('busy');
      expect(error.message).toMatch(/in use by another Apparatus window/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('undoes the first steps of an update when a later step fails', () => {
    const store = openProjectStore(project.file);
    const [first, second] = [store.createTag('First'), store.createTag('Second')];
    const saved = store.create(highlight({ tags: [first.id], note: 'original' }));
    refuseWith(project.file, 'BEFORE INSERT ON annotation_tags');
    const patch = { note: 'changed', color: 'pink' as const, tags: [second.id] };
    const error = caught(() => store.update(saved.id, patch));
    expect(error.message).toMatch(/Nothing was changed/);
    expect(store.get(saved.id)).toEqual(saved);
    store.close();
  });

  it('undoes a merge entirely when its last step fails', () => {
    const store = openProjectStore(project.file);
    const from = store.createTag('From');
    const into = store.createTag('Into');
    const child = store.createTag('Child', 'blue', from.id);
    const saved = store.create(highlight({ tags: [from.id] }));
    refuseWith(project.file, 'BEFORE DELETE ON tags');
    caught(() => store.mergeTags(from.id, into.id));
    expect(store.get(saved.id)!.tags).toEqual([from.id]);
    expect(store.getTag(child.id)!.parent).toBe(from.id);
    expect(store.listTags().map((t) => [t.name, t.usage])).toEqual([
      ['Child', 0],
      ['From', 1],
      ['Into', 0],
    ]);
    store.close();
  });
});

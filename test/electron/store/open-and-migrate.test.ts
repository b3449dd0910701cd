import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/services/store/backups.ts';
import { MIGRATIONS } from '../../../electron/services/store/migrations.ts';
import type { Migration } from '../../../electron/services/store/migrations.ts';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { StoreError } from '../../../electron/services/store/store-errors.ts';
import { DAY, fakeClock, highlight, makeTempProject, withCode } from '../../support/store-temp.ts';
import type { TempProject } from '../../support/store-temp.ts';

const CURRENT = MIGRATIONS.length;
const NEXT: Migration = {
  version: CURRENT + 1,
  description: 'a reviewed flag (test only)',
  sql: 'ALTER TABLE annotations ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0',
};

function readVersion(file: string): number {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
}

function tableNames(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const sql = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
    const rows = db.prepare(sql).all();
    return rows.map((row) => String(row.name));
  } finally {
    db.close();
  }
}

describe('openProjectStore', () => {
  let project: TempProject;
  beforeEach(() => {
    project = makeTempProject();
  });
  afterEach(() => project.remove());

  it('creates the folder and an empty project at the latest version, without a backup', () => {
    const file = join(project.dir, 'nested', 'deeper', 'project.sqlite');
    const store = openProjectStore(file);
    expect(store.list()).toEqual([]);
    store.close();
    expect(readVersion(file)).toBe(MIGRATIONS.length);
    expect(tableNames(file)).toEqual(['annotation_tags', 'annotation_trash', 'annotations', 'settings', 'tag_trash', 'tags']);
    expect(listBackups(file)).toEqual([]);
  });

  it('runs with WAL, full sync, foreign keys and a busy timeout', () => {
    const store = openProjectStore(project.file, { busyTimeoutMs: 2500 });
    expect(store.diagnostics()).toEqual({
      schemaVersion: CURRENT,
      journalMode: 'wal',
      synchronous: 'full',
      foreignKeys: true,
      busyTimeoutMs: 2500,
    });
    store.close();
  });

  it('backs up the database before migrating it, then migrates, keeping the data', () => {
    const clock = fakeClock();
    const old = openProjectStore(project.file, { now: clock.now, migrations: MIGRATIONS });
    const saved = old.create(highlight({ note: 'written by the old version' }));
    old.close();
    clock.advance(1000);

    const migrations = [...MIGRATIONS, NEXT];
    const store = openProjectStore(project.file, { now: clock.now, migrations });
    expect(store.get(saved.id)).toEqual(saved);
    expect(store.diagnostics().schemaVersion).toBe(CURRENT + 1);
    store.close();

    const preMigration = listBackups(project.file).filter((b) => b.kind === 'pre-migration');
    expect(preMigration).toHaveLength(1);
    const backupFile = join(project.dir, 'backups', preMigration[0]!.name);
    expect(preMigration[0]!.created).toBe('2025-03-01T09:00:01.000Z');
    expect(readVersion(backupFile)).toBe(CURRENT);
    const backup = openProjectStore(backupFile, { readOnly: true, migrations: MIGRATIONS });
    expect(backup.get(saved.id)).toEqual(saved);
    backup.close();
  });

  it('leaves the database at its old version when a migration fails, with the backup taken', () => {
    const first = openProjectStore(project.file);
    const saved = first.create(highlight());
    first.close();
    const broken: Migration = { version: CURRENT + 1, description: 'broken', sql: 'ALTER TABLE no ADD x' };
    const migrations = [...MIGRATIONS, broken];
    expect(() => openProjectStore(project.file, { migrations })).toThrow(StoreError);
    expect(readVersion(project.file)).toBe(CURRENT);
    expect(listBackups(project.file).some((b) => b.kind === 'pre-migration')).toBe(true);
    const store = openProjectStore(project.file);
    expect(store.get(saved.id)).toEqual(saved);
    store.close();
  });

  it('refuses a project saved by a newer Apparatus and does not touch it', () => {
    openProjectStore(project.file, { migrations: [...MIGRATIONS, NEXT] }).close();
    expect(() => openProjectStore(project.file)).toThrow(
      withCode('newer-version', 'newer version of Apparatus'),
    );
    expect(readVersion(project.file)).toBe(CURRENT + 1);
  });

  it('brings a first-version project up to date: its highlights come back with full quotations', () => {
    openProjectStore(project.file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const db = new DatabaseSync(project.file);
    db.prepare(
      `INSERT INTO annotations (id, source_id, exact, prefix, suffix, start, "end", color, note,
                                created, modified, anchor)
       VALUES ('a1', 'edemskiy-2019', 'the Soviet camp', '', '', 10, 25, 'yellow', '',
               '2025-03-01T09:00:00.000Z', '2025-03-01T09:00:00.000Z', 'anchored')`,
    ).run();
    db.close();
    const store = openProjectStore(project.file);
    expect(store.get('a1')).toMatchObject({ quote: { exact: 'the Soviet camp' }, omissions: [] });
    expect(store.diagnostics().schemaVersion).toBe(CURRENT);
    store.close();
    expect(listBackups(project.file).some((b) => b.kind === 'pre-migration')).toBe(true);
  });

  it('brings a project of the version before sharing up to date: its highlights are its own, placed where they were, after a backup', () => {
    const clock = fakeClock();
    openProjectStore(project.file, { now: clock.now, migrations: MIGRATIONS.slice(0, 3) }).close();
    const old = new DatabaseSync(project.file);
    old.prepare(
      `INSERT INTO annotations (id, source_id, exact, prefix, suffix, start, "end", color, note, created, modified, anchor)
       VALUES ('a3', 'edemskiy-2019', 'the Soviet camp', '', '', 10, 25, 'yellow', 'made before sharing',
               '2025-03-01T09:00:00.000Z', '2025-03-01T09:00:00.000Z', 'anchored')`,
    ).run();
    old.close();
    clock.advance(1000);
    const saved = { id: 'a3', position: { start: 10, end: 25 } };
    const store = openProjectStore(project.file, { now: clock.now });
    expect(store.diagnostics().schemaVersion).toBe(4);
    const migrated = store.get(saved.id);
    expect(migrated).toMatchObject({ quote: { exact: 'the Soviet camp' }, note: 'made before sharing', position: saved.position });
    expect(migrated?.author).toBeUndefined();
    expect(migrated?.review).toBeUndefined();
    store.close();
    const db = new DatabaseSync(project.file, { readOnly: true });
    try {
      expect(db.prepare('SELECT author, review, placed_start, placed_end, start, "end" FROM annotations').get()).toEqual({
        author: null,
        review: 0,
        placed_start: saved.position.start,
        placed_end: saved.position.end,
        start: saved.position.start,
        end: saved.position.end,
      });
    } finally {
      db.close();
    }
    const backups = listBackups(project.file).filter((b) => b.kind === 'pre-migration');
    expect(backups).toHaveLength(1);
    expect(readVersion(join(project.dir, 'backups', backups[0]!.name))).toBe(3);
  });

  it('refuses a mis-numbered list of migrations before touching the file', () => {
    expect(() => openProjectStore(project.file, { migrations: [{ ...NEXT }] })).toThrow(/numbered/);
    expect(existsSync(project.file)).toBe(false);
  });

  it('opens read-only without writing anything, and refuses changes with a typed error', () => {
    const writer = openProjectStore(project.file);
    const saved = writer.create(highlight());
    writer.close();
    const later = fakeClock('2030-01-01T00:00:00.000Z');
    const reader = openProjectStore(project.file, { readOnly: true, now: later.now });
    expect(reader.get(saved.id)).toEqual(saved);
    expect(() => reader.update(saved.id, { note: 'changed' })).toThrow(withCode('read-only'));
    expect(() => reader.createTag('New')).toThrow(withCode('read-only'));
    reader.close();
    expect(listBackups(project.file)).toEqual([]);
    const check = openProjectStore(project.file);
    expect(check.get(saved.id)).toEqual(saved);
    expect(check.listTags()).toEqual([]);
    check.close();
  });

  it('refuses to open a missing project read-only', () => {
    expect(() => openProjectStore(project.file, { readOnly: true })).toThrow(withCode('not-found'));
  });

  it('lets a second connection wait for the write lock instead of failing at once', () => {
    const first = openProjectStore(project.file);
    const second = openProjectStore(project.file, { busyTimeoutMs: 2000 });
    first.create(highlight());
    expect(second.list()).toHaveLength(1);
    second.create(highlight({ position: { start: 1, end: 3 } }));
    expect(first.list()).toHaveLength(2);
    first.close();
    second.close();
  });

  it('gives a typed error when the project file is a folder', () => {
    mkdirSync(project.file);
    expect(() => openProjectStore(project.file)).toThrow(withCode('unwritable'));
  });

  it('makes no backup on opening within a day of the last one', () => {
    const clock = fakeClock();
    openProjectStore(project.file, { now: clock.now }).close();
    openProjectStore(project.file, { now: clock.now }).close();
    clock.advance(DAY - 1);
    openProjectStore(project.file, { now: clock.now }).close();
    expect(listBackups(project.file)).toHaveLength(1);
  });
});

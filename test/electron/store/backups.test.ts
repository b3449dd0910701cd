import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, restoreBackup } from '../../../electron/services/store/backups.ts';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { DAY, fakeClock, highlight, makeTempProject, withCode } from '../../support/store-temp.ts';
import type { FakeClock, TempProject } from '../../support/store-temp.ts';
import { replaceWithText } from '../../support/store-damage.ts';

describe('project backups', () => {
  let project: TempProject;
  let clock: FakeClock;
  beforeEach(() => {
    project = makeTempProject();
    clock = fakeClock();
  });
  afterEach(() => project.remove());

  function openAndClose(options: { keep?: number } = {}): void {
    const backups = { keep: options.keep ?? 7 };
    openProjectStore(project.file, { now: clock.now, backups }).close();
  }

  it('takes one backup a day on open, once the project has content', () => {
    openAndClose();
    expect(listBackups(project.file)).toEqual([]);
    openAndClose();
    clock.advance(DAY / 2);
    openAndClose();
    clock.advance(DAY / 2);
    openAndClose();
    expect(listBackups(project.file).map((b) => [b.kind, b.created])).toEqual([
      ['auto', '2025-03-02T09:00:00.000Z'],
      ['auto', '2025-03-01T09:00:00.000Z'],
    ]);
  });

  it('keeps only the newest N automatic backups', () => {
    openAndClose();
    for (let day = 0; day < 5; day += 1) {
      openAndClose({ keep: 3 });
      clock.advance(DAY);
    }
    const kept = listBackups(project.file);
    expect(kept.map((b) => b.created)).toEqual([
      '2025-03-05T09:00:00.000Z',
      '2025-03-04T09:00:00.000Z',
      '2025-03-03T09:00:00.000Z',
    ]);
    expect(readdirSync(join(project.dir, 'backups'))).toHaveLength(3);
  });

  it('takes a backup on demand, listed newest first with its size', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    store.create(highlight());
    const backup = store.backupNow();
    expect(backup).toMatchObject({ kind: 'auto', created: '2025-03-01T09:00:00.000Z' });
    expect(backup.bytes).toBeGreaterThan(0);
    expect(store.listBackups()).toEqual([backup]);
    store.close();
  });

  it('restores a backup, moving the current file aside instead of deleting it', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    const kept = store.create(highlight({ note: 'before the backup' }));
    const backup = store.backupNow();
    const later = store.create(
      highlight({ note: 'after the backup', position: { start: 1, end: 4 } }),
    );
    store.close();

    clock.advance(1000);
    const result = restoreBackup(project.file, backup.name, clock.now());
    expect(result.setAside).toBe(`${project.file}.replaced-20250301T090001.000Z`);
    expect(existsSync(result.setAside!)).toBe(true);

    const restored = openProjectStore(project.file, { now: clock.now });
    expect(restored.get(kept.id)).toEqual(kept);
    expect(restored.get(later.id)).toBeUndefined();
    restored.close();
    const aside = openProjectStore(result.setAside!, { readOnly: true });
    expect(aside.get(later.id)).toEqual(later);
    aside.close();
  });

  it('refuses to restore a backup that does not exist or is itself damaged', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    const backup = store.backupNow();
    store.close();
    expect(() => restoreBackup(project.file, '../project.sqlite')).toThrow(withCode('not-found'));
    replaceWithText(join(project.dir, 'backups', backup.name));
    expect(() => restoreBackup(project.file, backup.name)).toThrow(withCode('backup-damaged'));
    expect(readdirSync(project.dir).sort()).toEqual(['backups', 'project.sqlite']);
  });

  it('ignores and clears a backup left half-written by a crash', () => {
    openAndClose();
    const folder = join(project.dir, 'backups');
    openAndClose();
    writeFileSync(join(folder, 'project.auto-20250301T100000.000Z.sqlite.partial'), 'half');
    expect(listBackups(project.file)).toHaveLength(1);
    clock.advance(DAY);
    openAndClose();
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});

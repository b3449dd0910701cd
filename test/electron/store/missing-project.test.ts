/**
 * A project whose file is gone — deleted by another program, or moved aside as damaged — is
 * never silently replaced by an empty one: every open refuses, naming what can be restored, until
 * the user restores a copy or chooses to start afresh.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { acceptProjectAsIs, restorableCopies, restoreCopy } from '../../../electron/services/store/recovery.ts';
import { StoreCorruptError, StoreError, StoreRecoveryError } from '../../../electron/services/store/store-errors.ts';
import { scribble } from '../../support/store-damage.ts';
import { DAY, fakeClock, highlight, makeTempProject, type FakeClock, type TempProject } from '../../support/store-temp.ts';

// What `action` threw: it must refuse with a StoreRecoveryError.
function refusal(action: () => unknown): StoreRecoveryError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreRecoveryError);
    return error as StoreRecoveryError;
  }
  throw new Error('the project was used although it should have been refused');
}

describe('a project whose file is missing', () => {
  let project: TempProject;
  let clock: FakeClock;
  beforeEach(() => {
    project = makeTempProject();
    clock = fakeClock();
  });
  afterEach(() => project.remove());

  const open = (options = {}) => openProjectStore(project.file, { now: clock.now, ...options });

  it('refuses on every open, read-only too, until the user starts afresh', () => {
    const store = open();
    store.create(highlight());
    store.close();
    rmSync(project.file);

    for (const options of [{}, {}, { readOnly: true }]) {
      const error = refusal(() => open(options));
      expect(error.code).toBe('project-missing');
      expect(error.message).toBe(
        `The project file ${project.file} is missing, although this folder held a project. ` +
          'Apparatus will not start an empty project in its place. There is no backup to restore; ' +
          'you can start a new, empty project instead.',
      );
    }
    expect(existsSync(project.file)).toBe(false);

    expect(acceptProjectAsIs(project.file, clock.now())).toEqual([
      'Started a new, empty project; the backups and any files set aside stay where they are.',
    ]);
    const fresh = open();
    expect(fresh.list()).toEqual([]);
    fresh.close();
  });

  it('recognises a project from before the marker by its backups, and restores the newest', () => {
    let store = open();
    const saved = store.create(highlight({ note: 'kept in the backup' }));
    store.close();
    clock.advance(DAY);
    store = open();
    store.close();
    rmSync(project.file);
    rmSync(`${project.file}.marker`);

    const error = refusal(() => open());
    expect(error.code).toBe('project-missing');
    expect(error.message).toMatch(/although backups of a project exist in this folder/);
    expect(error.message).toMatch(/The most recent copy that can be restored is from 2025-03-02T09:00:00.000Z\./);
    expect(error.restorable.map((copy) => copy.kind)).toEqual(['auto']);

    restoreCopy(project.file, error.restorable[0]!.name, clock.now());
    const restored = open();
    expect(restored.list()).toEqual([saved]);
    restored.close();
  });

  it('after damage, refuses again on the next open instead of starting empty', () => {
    let store = open();
    const saved = store.create(highlight({ note: 'x'.repeat(20_000) }));
    store.close();
    clock.advance(DAY);
    store = open();
    store.close();
    scribble(project.file, 0, 100, 3);
    expect(() => open()).toThrow(StoreCorruptError);

    const error = refusal(() => open());
    expect(error.code).toBe('project-missing');
    expect(error.message).toMatch(/although this folder held a project/);
    restoreCopy(project.file, restorableCopies(project.file)[0]!.name, clock.now());
    const restored = open();
    expect(restored.list()).toEqual([saved]);
    restored.close();
  });

  it('never counts a folder without any trace of a project as missing one', () => {
    const store = open();
    expect(store.list()).toEqual([]);
    store.close();
  });
});

describe('project files removed or replaced under an open store', () => {
  let project: TempProject;
  let clock: FakeClock;
  beforeEach(() => {
    project = makeTempProject();
    clock = fakeClock();
  });
  afterEach(() => project.remove());

  const damages: [string, () => void][] = [
    ['removed', () => rmSync(project.file)],
    [
      'replaced',
      () => {
        // What a sync tool does: a downloaded copy renamed over the file.
        const copy = openProjectStore(join(project.dir, 'elsewhere.sqlite'));
        copy.close();
        rmSync(project.file);
        renameSync(join(project.dir, 'elsewhere.sqlite'), project.file);
      },
    ],
  ];

  it.each(damages)('stops saving when the project file is %s, keeping everything in a recovery copy', (change, damage) => {
    const store = openProjectStore(project.file, { now: clock.now });
    // Listed in text order: the second highlight comes first.
    const saved = [store.create(highlight({ position: { start: 1, end: 5 } })), store.create(highlight())];
    damage();
    const error = refusal(() => store.create(highlight({ position: { start: 7, end: 9 } })));
    expect(error.code).toBe('file-replaced');
    expect(error.message).toMatch(new RegExp(`^The project file was ${change} by another program while Apparatus had it open`));
    expect(error.message).toMatch(/Everything saved so far is kept in a recovery copy: .*project\.recovery-20250301T090000\.000Z\.sqlite\./);
    expect(existsSync(error.recoveryCopy!)).toBe(true);
    expect(refusal(() => store.list())).toBe(error);
    store.close();

    clock.advance(1000);
    const waiting = refusal(() => openProjectStore(project.file, { now: clock.now }));
    expect(waiting.code).toBe('recovery-pending');
    restoreCopy(project.file, waiting.restorable.find((copy) => copy.kind === 'recovery')!.name, clock.now());
    const restored = openProjectStore(project.file, { now: clock.now });
    expect(restored.list()).toEqual(saved);
    restored.close();
    expect(readdirSync(project.dir).filter((name) => name.includes('.recovery-'))).toEqual([]);
  });

  it('goes on with an older copy renamed over it, as it is, without replaying the journal of the file it replaced', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    const first = store.create(highlight({ note: 'y'.repeat(50_000) }));
    const older = join(project.dir, 'older.sqlite');
    execFileSync('cp', [project.file, older]);
    store.update(first.id, { note: 'z'.repeat(50_000) });
    const later = store.create(highlight({ position: { start: 1, end: 5 } }));
    // What a sync tool does: its copy renamed over the file.
    renameSync(older, project.file);
    expect(refusal(() => store.create(highlight({ position: { start: 7, end: 9 } }))).code).toBe('file-replaced');
    store.close();

    clock.advance(1000);
    expect(acceptProjectAsIs(project.file, clock.now())).toEqual(['Kept the recovery copy among the backups.']);
    // The project is the older copy, and only it: the commits of the file it replaced stay in the recovery copy.
    const going = openProjectStore(project.file, { now: clock.now });
    expect(going.list()).toEqual([first]);
    going.create(highlight({ position: { start: 7, end: 9 } }));
    expect(going.list()).toHaveLength(2);
    going.close();
    const kept = restorableCopies(project.file).find((copy) => copy.kind === 'recovery')!;
    restoreCopy(project.file, kept.name, clock.now());
    const restored = openProjectStore(project.file, { now: clock.now });
    expect(restored.list()).toEqual([later, { ...first, note: 'z'.repeat(50_000), modified: restored.get(first.id)!.modified }]);
    restored.close();
  });

  it('stops saving when its index (-shm) is removed; what it saved stays in the project file', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    const saved = store.create(highlight());
    rmSync(`${project.file}-shm`);
    const error = refusal(() => store.create(highlight({ position: { start: 1, end: 5 } })));
    expect(error.code).toBe('journal-removed');
    expect(error.message).toMatch(/removed one of the project's working files \(project\.sqlite-shm\)/);
    expect(error.message).toMatch(/Everything saved until now is in the project file\./);
    expect(error.recoveryCopy).toBeUndefined();
    store.close();
    const again = openProjectStore(project.file, { now: clock.now });
    expect(again.list()).toEqual([saved]);
    again.close();
  });

  it('stops saving when the project file is cut short in place', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    store.create(highlight({ note: 'y'.repeat(50_000) }));
    // Same inode, fewer bytes: what an overwrite in place looks like.
    truncateSync(project.file, 4096);
    const error = refusal(() => store.list());
    expect(error.code).toBe('file-replaced');
    expect(error.message).toMatch(/^The project file was overwritten by another program/);
    store.close();
  });

  it('stops saving when another program writes a file of the same size over it in place', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    const saved = [store.create(highlight({ position: { start: 1, end: 5 } })), store.create(highlight())];
    // `cp` keeps the inode and, here, the size: only the header tells.
    const other = join(project.dir, 'notes.txt');
    writeFileSync(other, Buffer.alloc(statSync(project.file).size, 'lorem ipsum '));
    execFileSync('cp', [other, project.file]);
    const error = refusal(() => store.create(highlight({ position: { start: 7, end: 9 } })));
    expect(error.code).toBe('file-replaced');
    expect(error.message).toMatch(/^The project file was overwritten by another program while Apparatus had it open/);
    expect(refusal(() => store.list())).toBe(error);
    store.close();

    clock.advance(1000);
    const waiting = refusal(() => openProjectStore(project.file, { now: clock.now }));
    restoreCopy(project.file, waiting.restorable.find((copy) => copy.kind === 'recovery')!.name, clock.now());
    const restored = openProjectStore(project.file, { now: clock.now });
    expect(restored.list()).toEqual(saved);
    restored.close();
  });

  it('stops saving when an older copy of the project is written over it in place', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    const first = store.create(highlight({ note: 'y'.repeat(50_000) }));
    const older = join(project.dir, 'backups', store.backupNow().name);
    // The older copy's pages are all still in use: the file does not shrink when it is copied back.
    store.update(first.id, { note: 'z'.repeat(50_000) });
    store.create(highlight({ position: { start: 1, end: 5 } }));
    expect(statSync(older).size).toBeLessThanOrEqual(statSync(project.file).size);
    execFileSync('cp', [older, project.file]);
    const error = refusal(() => store.create(highlight({ position: { start: 7, end: 9 } })));
    expect(error.code).toBe('file-replaced');
    expect(error.message).toMatch(/^The project file was overwritten by another program/);
    store.close();
  });

  it('refuses to restore a copy while the project is open', () => {
    const store = openProjectStore(project.file, { now: clock.now });
    store.create(highlight());
    const backup = store.backupNow();
    let error: unknown;
    try {
      restoreCopy(project.file, backup.name, clock.now());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/The project is open in an Apparatus window or command\. Close it before restoring/);
    expect(store.list()).toHaveLength(1);
    store.close();
  });
});

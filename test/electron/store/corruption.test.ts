import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../../electron/services/store/backups.ts';
import { acceptProjectAsIs } from '../../../electron/services/store/recovery.ts';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { StoreCorruptError } from '../../../electron/services/store/store-errors.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { replaceWithText, scribble, truncateTo } from '../../support/store-damage.ts';
import { DAY, fakeClock, highlight, makeTempProject } from '../../support/store-temp.ts';
import type { FakeClock, TempProject } from '../../support/store-temp.ts';

const PAGE = 4096;

function sizeOf(file: string): number {
  return statSync(file).size;
}

describe('opening a damaged project', () => {
  let project: TempProject;
  let clock: FakeClock;
  let saved: Annotation[];
  beforeEach(() => {
    project = makeTempProject();
    clock = fakeClock();
    // A project of a few dozen pages, with one good backup taken a day before the damage.
    const store = openProjectStore(project.file, { now: clock.now });
    const tag = store.createTag('Archive');
    saved = [];
    for (let i = 0; i < 60; i += 1) {
      const note = `Note ${i}: ${'detail '.repeat(200)}`;
      const position = { start: i, end: i + 5 };
      saved.push(store.create(highlight({ note, tags: [tag.id], position })));
    }
    store.backupNow();
    store.close();
    expect(readFileSync(project.file).length).toBeGreaterThan(20 * PAGE);
    clock.advance(DAY / 4);
  });
  afterEach(() => project.remove());

  function openExpectingDamage(): StoreCorruptError {
    try {
      openProjectStore(project.file, { now: clock.now }).close();
    } catch (error) {
      expect(error).toBeInstanceOf(StoreCorruptError);
      return error as StoreCorruptError;
    }
    throw new Error('the damaged project opened without complaint');
  }

  it.each([
    ['truncated to half its size', () => truncateTo(project.file, 0.5)],
    ['truncated inside its header', () => truncateTo(project.file, 50 / sizeOf(project.file))],
    ['with random bytes over its header', () => scribble(project.file, 0, 100, 7)],
    ['with random bytes over its second page', () => scribble(project.file, PAGE, PAGE, 11)],
    [
      'with random bytes over a page near its end',
      () => scribble(project.file, sizeOf(project.file) - 3 * PAGE, PAGE, 13),
    ],
    ['replaced by a text file', () => replaceWithText(project.file)],
    ['emptied to zero bytes although backups exist', () => truncateTo(project.file, 0)],
  ])('detects a file %s, moves it aside and offers the backup', (_label, damage) => {
    damage();
    const damagedBytes = readFileSync(project.file);
    const error = openExpectingDamage();

    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/is damaged and cannot be opened/);
    expect(error.message).toMatch(/nothing was deleted/);
    expect(error.message).toMatch(/most recent backup is from 2025-03-01T09:00:00.000Z/);
    expect(error.damagedFile).toBe(`${project.file}.damaged-20250301T150000.000Z`);
    expect(readFileSync(error.damagedFile!)).toEqual(damagedBytes);
    expect(existsSync(project.file)).toBe(false);
    expect(error.backups).toHaveLength(1);

    restoreBackup(project.file, error.backups[0]!.name, clock.now());
    const store = openProjectStore(project.file, { now: clock.now });
    expect(store.list()).toEqual(saved);
    expect(store.checkIntegrity()).toEqual([]);
    store.close();
  });

  it('says so plainly when there is no backup to offer', () => {
    rmSync(join(project.dir, 'backups'), { recursive: true });
    replaceWithText(project.file);
    const error = openExpectingDamage();
    expect(error.message).toMatch(/There is no backup to restore/);
    expect(error.backups).toEqual([]);
  });

  it('does not offer a backup that is itself damaged', () => {
    const folder = join(project.dir, 'backups');
    for (const name of readdirSync(folder)) scribble(join(folder, name), 0, 100, 5);
    replaceWithText(project.file);
    expect(openExpectingDamage().backups).toEqual([]);
  });

  it('starts a new empty project on the next open once the user chose to, leaving the damaged file in place', () => {
    scribble(project.file, 0, 100, 3);
    const { damagedFile } = openExpectingDamage();
    // Without that choice the next open refuses (test/electron/store/missing-project.test.ts).
    acceptProjectAsIs(project.file, clock.now());
    const store = openProjectStore(project.file, { now: clock.now });
    expect(store.list()).toEqual([]);
    store.close();
    expect(existsSync(damagedFile!)).toBe(true);
  });
});

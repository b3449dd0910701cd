/**
 * Moving a project file out of the way without ever deleting it: a damaged database, or the file a
 * restored backup replaces, is renamed next to where it was, together with its WAL files.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncFolder } from '../atomic-write.ts';

// SQLite keeps recent commits in `<file>-wal` until a checkpoint; it belongs with its database.
const COMPANIONS = ['-wal', '-shm', '-journal'];

/** `date` as a compact, sortable, file-name-safe UTC stamp: `20250314T091502.123Z`. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

/**
 * Renames `file` (and its `-wal`/`-shm` companions) to `<file>.<label>-<stamp>`, adding `-2`,
 * `-3`… if that name is taken. Returns the new path. SQLite finds the WAL again under the new
 * name, so the moved copy still opens with every commit it held.
 */
export function setAside(file: string, label: string, now: Date): string {
  const base = `${file}.${label}-${fileStamp(now)}`;
  let target = base;
  for (let n = 2; existsSync(target); n += 1) target = `${base}-${n}`;
  renameSync(file, target);
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  syncFolder(dirname(file));
  return target;
}

/**
 * Renames the `-wal`/`-shm` files of `file` to `<file>.<label>-<stamp>-wal`… when the database
 * itself is gone: a journal left behind must never be replayed into another file put in its place.
 */
export function setAsideJournal(file: string, label: string, now: Date): void {
  const target = `${file}.${label}-${fileStamp(now)}`;
  let moved = false;
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) {
      renameSync(file + suffix, target + suffix);
      moved = true;
    }
  }
  if (moved) syncFolder(dirname(file));
}

/** Flushes a file's contents to disk. */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

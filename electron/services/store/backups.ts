/**
 * Backup copies of the project database, kept in a `backups` folder next to it. A backup is a
 * consistent snapshot written by SQLite's `VACUUM INTO`, so it can be taken while the store is
 * open.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { syncFolder } from '../atomic-write.ts';
import { openElsewhereIfKnown } from './holder-probe.ts';
import { fileStamp, setAside, setAsideJournal, syncFile } from './set-aside.ts';
import { toStoreError } from './sqlite-errors.ts';
import { StoreError } from './store-errors.ts';

/**
 * Why a copy was taken: the daily rotation, just before a schema migration, or to keep what an
 * open project held when another program removed or replaced its files (a recovery copy).
 */
export type BackupKind = 'auto' | 'pre-migration' | 'recovery';

/** One backup file, as the "restore a backup" dialog lists it. */
export interface BackupInfo {
  /** The file name inside the backups folder; pass it to `restoreBackup`. */
  name: string;
  kind: BackupKind;
  /** When it was taken (ISO 8601, UTC). */
  created: string;
  bytes: number;
}

/** How backups rotate: one on open when the newest is older than `intervalMs`, keeping `keep`. */
export interface BackupPolicy {
  intervalMs: number;
  keep: number;
}

/** One backup a day, a week of them. */
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { intervalMs: 24 * 60 * 60 * 1000, keep: 7 };

const PARTIAL = '.partial';

/** The folder that holds the backups of the project database `file`. */
export function backupFolder(file: string): string {
  return join(dirname(file), 'backups');
}

/**
 * Writes a snapshot of the open database `db` (the project file `file`) into the backups folder.
 * The copy is written under a temporary name, flushed, then renamed, so a crash never leaves a
 * half-written file that looks like a backup.
 */
export function writeBackup(
  db: DatabaseSync,
  file: string,
  kind: BackupKind,
  now: Date,
): BackupInfo {
  return writeSnapshot(db, file, backupFolder(file), kind, now);
}

/**
 * Writes a snapshot of `db` (the project file `file`) as `<stem>.<kind>-<stamp>.sqlite` in
 * `folder`: under a temporary name, flushed, then renamed, so a crash never leaves a half-written
 * file that looks like a copy.
 */
export function writeSnapshot(
  db: DatabaseSync,
  file: string,
  folder: string,
  kind: BackupKind,
  now: Date,
): BackupInfo {
  mkdirSync(folder, { recursive: true });
  const stem = stemOf(file);
  let name = `${stem}.${kind}-${fileStamp(now)}.sqlite`;
  for (let n = 2; existsSync(join(folder, name)); n += 1) {
    name = `${stem}.${kind}-${fileStamp(now)}-${n}.sqlite`;
  }
  // Named for this process: another one may be writing its own copy at the same moment.
  const partial = join(folder, `${name}.${process.pid}${PARTIAL}`);
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  syncFile(partial);
  renameSync(partial, join(folder, name));
  syncFolder(folder);
  return { name, kind, created: now.toISOString(), bytes: statSync(join(folder, name)).size };
}

/** The backups of the project database `file`, newest first; none if there is no backups folder. */
export function listBackups(file: string): BackupInfo[] {
  return listSnapshots(file, backupFolder(file), ['auto', 'pre-migration', 'recovery']);
}

/** The copies of `file` of the given kinds in `folder`, newest first. */
export function listSnapshots(
  file: string,
  folder: string,
  kinds: readonly BackupKind[],
): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const stampPattern = String.raw`(\d{8}T\d{6}\.\d{3}Z)(?:-(\d+))?`;
  const stem = escapeRegExp(stemOf(file));
  const pattern = new RegExp(String.raw`^${stem}\.(${kinds.join('|')})-${stampPattern}\.sqlite$`);
  const found: { info: BackupInfo; order: string }[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const [, kind, stamp, counter] = match as unknown as [string, BackupKind, string, string?];
    const order = `${stamp}-${(counter ?? '1').padStart(6, '0')}`;
    const bytes = statSync(join(folder, name)).size;
    found.push({ info: { name, kind, created: fromStamp(stamp), bytes }, order });
  }
  found.sort((a, b) => (a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
  return found.map((entry) => entry.info);
}

/**
 * The daily rotation, run on each open: takes an `auto` backup if the newest one is older than
 * `policy.intervalMs` (or there is none), then deletes the oldest `auto` backups beyond
 * `policy.keep`. Pre-migration backups are never rotated away. Returns the new backup, if any.
 */
export function rotateBackups(
  db: DatabaseSync,
  file: string,
  policy: BackupPolicy,
  now: Date,
): BackupInfo | undefined {
  removePartials(file);
  const autos = listBackups(file).filter((backup) => backup.kind === 'auto');
  const newest = autos[0];
  let taken: BackupInfo | undefined;
  if (!newest || now.getTime() - Date.parse(newest.created) >= policy.intervalMs) {
    taken = writeBackup(db, file, 'auto', now);
    autos.unshift(taken);
  }
  for (const old of autos.slice(Math.max(policy.keep, 1))) {
    rmSync(join(backupFolder(file), old.name), { force: true });
  }
  return taken;
}

/**
 * Replaces the project database `file` with the backup `name` (from `listBackups`). The store must
 * be closed. The backup is checked first and refused if damaged; the current file, if any, is moved
 * aside to `<file>.replaced-<stamp>`, never deleted. Returns where the replaced file went.
 */
export function restoreBackup(
  file: string,
  name: string,
  now: Date = new Date(),
): { setAside?: string } {
  try {
    return replaceWithBackup(file, name, now);
  } catch (error) {
    throw toStoreError(error, file);
  }
}

function replaceWithBackup(file: string, name: string, now: Date): { setAside?: string } {
  const backup = listBackups(file).find((candidate) => candidate.name === name);
  if (!backup) {
    throw new StoreError('not-found', `There is no backup called “${name}” for this project.`);
  }
  const what = `The backup of ${backup.created}`;
  return replaceProjectFile(file, join(backupFolder(file), backup.name), what, now);
}

/**
 * Replaces the project database `file` by a copy of `source` (`what` names it in messages: "The
 * backup of …"). Refused if the copy is damaged or the project is open in another window or
 * command. The current file and its journal, or a journal left without its file, are moved aside
 * to `<file>.replaced-<stamp>`, never deleted: a stale journal must not meet the restored file.
 * Where the copy cannot be written, nothing is changed.
 */
export function replaceProjectFile(
  file: string,
  source: string,
  what: string,
  now: Date,
): { setAside?: string } {
  if (!isHealthy(source)) {
    throw new StoreError(
      'backup-damaged',
      `${what} is itself damaged and cannot be restored. Choose an older backup.`,
    );
  }
  if (existsSync(file) && openElsewhereIfKnown(file)) {
    throw new StoreError(
      'busy',
      'The project is open in an Apparatus window or command. Close it before restoring a copy: ' +
        'nothing was changed.',
    );
  }
  // The copy is made whole first: a disk that cannot hold it (full, or removed) refuses the
  // restore with the project still in its place, not moved aside with nothing in its stead.
  const incoming = `${file}.restoring`;
  try {
    copyFileSync(source, incoming);
    syncFile(incoming);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  const replaced = existsSync(file) ? setAside(file, 'replaced', now) : undefined;
  if (replaced === undefined) setAsideJournal(file, 'replaced', now);
  renameSync(incoming, file);
  syncFolder(dirname(file));
  return replaced === undefined ? {} : { setAside: replaced };
}

/**
 * True when `file` opens as an SQLite database and passes `PRAGMA quick_check`; `open` opens it
 * (default: read-only; `frozen` for a file checked alone, leaving no working files beside it).
 */
export function isHealthy(file: string, open: (file: string) => DatabaseSync = (path) => new DatabaseSync(path, { readOnly: true })): boolean {
  let db: DatabaseSync | undefined;
  try {
    db = open(file);
    const rows = db.prepare('PRAGMA quick_check').all();
    return rows.length === 1 && Object.values(rows[0] ?? {})[0] === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

// A crash during VACUUM INTO leaves a `.partial` file; it is never a usable backup. One whose
// writer is still running (another window or command taking its copy) is left alone.
function removePartials(file: string): void {
  const folder = backupFolder(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith(PARTIAL)) continue;
    const writer = /\.(\d+)\.partial$/.exec(name)?.[1];
    if (writer === undefined || !isRunning(Number(writer))) rmSync(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

function stemOf(file: string): string {
  const name = basename(file);
  const extension = extname(name);
  return extension ? name.slice(0, -extension.length) : name;
}

/** The ISO 8601 date of a file stamp (`fileStamp`'s `20250314T091502.123Z`), or the stamp as it is. */
export function fromStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : stamp;
}

/** `text` matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

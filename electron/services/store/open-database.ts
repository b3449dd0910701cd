/**
 * Opening the project database: the project's state is checked before SQLite touches it, the
 * folder is created if needed, SQLite is configured for durability, a damaged file is detected and
 * moved aside, and pending migrations run after a backup — one process at a time.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { backupFolder, isHealthy, listBackups, writeBackup } from './backups.ts';
import { retryWhileBusy } from './busy.ts';
import { openElsewhereIfKnown } from './holder-probe.ts';
import type { Migration } from './migrations.ts';
import { checkBeforeOpening } from './open-checks.ts';
import { setAside } from './set-aside.ts';
import { diskIsFull, isCorruption, sqliteCode, toStoreError } from './sqlite-errors.ts';
import { StoreCorruptError, StoreError } from './store-errors.ts';
import { copyIntoDatabase, transact } from './transaction.ts';

/** How to open the database file. */
export interface OpenDatabaseOptions {
  readOnly: boolean;
  busyTimeoutMs: number;
  migrations: readonly Migration[];
  now: () => Date;
  /** Create a new project even where one existed: the user chose to start afresh. */
  startAfresh?: boolean;
}

/** An open, configured, migrated database; `fresh` when it held no project before this open. */
export interface OpenedDatabase {
  db: DatabaseSync;
  fresh: boolean;
  /**
   * Read as an unchanging file (read-only media, a full disk): no journal and no locks, which
   * SQLite could not create there.
   */
  frozen: boolean;
}

class DamageFound extends Error {}

/**
 * Opens (creating if needed) the project database `file` and brings its schema up to date.
 * Throws `StoreCorruptError` (after moving the damaged file aside, unless read-only),
 * `StoreError('newer-version')` for a project written by a newer Apparatus, and other
 * `StoreError`s for folders that cannot be written. On any failure the database is closed.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): OpenedDatabase {
  checkNumbering(options.migrations);
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) {
    const message = `The project file ${file} is a folder, not an Apparatus project.`;
    throw new StoreError('unwritable', message);
  }
  checkBeforeOpening(file, { startAfresh: options.startAfresh });
  // Looked at again: the checks may have waited while other processes created or wrote the file.
  const current = statOrUndefined(file);
  if (options.readOnly && !current) {
    throw new StoreError('not-found', `There is no Apparatus project at ${file}.`);
  }
  if (!options.readOnly) prepareFolder(file);
  const wait = options.busyTimeoutMs;
  let db: DatabaseSync | undefined;
  try {
    if (current?.size === 0 && listBackups(file).length > 0 && !hasContent(`${file}-wal`)) {
      throw new DamageFound('the project file is empty although backups of it exist');
    }
    db = connect(file, options, false);
    let frozen = false;
    if (options.readOnly) {
      const connected = db;
      try {
        retryWhileBusy(() => connected.prepare('PRAGMA schema_version').get(), wait);
      } catch (error) {
        if (!canReadFrozen(file, error)) throw error;
        db.close();
        db = connect(file, options, true);
        frozen = true;
      }
    }
    const opened = db;
    retryWhileBusy(() => configure(opened, options.readOnly), wait);
    const problems = retryWhileBusy(() => quickCheck(opened), wait);
    if (problems.length > 0) throw new DamageFound(problems.slice(0, 5).join('; '));
    const fresh = retryWhileBusy(() => migrate(opened, file, options), wait);
    // A new project's schema, like every commit, goes into the file itself at once.
    if (!options.readOnly) copyIntoDatabase(opened, Math.min(wait, 1000));
    return { db: opened, fresh, frozen };
  } catch (error) {
    if (db?.isOpen) db.close();
    if (error instanceof DamageFound || isCorruption(error)) throw damaged(file, options, error);
    throw openingError(error, file);
  }
}

function connect(file: string, options: OpenDatabaseOptions, frozen: boolean): DatabaseSync {
  const settings = {
    readOnly: options.readOnly,
    timeout: options.busyTimeoutMs,
    enableForeignKeyConstraints: true,
  };
  if (!frozen) return new DatabaseSync(file, settings);
  // immutable=1: SQLite reads the file without locks, journal or index, as on a CD-ROM.
  const url = pathToFileURL(file);
  url.searchParams.set('immutable', '1');
  return new DatabaseSync(url, settings);
}

// SQLite opens a WAL database read-only only where it can create the index (`-shm`) beside it:
// not on read-only media, nor on a full disk. The file alone is then the whole project, unless a
// journal with commits was left beside it, which this cannot read.
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CANTOPEN = 14;

function canReadFrozen(file: string, error: unknown): boolean {
  const code = sqliteCode(error);
  const refused = code === SQLITE_CANTOPEN || code === SQLITE_IOERR || code === SQLITE_READONLY;
  if (refused && hasContent(`${file}-wal`)) {
    throw new StoreError(
      'read-only',
      `The latest changes of the project ${file} are still in its journal file, which cannot be ` +
        'read where nothing can be written (read-only media, or a full disk). Copy the project ' +
        'folder to a disk with free space and open it there.',
      { cause: error },
    );
  }
  return refused;
}

function openingError(error: unknown, file: string): StoreError {
  const failure = toStoreError(error, file);
  if (failure.code !== 'disk-full') return failure;
  return new StoreError(
    'disk-full',
    `The disk holding your project is full, so Apparatus cannot open the project to save ` +
      `changes. Free some space and try again. (${file})`,
    { cause: error },
  );
}

/** The problems `PRAGMA quick_check` reports; empty when the database is sound. */
export function quickCheck(db: DatabaseSync): string[] {
  return checkRows(db, 'PRAGMA quick_check');
}

/** The problems `PRAGMA integrity_check` reports (the thorough check); empty when sound. */
export function integrityCheck(db: DatabaseSync): string[] {
  return checkRows(db, 'PRAGMA integrity_check');
}

/** How an open database is configured, as SQLite reports it. */
export interface StoreDiagnostics {
  schemaVersion: number;
  journalMode: string;
  synchronous: 'off' | 'normal' | 'full' | 'extra';
  foreignKeys: boolean;
  busyTimeoutMs: number;
}

/** The configuration SQLite reports for `db` (per-connection settings included). */
export function describeDatabase(db: DatabaseSync): StoreDiagnostics {
  const levels = ['off', 'normal', 'full', 'extra'] as const;
  return {
    schemaVersion: Number(pragma(db, 'user_version')),
    journalMode: String(pragma(db, 'journal_mode')),
    synchronous: levels[Number(pragma(db, 'synchronous'))] ?? 'full',
    foreignKeys: Number(pragma(db, 'foreign_keys')) === 1,
    busyTimeoutMs: Number(pragma(db, 'busy_timeout')),
  };
}

function pragma(db: DatabaseSync, name: string): unknown {
  const row = db.prepare(`PRAGMA ${name}`).get();
  return row ? Object.values(row)[0] : undefined;
}

function checkRows(db: DatabaseSync, pragma: string): string[] {
  const results = db.prepare(pragma).all().map((row) => String(Object.values(row)[0]));
  return results.length === 1 && results[0] === 'ok' ? [] : results;
}

function configure(db: DatabaseSync, readOnly: boolean): void {
  if (!readOnly) {
    // WAL: readers never block the writer, and a crash mid-commit leaves the last commit intact.
    db.exec('PRAGMA journal_mode = WAL');
  }
  // FULL syncs the WAL on every commit. NORMAL would be faster but, after a power cut, may lose
  // the last commits the user already saw succeed; user actions are few, so durability wins.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
}

/**
 * Brings the schema up to date; returns true when the database held no project before. Several
 * processes may open a new project at once: the version is read again under the write lock
 * (`BEGIN IMMEDIATE`), so only the first one migrates and the others find the work done.
 */
function migrate(db: DatabaseSync, file: string, options: OpenDatabaseOptions): boolean {
  const latest = options.migrations.at(-1)?.version ?? 0;
  const current = userVersion(db);
  refuseNewer(current, latest);
  if (current === latest) return false;
  if (options.readOnly) {
    throw new StoreError(
      'read-only',
      'This project must be updated to the current format, which cannot be done while it is ' +
        'open read-only.',
    );
  }
  if (!isEmptyDatabase(db)) writeBackup(db, file, 'pre-migration', options.now());
  let fresh = false;
  transact(db, () => {
    const locked = userVersion(db);
    refuseNewer(locked, latest);
    fresh = isEmptyDatabase(db);
    // One transaction for every pending step: a process that waited for the lock sees either
    // the old version or the finished schema, never a half-migrated one.
    for (const migration of options.migrations.filter((step) => step.version > locked)) {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    }
  });
  return fresh;
}

function refuseNewer(current: number, latest: number): void {
  if (current > latest) {
    throw new StoreError(
      'newer-version',
      `This project was saved by a newer version of Apparatus (format ${current}; ` +
        `this version reads up to ${latest}). Update Apparatus to open it. ` +
        'The file was not changed.',
    );
  }
}

// A mis-numbered list is a programming error; refuse it before it touches a user's file.
function checkNumbering(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      const problem = `Migration ${index + 1} is numbered ${migration.version}`;
      throw new Error(`${problem}; migrations must be numbered 1, 2, 3…`);
    }
  });
}

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

function isEmptyDatabase(db: DatabaseSync): boolean {
  const row = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
  return row.n === 0 && userVersion(db) === 0;
}

/**
 * Why changes to the project `file` could not be saved now — its folder or file is read-only,
 * or its disk is full — or undefined when they could.
 */
export function whyReadOnly(file: string): 'read-only' | 'disk-full' | undefined {
  try {
    accessSync(dirname(file), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
  } catch {
    return 'read-only';
  }
  return diskIsFull(file) ? 'disk-full' : undefined;
}

function prepareFolder(file: string): void {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw toStoreError(error, file);
  }
  try {
    // SQLite needs to create `-wal` and `-shm` files beside the database, so the folder itself
    // must be writable, not only the file. access() honours read-only mounts and immutable files
    // even for root.
    accessSync(folder, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
  } catch (error) {
    throw new StoreError(
      'read-only',
      `Apparatus cannot save your work in ${folder}: ` +
        'the folder or the project file is read-only. ' +
        'Make it writable, or choose another project folder (the --project option).',
      { cause: error },
    );
  }
}

function damaged(file: string, options: OpenDatabaseOptions, cause: unknown): StoreCorruptError {
  // Offer only backups that would actually restore.
  const folder = backupFolder(file);
  const backups = listBackups(file).filter((backup) => isHealthy(join(folder, backup.name)));
  const offer = backups[0]
    ? ` The most recent backup is from ${backups[0].created}; you can restore it.`
    : ' There is no backup to restore.';
  if (options.readOnly) {
    const message = `The project database ${file} is damaged and cannot be read.${offer}`;
    return new StoreCorruptError(message, { backups, cause });
  }
  // Never pull a file from under connections still using it: whatever looked wrong here, they
  // would go on writing into the file set aside.
  if (openElsewhereIfKnown(file)) {
    return new StoreCorruptError(
      `The project database ${file} seems damaged, but it is open in another Apparatus window ` +
        'or command, so it was left where it is. Close the others and open the project again to ' +
        `have it checked.${offer}`,
      { backups, cause },
    );
  }
  let damagedFile: string;
  try {
    damagedFile = setAside(file, 'damaged', options.now());
  } catch (error) {
    return new StoreCorruptError(
      `The project database ${file} is damaged, and it could not be moved aside ` +
        `(${String(error)}).${offer}`,
      { backups, cause },
    );
  }
  return new StoreCorruptError(
    `The project database ${file} is damaged and cannot be opened. ` +
      `It has been moved to ${damagedFile}; nothing was deleted.${offer}`,
    { damagedFile, backups, cause },
  );
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function hasContent(file: string): boolean {
  return (statOrUndefined(file)?.size ?? 0) > 0;
}

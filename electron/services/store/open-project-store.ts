/**
 * The entry point of the project store: opens (or creates) the database file and hands back a
 * `ProjectStore`. Everything the store depends on comes in here; there is no module-level state.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { DEFAULT_BACKUP_POLICY, rotateBackups } from './backups.ts';
import type { BackupPolicy } from './backups.ts';
import { MIGRATIONS } from './migrations.ts';
import type { Migration } from './migrations.ts';
import { openDatabase } from './open-database.ts';
import { ProjectStore } from './project-store.ts';
import { toStoreError } from './sqlite-errors.ts';
import { WorkingFiles } from './working-files.ts';
import { StoreError } from './store-errors.ts';

/** Options of `openProjectStore`; every one has a sensible default. */
export interface ProjectStoreOptions {
  /** The clock for timestamps and backup names. Defaults to the system clock. */
  now?: () => Date;
  /** Makes ids for new annotations and tags. Defaults to random UUIDs. */
  newId?: () => string;
  /** Backup rotation (default: one a day on open, keep 7). */
  backups?: Partial<BackupPolicy>;
  /** How long to wait for another connection's write lock before giving up (default 5 s). */
  busyTimeoutMs?: number;
  /** Open for reading only (e.g. a CLI export): nothing is written, not even a backup. */
  readOnly?: boolean;
  /**
   * Refuse to let the database grow beyond about this many bytes (SQLite `max_page_count`): a
   * write that would cross it fails as `disk-full` and is rolled back. Unlimited by default.
   */
  maxDatabaseBytes?: number;
  /** The schema migrations (default: this version's `MIGRATIONS`); tests pass older lists. */
  migrations?: readonly Migration[];
  /** Where to report problems that do not stop the store from working (default `console.warn`). */
  log?: (message: string) => void;
}

/**
 * Opens the project database `file`, creating it and its folder if needed: WAL, foreign keys,
 * `synchronous = FULL`, migrations (after a backup copy of an existing database), then the daily
 * backup rotation. Throws `StoreCorruptError` for a damaged file (moved aside, never deleted) and
 * `StoreError` for a folder that cannot be written, a full disk, or a project from a newer version.
 */
export function openProjectStore(file: string, options: ProjectStoreOptions = {}): ProjectStore {
  const now = options.now ?? (() => new Date());
  const readOnly = options.readOnly ?? false;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const { db, fresh, frozen } = openDatabase(file, {
    readOnly,
    busyTimeoutMs,
    migrations: options.migrations ?? MIGRATIONS,
    now,
  });
  try {
    if (options.maxDatabaseBytes !== undefined) limitSize(db, options.maxDatabaseBytes);
  } catch (error) {
    db.close();
    throw toStoreError(error, file);
  }
  // A new project has nothing worth a copy yet; its first backup comes with a later open.
  if (!readOnly && !fresh) {
    try {
      rotateBackups(db, file, { ...DEFAULT_BACKUP_POLICY, ...options.backups }, now());
    } catch (error) {
      // A missed daily backup must not lock the historian out of their project.
      const log = options.log ?? console.warn;
      log(`The daily backup of ${file} could not be made: ${toStoreError(error, file).message}`);
    }
  }
  let files: WorkingFiles;
  try {
    files = WorkingFiles.record(file, { journal: !frozen });
  } catch (error) {
    db.close();
    throw toStoreError(error, file);
  }
  return new ProjectStore({ db, file, now, newId: options.newId ?? randomUUID, files, busyTimeoutMs });
}

/**
 * Opens a project for a command that only reads: as any opening does (so a project saved by an
 * older Apparatus is brought up to the current format first, after a backup copy), or, where
 * nothing can be saved (read-only media or file, a full disk), read-only.
 */
export function openProjectForReading(file: string, options: ProjectStoreOptions = {}): ProjectStore {
  try {
    return openProjectStore(file, { ...options, readOnly: false });
  } catch (error) {
    // Where nothing can be saved (read-only media or file, a full disk), reading still works.
    if (!(error instanceof StoreError) || (error.code !== 'read-only' && error.code !== 'disk-full')) throw error;
    return openProjectStore(file, { ...options, readOnly: true });
  }
}

function limitSize(db: DatabaseSync, bytes: number): void {
  if (!Number.isFinite(bytes) || bytes <= 0) {
    const message = 'The size limit of the project must be a positive number of bytes.';
    throw new StoreError('invalid-input', message);
  }
  const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  db.exec(`PRAGMA max_page_count = ${Math.max(1, Math.floor(bytes / pageSize))}`);
}

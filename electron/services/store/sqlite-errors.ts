/**
 * Turns what node:sqlite and the file system throw into `StoreError`s a historian can act on.
 * SQLite's own wording ("database or disk is full") stays in `cause`, for the log.
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AnnotateError } from '../../../core/annotate/errors.ts';
import { StoreCorruptError, StoreError } from './store-errors.ts';
import type { StoreErrorCode } from './store-errors.ts';

// Primary SQLite result codes (https://sqlite.org/rescode.html); extended codes share the low byte.
const SQLITE_PERM = 3;
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** The primary SQLite result code of an error thrown by node:sqlite; undefined for others. */
export function sqliteCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const errcode = (error as { errcode?: unknown }).errcode;
  return typeof errcode === 'number' ? errcode & 0xff : undefined;
}

/** True when `error` says the database file is damaged or is not a database at all. */
export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/**
 * A `StoreError` for any failure of a store action: `StoreError`s pass through unchanged,
 * SQLite and file-system failures get a code and a plain message, anything else becomes `io`.
 */
export function toStoreError(error: unknown, file: string): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof AnnotateError) {
    return new StoreError(annotateCode(error), error.message, { cause: error });
  }
  const cause = error;
  if (isCorruption(error)) {
    return new StoreCorruptError(
      'The project database is damaged. Close and reopen Apparatus: it will set the damaged file ' +
        'aside and offer the most recent backup.',
      { cause },
    );
  }
  switch (sqliteCode(error) ?? fileSystemCode(error)) {
    case SQLITE_FULL:
    case 'ENOSPC':
    case 'EDQUOT':
      return diskFull(file, cause);
    case SQLITE_READONLY:
    case 'EROFS':
      return new StoreError(
        'read-only',
        'Your project cannot be saved because its folder or file is read-only. ' +
          `Nothing was changed. (${file})`,
        { cause },
      );
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case 'EACCES':
    case 'EPERM':
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR':
      return new StoreError(
        'unwritable',
        `Apparatus cannot open or create the project file at ${file}. ` +
          'Check that the folder exists and that you may write to it.',
        { cause },
      );
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return new StoreError(
        'busy',
        'The project is in use by another Apparatus window or command. Close it and try again.',
        { cause },
      );
    case SQLITE_IOERR:
    default:
      // A full disk often surfaces as an I/O error (the index file could not grow, a write came
      // back short): ask the file system how much room is left before calling it that.
      if (diskIsFull(file)) return diskFull(file, cause);
      return new StoreError(
        'io',
        `The project file could not be read or written (${file}). ` +
          'Nothing was changed; try again, and check the disk if this repeats.',
        { cause },
      );
  }
}

function diskFull(file: string, cause: unknown): StoreError {
  return new StoreError(
    'disk-full',
    'The disk holding your project is full, so the change was not saved. ' +
      `Free some space and try again. (${file})`,
    { cause },
  );
}

// Less room than this is a full disk for a database: SQLite grows its files by pages and its
// index by 32 KB at a time, and the file system keeps some blocks for itself.
const FULL_BELOW_BYTES = 1024 * 1024;

/** True when the file system holding `file` has (almost) no room left for it. */
export function diskIsFull(file: string): boolean {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    try {
      const stats = statfsSync(folder);
      return stats.bavail * stats.bsize < FULL_BELOW_BYTES;
    } catch {
      // The folder may not exist yet: ask its parent, which is on the same disk or above it.
      if (dirname(folder) === folder) return false;
    }
  }
}

// The tag rules of core/annotate refuse with the same codes the store uses; range errors
// cannot reach the store, which takes selectors, but would be invalid input.
function annotateCode(error: AnnotateError): StoreErrorCode {
  switch (error.code) {
    case 'empty-tag-name':
    case 'tag-name-taken':
    case 'unknown-tag':
    case 'merge-into-itself':
    case 'tag-cycle':
      return error.code;
    default:
      return 'invalid-input';
  }
}

function fileSystemCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * Atomic file writes for exports: the bytes go to a temporary file in the target's own folder,
 * are flushed to disk, then take the target's name in one step, so a reader never sees half a
 * file and a failure leaves the old file (or no file) and no temporary behind.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Why a file could not be written. */
export type WriteFileErrorCode = 'file-exists' | 'write-failed';

/** A refused or failed write, with a message for the historian. */
export class WriteFileError extends Error {
  readonly code: WriteFileErrorCode;

  constructor(code: WriteFileErrorCode, message: string) {
    super(message);
    this.name = 'WriteFileError';
    this.code = code;
  }
}

/** Options of `writeFileAtomic`. */
export interface WriteFileOptions {
  /** Replace an existing file (default false: an existing file is never touched). */
  overwrite?: boolean;
}

/**
 * Writes `data` to `file` atomically. Without `overwrite`, throws `WriteFileError`
 * (`file-exists`) if `file` exists, even if it appears while writing; a folder named `file`, and
 * any other failure, throws `write-failed`. In every failure the temporary file is removed.
 */
export function writeFileAtomic(file: string, data: Uint8Array, options: WriteFileOptions = {}): void {
  const folder = dirname(file);
  const temp = join(folder, `.${basename(file)}.${randomUUID()}.tmp`);
  if (isFolder(file)) {
    // Neither "already exists" nor --force would help: the name is taken by a folder.
    throw new WriteFileError(
      'write-failed',
      `${file} is a folder, not a file: give the name of the file to write (it may be inside that folder).`,
    );
  }
  if (!options.overwrite && existsSync(file)) throw toWriteError({ code: 'EEXIST' }, file);
  try {
    const fd = openSync(temp, 'wx');
    try {
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite) {
      renameSync(temp, file);
    } else {
      // link() fails if the name is taken, so a file that appeared meanwhile is never replaced.
      publishWithoutReplacing(temp, file);
    }
    syncFolder(folder);
  } catch (error) {
    removeQuietly(temp);
    throw toWriteError(error, file);
  }
}

function publishWithoutReplacing(temp: string, file: string): void {
  try {
    linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some drives (FAT, exFAT, network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (existsSync(file)) throw toWriteError({ code: 'EEXIST' }, file);
    renameSync(temp, file);
    return;
  }
  unlinkSync(temp);
}

function toWriteError(error: unknown, file: string): WriteFileError {
  if (error instanceof WriteFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') {
    return new WriteFileError(
      'file-exists',
      `${file} already exists. Choose another file name, or replace it on purpose (--force).`,
    );
  }
  const why =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Apparatus may not write there'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EISDIR'
            ? 'a folder has that name'
            : (error as Error).message;
  return new WriteFileError('write-failed', `${file} could not be written: ${why}.`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Deletes a file if it is there; never throws (for cleaning up after a failed write). */
export function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone (or never made): nothing to clean up.
  }
}

/** Flushes a folder entry so a new name in it is durable; best effort where folders cannot be opened. */
export function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  }
}

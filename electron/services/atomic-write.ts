/**
 * The one way Apparatus writes a file it must not half-write (an export, a corpus source, a
 * recipe): the bytes go to a temporary file in the target's own folder, are flushed to disk
 * (fsync), then take the target's name in one step. A reader never sees half a file, and a
 * failure leaves the old file (or no file) and no temporary behind.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DomainError, type ErrorKind } from '../../core/errors.ts';

/** A file to create: its path and its exact content (text, bytes, or pieces of bytes written one after another). */
export interface NewFile {
  path: string;
  data: FileData;
}

/** A file's content: text (written as UTF-8), bytes, or pieces of bytes written in order. */
export type FileData = string | Uint8Array | readonly Uint8Array[];

/** Why a file could not be written. */
export type AtomicWriteErrorCode = 'file-exists' | 'write-failed';

/** A file that could not be written: it already exists (and was left untouched), or the disk refused it. */
export class AtomicWriteError extends DomainError<AtomicWriteErrorCode> {
  override readonly name = 'AtomicWriteError';
  readonly path: string;

  constructor(code: AtomicWriteErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.path = path;
  }

  /** A file in the way is a conflict the user resolves; anything else is the disk's refusal. */
  override get kind(): ErrorKind {
    return this.code === 'file-exists' ? 'conflict' : 'storage';
  }
}

// The writer's process id in the name tells a later sweep whether the temporary is still being written.
const TEMP_NAME = /^\..+\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;

function tempName(name: string): string {
  return `.${name}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Whether `name` is a temporary file of `writeFileAtomic`, and the id of the process that wrote
 * it (null for a temporary named before the id was part of the name).
 */
export function tempFileOwner(name: string): { pid: number | null } | undefined {
  const match = TEMP_NAME.exec(name);
  if (!match) return undefined;
  return { pid: match[1] === undefined ? null : Number(match[1]) };
}

/** Options of `writeFileAtomic`. */
export interface WriteFileOptions {
  /** Replace an existing file (default false: an existing file is never touched). */
  overwrite?: boolean;
}

/**
 * Writes `data` to `path` atomically. Without `overwrite`, throws `AtomicWriteError`
 * (`file-exists`) if `path` exists, even if it appears while writing: the new name is taken with
 * a hard link, which fails if the name is in use (a rename would silently replace it); where the
 * file system has no hard links, the name is checked, then the file renamed. Any other failure
 * throws `write-failed` (a folder of that name too), with a message that says why in plain words.
 */
export function writeFileAtomic(path: string, data: FileData, options: WriteFileOptions = {}): void {
  const folder = dirname(path);
  if (isFolder(path)) {
    // Neither "already exists" nor --force would help: the name is taken by a folder.
    throw new AtomicWriteError('write-failed', path, `${path} is a folder, not a file: give the name of the file to write (it may be inside that folder).`);
  }
  if (!options.overwrite && existsSync(path)) throw exists(path);
  const temp = join(folder, tempName(basename(path)));
  try {
    const fd = openSync(temp, 'wx');
    try {
      const pieces = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
      for (const bytes of pieces) {
        let written = 0;
        while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite) renameSync(temp, path);
    else publishWithoutReplacing(temp, path);
  } catch (error) {
    removeQuietly(temp);
    throw toWriteError(error, path);
  }
  syncFolder(folder);
}

/**
 * Creates several new files as one step: each with `writeFileAtomic` (never over an existing
 * file), in order, creating missing folders. If any file fails, the files and folders created so
 * far are removed again and the error is rethrown, so the disk is left as it was.
 */
export function writeNewFilesAtomic(files: readonly NewFile[]): void {
  const created: string[] = [];
  const folders: string[] = [];
  try {
    for (const file of files) {
      const folder = dirname(file.path);
      if (!existsSync(folder)) {
        // Record each folder level that did not exist, deepest last, to remove them in reverse.
        const missing: string[] = [];
        for (let dir = folder; !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
        mkdirSync(folder, { recursive: true });
        folders.push(...missing);
      }
      writeFileAtomic(file.path, file.data);
      created.push(file.path);
    }
  } catch (error) {
    for (const path of created.reverse()) removeQuietly(path);
    for (const dir of folders.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // A folder someone else filled meanwhile stays.
      }
    }
    throw toWriteError(error, files[created.length]?.path ?? '');
  }
}

function publishWithoutReplacing(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    // No hard links here (FAT, exFAT, some network shares): check, then rename.
    if (existsSync(path)) throw exists(path);
    renameSync(temp, path);
    return;
  }
  unlinkSync(temp);
}

function exists(path: string): AtomicWriteError {
  return new AtomicWriteError('file-exists', path, `A file already exists at ${path}; it was left untouched.`);
}

function toWriteError(error: unknown, path: string): AtomicWriteError {
  if (error instanceof AtomicWriteError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return exists(path);
  const why =
    code === 'ENOENT'
      ? 'its folder does not exist'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'Apparatus may not write there'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EISDIR'
            ? 'a folder has that name'
            : (error as Error).message;
  return new AtomicWriteError('write-failed', path, `${path} could not be written: ${why}.`, { cause: error });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Deletes a file if it is there; never throws (for cleaning up after a failed write). */
function removeQuietly(file: string): void {
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

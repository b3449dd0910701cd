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
  unlinkSync,
  writeSync,
} from 'node:fs';
import { removeQuietly, syncFolder } from './write-file.ts';
import { basename, dirname, join } from 'node:path';

/** A file to create: its path and its exact content. */
export interface NewFile {
  path: string;
  data: string | Uint8Array;
}

/** Why a new file could not be written. */
export type AtomicWriteErrorCode = 'exists' | 'write-failed';

/** A new file that could not be written: it already exists, or the disk refused it. */
export class AtomicWriteError extends Error {
  override readonly name = 'AtomicWriteError';
  readonly code: AtomicWriteErrorCode;
  readonly path: string;

  constructor(code: AtomicWriteErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.path = path;
  }
}

/**
 * Creates `path` with exactly `data`, atomically and without ever replacing a file: the data goes
 * to a temporary file in the same folder, is flushed to disk (fsync), and is then linked to its
 * name, which fails if the name is taken (a plain rename would silently overwrite). Where the
 * file system has no hard links, the name is checked and the file renamed. Throws an
 * `AtomicWriteError` (`exists` or `write-failed`); on failure no temporary file is left.
 */
export function writeNewFileAtomic(path: string, data: string | Uint8Array): void {
  if (existsSync(path)) {
    throw new AtomicWriteError('exists', path, `A file already exists at ${path}; it was left untouched.`);
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    publish(temp, path);
  } catch (error) {
    removeQuietly(temp);
    if (error instanceof AtomicWriteError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AtomicWriteError('write-failed', path, `Could not write ${path}: ${reason}`, { cause: error });
  }
  syncFolder(dirname(path));
}

function publish(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new AtomicWriteError('exists', path, `A file already exists at ${path}; it was left untouched.`);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    // No hard links here (some USB and network file systems): check, then rename.
    if (existsSync(path)) {
      throw new AtomicWriteError('exists', path, `A file already exists at ${path}; it was left untouched.`);
    }
    renameSync(temp, path);
    return;
  }
  unlinkSync(temp);
}

/**
 * Creates several new files as one step: each with `writeNewFileAtomic`, in order, creating
 * missing folders. If any file fails, the files and folders created so far are removed again and
 * the error is rethrown, so the disk is left as it was.
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
      writeNewFileAtomic(file.path, file.data);
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
    throw error;
  }
}

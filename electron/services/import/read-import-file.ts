import { closeSync, lstatSync, openSync, readFileSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CONVERTIBLE_ENCODINGS, encodingName, sameReading, type ConvertibleEncoding } from '../../../core/clean/encodings.ts';
import { type PageText, pageTextOf } from '../../../core/clean/html-stream/html-stream.ts';
import { ImportError } from './import-error.ts';
import { decodeText, detectEncoding } from './text-encoding.ts';
import { utf8PageText } from './utf8-page.ts';

/** The default import limit: 10 MB, far above any article or book chapter as text. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** The file extensions Import accepts, lower case, without the dot. */
export const IMPORT_EXTENSIONS: readonly string[] = ['txt', 'md', 'markdown', 'html', 'htm'];

/** A file that passed every check: its bytes and its text as the corpus build will read it. */
export interface ImportFile {
  path: string;
  extension: string;
  bytes: Buffer;
  /**
   * The text: as the corpus build reads a raw file (UTF-8), read from `bytes` a piece at a time; or
   * converted from `encoding`.
   */
  text: PageText;
  /** The encoding the text was converted from; absent for UTF-8. */
  encoding?: ConvertibleEncoding;
}

/** How to read a file that is not UTF-8. */
export interface ReadImportOptions {
  /** The encoding the user confirmed (`--encoding`): the file is converted from it. */
  encoding?: ConvertibleEncoding;
  /** Convert a file in a convertible encoding without confirmation, for a preview that asks for it before commit. */
  preview?: boolean;
}

/**
 * Reads a file to import and refuses, with an `ImportError`, anything that is not text to clean:
 * an unsupported extension, a symbolic link (named with what it points to), an unreadable file,
 * a file over `maxBytes` (checked before reading), an empty file or one with no visible character,
 * a binary file, and text in another encoding than UTF-8 unless it is one Apparatus converts
 * (`ImportError` `needs-conversion`, naming it, until the user confirms it in `options`).
 */
export function readImportFile(path: string, maxBytes = DEFAULT_MAX_BYTES, options: ReadImportOptions = {}): ImportFile {
  const name = basename(path);
  const extension = checkedExtension(path);
  const size = checkedSize(path, maxBytes);
  if (size === 0) throw emptyFile(name);
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw emptyFile(name);
  const text = decoded(name, bytes, options);
  if (!hasVisible(text.text)) throw emptyFile(name);
  return { path, extension, bytes, ...text };
}

/** The file's extension (lower case, no dot), refused unless Apparatus imports it. */
export function checkedExtension(path: string): string {
  const extension = extname(path).slice(1).toLowerCase();
  if (!IMPORT_EXTENSIONS.includes(extension)) {
    throw new ImportError(
      'unsupported-type',
      `Apparatus cannot import “${basename(path)}”: only plain text (.txt), Markdown (.md) and web pages ` +
        '(.html, .htm), and PDF files (.pdf), can be imported. Save the source in one of these forms first.',
    );
  }
  return extension;
}

/**
 * Refuses a symbolic link, naming its target: following it silently could copy any file of the
 * computer (`/etc/passwd`) into the corpus.
 */
export function refuseLink(path: string): void {
  const name = basename(path);
  let link: string | undefined;
  try {
    if (lstatSync(path).isSymbolicLink()) link = realpathOr(path);
  } catch (error) {
    throw unreadableFile(path, error);
  }
  if (link !== undefined) {
    throw new ImportError(
      'symlink',
      `“${name}” is a link to another file (${link}), and Apparatus imports only the file itself: ` +
        'check that this is the file you mean, and import it by its own name. Nothing was imported.',
    );
  }
}

/** What `statSync` found at a path to import that is not a regular file. */
export class NotAFile extends Error {
  readonly folder: boolean;
  constructor(folder: boolean) {
    super(folder ? 'a folder' : 'not a regular file');
    this.folder = folder;
  }
}

/** The refusal of a file that cannot be read, saying why as far as the system tells: missing, a folder, not allowed. */
export function unreadableFile(path: string, error: unknown): ImportError {
  const name = basename(path);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    error instanceof NotAFile
      ? error.folder
        ? 'it is a folder, not a file: choose a file inside it'
        : 'it is not an ordinary file (a device or a pipe)'
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? 'there is no such file (was it moved, renamed or deleted?)'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Apparatus is not allowed to read it: check the file’s permissions'
          : code === 'ELOOP'
            ? 'it is a link that leads back to itself'
            : `the system reported ${code ?? (error as Error | undefined)?.message ?? 'an error'}`;
  return new ImportError('unreadable', `The file “${name}” cannot be read: ${why}. (${path})`, { cause: error });
}

/** The size of a regular file to import (not a link), checked against `maxBytes`. */
export function checkedSize(path: string, maxBytes: number): number {
  const name = basename(path);
  refuseLink(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new NotAFile(stat.isDirectory());
    size = stat.size;
  } catch (error) {
    throw unreadableFile(path, error);
  }
  if (size > maxBytes) {
    throw new ImportError(
      'too-large',
      `This file is larger than the ${formatSize(maxBytes)} import limit: “${name}” is ` +
        `${formatSize(size)}. Split it into parts (for example one per chapter) and import each.`,
    );
  }
  return size;
}

// Any letter, digit, punctuation or symbol: a file of spaces (of any kind) and invisible marks has none.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

function hasVisible(text: PageText): boolean {
  for (const piece of text.pieces(64 * 1024)) if (VISIBLE.test(piece)) return true;
  return false;
}

function decoded(name: string, bytes: Buffer, options: ReadImportOptions): { text: PageText; encoding?: ConvertibleEncoding } {
  const detected = detectEncoding(bytes);
  if (detected.kind === 'binary') throw binaryFile(name);
  if (detected.kind === 'unknown') {
    throw new ImportError(
      'not-utf8',
      `This file is not UTF-8 text: “${name}” uses another character encoding, and not one Apparatus ` +
        `can convert (${CONVERTIBLE_ENCODINGS.map(encodingName).join(', ')}); perhaps a Cyrillic or Greek code page. ` +
        'Open it in a text editor, save it with the encoding UTF-8, and import it again.',
    );
  }
  if (detected.kind === 'utf-8') {
    if (options.encoding !== undefined && !isAscii(bytes)) {
      throw new ImportError(
        'wrong-encoding',
        `“${name}” is already UTF-8 text, not ${encodingName(options.encoding)}: import it without choosing an encoding. Nothing was imported.`,
      );
    }
    // Decoded as the corpus build decodes raw files, so a byte-order mark reaches the cleaner alike.
    return { text: utf8PageText(bytes) };
  }
  const found = detected.encoding;
  if (options.encoding !== undefined && !sameReading(options.encoding, found)) {
    throw new ImportError(
      'wrong-encoding',
      `“${name}” looks like ${encodingName(found)} text, not ${encodingName(options.encoding)}: converting it from ` +
        `${encodingName(options.encoding)} would garble it (its own encoding is ${found}). Nothing was imported.`,
    );
  }
  if (options.encoding === undefined && options.preview !== true) {
    throw new ConversionNeeded(found, name);
  }
  const encoding = options.encoding ?? found;
  try {
    return { text: pageTextOf(decodeText(bytes, encoding)), encoding };
  } catch {
    throw new ImportError(
      'not-utf8',
      `“${name}” is not valid ${encodingName(encoding)} text either: open it in a text editor, save it with the encoding UTF-8, and import it again.`,
    );
  }
}

/** A file in an encoding Apparatus converts, refused until the user confirms the encoding. */
export class ConversionNeeded extends ImportError {
  readonly encoding: ConvertibleEncoding;

  constructor(encoding: ConvertibleEncoding, name: string) {
    super(
      'needs-conversion',
      `This file is not UTF-8 text: “${name}” uses another character encoding, ${encodingName(encoding)}. ` +
        'Apparatus can convert it to UTF-8 once you confirm that this is its encoding; nothing was imported.',
    );
    this.encoding = encoding;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte < 0x80);
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return readlinkSync(path);
  }
}

/**
 * The refusals that need only the start of a file, made at once where the file was chosen (so the
 * window hears them without waiting for a worker to start): an empty file, or one whose first
 * 64 KB are binary data. Reads nothing more.
 */
export function sniffImportFile(path: string, size: number): void {
  const name = basename(path);
  if (size === 0) throw emptyFile(name);
  const sample = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, sample, 0, sample.length, 0);
  } finally {
    closeSync(fd);
  }
  if (detectEncoding(sample).kind === 'binary') throw binaryFile(name);
}

// Even, so that a sample of UTF-16 ends on a whole code unit.
const SNIFF_BYTES = 64 * 1024;

function binaryFile(name: string): ImportError {
  return new ImportError(
    'binary',
    `This file is not text: “${name}” holds binary data (perhaps a PDF, Word document or ` +
      'image renamed). Export or copy its text into a .txt, .md or .html file and import that.',
  );
}

function emptyFile(name: string): ImportError {
  return new ImportError('empty', `This file is empty: “${name}” holds no text to import.`);
}

/** A size for people: "10 MB", "12.5 MB", "840 KB". */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

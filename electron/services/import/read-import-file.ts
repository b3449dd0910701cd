import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ImportError } from './import-error.ts';

/** The default import limit: 10 MB, far above any article or book chapter as text. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** The file extensions Import accepts, lower case, without the dot. */
export const IMPORT_EXTENSIONS: readonly string[] = ['txt', 'md', 'markdown', 'html', 'htm'];

/** A file that passed every check: its bytes and its text as the corpus build will read it. */
export interface ImportFile {
  path: string;
  extension: string;
  bytes: Buffer;
  text: string;
}

/**
 * Reads a file to import and refuses, with an `ImportError`, anything that is not text to clean:
 * an unsupported extension, an unreadable file, a file over `maxBytes` (checked before reading),
 * an empty or whitespace-only file, a binary file (NUL bytes, or more than 1 in 50 characters a
 * control character that text does not use), or bytes that are not valid UTF-8.
 */
export function readImportFile(path: string, maxBytes = DEFAULT_MAX_BYTES): ImportFile {
  const name = basename(path);
  const extension = extname(path).slice(1).toLowerCase();
  if (!IMPORT_EXTENSIONS.includes(extension)) {
    throw new ImportError(
      'unsupported-type',
      `Apparatus cannot import “${name}”: only plain text (.txt), Markdown (.md) and web pages ` +
        '(.html, .htm), and PDF files (.pdf), can be imported. Save the source in one of these forms first.',
    );
  }
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    throw new ImportError('unreadable', `The file “${name}” cannot be read: ${path}`, { cause: error });
  }
  if (size > maxBytes) {
    throw new ImportError(
      'too-large',
      `This file is larger than the ${formatSize(maxBytes)} import limit: “${name}” is ` +
        `${formatSize(size)}. Split it into parts (for example one per chapter) and import each.`,
    );
  }
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw emptyFile(name);
  if (looksBinary(bytes)) {
    throw new ImportError(
      'binary',
      `This file is not text: “${name}” holds binary data (perhaps a PDF, Word document or ` +
        'image renamed). Export or copy its text into a .txt, .md or .html file and import that.',
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      'not-utf8',
      `This file is not UTF-8 text: “${name}” uses another character encoding (perhaps ` +
        'Windows-1252 or Latin-1). Open it in a text editor, save it with the encoding UTF-8, ' +
        'and import it again.',
    );
  }
  // Decoded as the corpus build decodes raw files, so a byte-order mark reaches the cleaner alike.
  const text = bytes.toString('utf8');
  if (text.replace(/^\uFEFF/, '').trim() === '') throw emptyFile(name);
  return { path, extension, bytes, text };
}

function emptyFile(name: string): ImportError {
  return new ImportError('empty', `This file is empty: “${name}” holds no text to import.`);
}

/** NUL bytes, or control characters other than tab, line ends and form feed in over 2% of bytes. */
function looksBinary(bytes: Buffer): boolean {
  if (bytes.includes(0)) return true;
  let controls = 0;
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) {
      controls++;
    }
  }
  return controls > bytes.length / 50;
}

/** A size for people: "10 MB", "12.5 MB", "840 KB". */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Reading an annotation file from disk (a Hypothesis export, W3C Web Annotations), refusing what cannot be one. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExternalAnnotations } from '../../../core/interop/annotations/external.ts';
import { readAnnotationFile } from '../../../core/interop/annotations/read-annotations.ts';
import { DomainError } from '../../../core/errors.ts';
import { NotAFile, unreadableFile } from '../import/read-import-file.ts';
import { decodeText, detectEncoding } from '../import/text-encoding.ts';

// An annotation file is JSON text: larger than this, it is not one.
const MAX_BYTES = 50 * 1024 * 1024;

/** The annotations of the file at `path`; throws a `DomainError` naming the file when it cannot be read or holds none. */
export function readAnnotationsFile(path: string): ExternalAnnotations {
  const fileName = basename(path);
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new NotAFile(stat.isDirectory());
    if (stat.size > MAX_BYTES) throw new DomainError('invalid-input', `“${fileName}” is larger than 50 MB: it is not an annotation file.`);
    text = decoded(readFileSync(path));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // Why, as a source's import says it: missing, a folder, not allowed.
    throw unreadableFile(path, error);
  }
  return readAnnotationFile(text, fileName);
}

// JSON is UTF-8, but Windows programs save it as UTF-16 too; what is plainly UTF-16 is read as that.
function decoded(bytes: Buffer): string {
  // Only UTF-16 has zero bytes or starts with a byte-order mark FF FE / FE FF: other files are not scanned again.
  if (!(bytes.includes(0) || bytes[0] === 0xff || bytes[0] === 0xfe)) return bytes.toString('utf8');
  const found = detectEncoding(bytes);
  if (found.kind === 'convertible' && found.encoding.startsWith('utf-16')) {
    try {
      return decodeText(bytes, found.encoding);
    } catch {
      // Not valid UTF-16 after all: read as UTF-8, and let the JSON reader say what is wrong.
    }
  }
  return bytes.toString('utf8');
}

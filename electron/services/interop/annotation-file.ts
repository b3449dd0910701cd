/** Reading an annotation file from disk (a Hypothesis export, W3C Web Annotations), refusing what cannot be one. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExternalAnnotations } from '../../../core/interop/annotations/external.ts';
import { readAnnotationFile } from '../../../core/interop/annotations/read-annotations.ts';
import { DomainError } from '../../../core/errors.ts';

// An annotation file is JSON text: larger than this, it is not one.
const MAX_BYTES = 50 * 1024 * 1024;

/** The annotations of the file at `path`; throws a `DomainError` naming the file when it cannot be read or holds none. */
export function readAnnotationsFile(path: string): ExternalAnnotations {
  const fileName = basename(path);
  let text: string;
  try {
    if (statSync(path).size > MAX_BYTES) throw new DomainError('invalid-input', `“${fileName}” is larger than 50 MB: it is not an annotation file.`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('not-found', `The file “${fileName}” cannot be read: ${path}`);
  }
  return readAnnotationFile(text, fileName);
}

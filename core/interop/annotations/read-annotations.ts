/**
 * Reading an annotation file of any kind we import: a Hypothesis export or W3C Web Annotations.
 */
import { DomainError } from '../../errors.ts';
import type { ExternalAnnotations } from './external.ts';
import { isHypothesisExport, readHypothesis } from './hypothesis.ts';
import { readWebAnnotations } from './web-annotation.ts';

/** Why an annotation file was refused as a whole. */
export class AnnotationFileError extends DomainError<'unreadable-annotations'> {
  override name = 'AnnotationFileError';

  constructor(message: string) {
    super('unreadable-annotations', message);
  }
}

/** The annotations of a file's text; throws `AnnotationFileError` for a file that holds none we read. */
export function readAnnotationFile(text: string, fileName: string): ExternalAnnotations {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AnnotationFileError(`“${fileName}” is not a JSON file (${(error as Error).message}); Apparatus imports Hypothesis exports and W3C Web Annotations (JSON-LD).`);
  }
  const read = isHypothesisExport(value) ? readHypothesis(value) : readWebAnnotations(value);
  if (read === null || read.annotations.length + read.skipped.length === 0) {
    throw new AnnotationFileError(`“${fileName}” holds no annotations Apparatus can read: it is neither a Hypothesis export nor W3C Web Annotations (JSON-LD).`);
  }
  return read;
}

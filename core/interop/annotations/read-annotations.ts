/**
 * Reading an annotation file of any kind we import: a Hypothesis export or W3C Web Annotations.
 */
import { DomainError } from '../../errors.ts';
import type { ExternalAnnotations } from './external.ts';
import { isHypothesisExport, readHypothesis } from './hypothesis.ts';
import { readWebAnnotations } from './web-annotation.ts';
import { isRecord } from '../json-values.ts';

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
  if (read === null || read.annotations.length + read.skipped.length === 0) throw new AnnotationFileError(whyNone(value, fileName));
  return read;
}

// Why a file of JSON holds nothing to import: an export of no annotations is not of the wrong
// kind, and a collection that only links to its pages needs exporting again, with them.
function whyNone(value: unknown, fileName: string): string {
  if (isEmptyList(value)) return `“${fileName}” holds no annotations: the export is empty.`;
  if (isRecord(value) && typesOf(value).includes('AnnotationCollection') && !isRecord(value.first)) {
    return `“${fileName}” is a W3C annotation collection whose pages are not in the file: it only links to them. Export the collection with its annotations included, and import that file.`;
  }
  return `“${fileName}” holds no annotations Apparatus can read: it is neither a Hypothesis export nor W3C Web Annotations (JSON-LD).`;
}

// `[]`, `{"annotations": []}` (Hypothesis), `{"rows": []}` (its search API), an AnnotationPage with no items.
function isEmptyList(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (!isRecord(value)) return false;
  const list = value.annotations ?? value.rows ?? (typesOf(value).includes('AnnotationPage') ? (value.items ?? []) : undefined);
  return Array.isArray(list) && list.length === 0;
}

function typesOf(value: Record<string, unknown>): string[] {
  const type = value.type ?? value['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^oa:/, ''));
}

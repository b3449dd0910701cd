/**
 * Reading a Hypothesis export: the file the Hypothesis client's "Export" writes
 * (`{export_date, export_userid, client_version, annotations}`), or the `rows` of its search API,
 * or a bare list of its annotations. Each annotation's first target gives the annotated page's
 * address, the quote with its context (TextQuoteSelector), the position (a hint) and, in a PDF,
 * the printed page (PageSelector `label`); its Markdown `text` becomes the note, its tags ours.
 */
import type { ExternalAnnotation, ExternalAnnotations, SkippedRecord } from './external.ts';
import { datesOf, doiIn, targetOf } from './external.ts';
import { isNumber, isRecord, stringOr } from '../json-values.ts';

/** True when `value` looks like Hypothesis's data rather than W3C Web Annotations. */
export function isHypothesisExport(value: unknown): boolean {
  const list = annotationList(value);
  return list !== null && list.some((item) => isRecord(item) && typeof item.uri === 'string' && Array.isArray(item.target));
}

/** The annotations of a Hypothesis export (see the module comment); `null` if it is none. */
export function readHypothesis(value: unknown): ExternalAnnotations | null {
  const list = annotationList(value);
  if (list === null) return null;
  const annotations: ExternalAnnotation[] = [];
  const skipped: SkippedRecord[] = [];
  list.forEach((item, index) => {
    const label = isRecord(item) && typeof item.id === 'string' ? `Hypothesis annotation ${item.id}` : `Hypothesis annotation no. ${index + 1}`;
    const read = readOne(item, label);
    if ('reason' in read) skipped.push(read);
    else annotations.push(read);
  });
  return { format: 'a Hypothesis export', annotations, skipped };
}

function annotationList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return null;
  if (Array.isArray(value.annotations)) return value.annotations;
  if (Array.isArray(value.rows)) return value.rows;
  return null;
}

function readOne(item: unknown, label: string): ExternalAnnotation | SkippedRecord {
  if (!isRecord(item)) return { label, reason: 'it is not an annotation object' };
  if (Array.isArray(item.references) && item.references.length > 0) {
    return { label, reason: 'it is a reply to another annotation, not a note on a passage' };
  }
  const target = Array.isArray(item.target) ? item.target.find(isRecord) : undefined;
  const selectors = target && Array.isArray(target.selector) ? target.selector.filter(isRecord) : [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  // A page note has no selector at all; a passage named only by its place cannot be found in our
  // text, whose characters are counted differently: the quote is what places it.
  if (selectors.length === 0) return { label, reason: 'it is a page note: it highlights no words of the text' };
  if (!quote) return { label, reason: 'it does not quote the words it highlights (a TextQuoteSelector is needed to find the passage; its position alone cannot place it)' };
  if (typeof quote.exact !== 'string' || quote.exact.trim() === '') return { label, reason: 'its quoted words are empty' };
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const page = selectors.find((s) => s.type === 'PageSelector');
  const iris = [typeof target?.source === 'string' ? target.source : '', typeof item.uri === 'string' ? item.uri : '', ...documentLinks(item.document)].filter((iri) => iri !== '');
  const targetIds = targetOf(iris);
  for (const iri of iris) {
    const doi = iri.startsWith('doi:') ? doiIn(iri) : null;
    if (doi && !targetIds.dois.includes(doi)) targetIds.dois.push(doi);
  }
  return {
    label,
    target: targetIds,
    quote: { exact: quote.exact, prefix: stringOr(quote.prefix), suffix: stringOr(quote.suffix) },
    position: isNumber(position?.start) && isNumber(position?.end) ? { start: position.start, end: position.end } : null,
    pageLabel: page && (typeof page.label === 'string' || isNumber(page.label)) ? String(page.label) : null,
    pageOffset: null,
    note: stringOr(item.text),
    tags: Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '') : [],
    color: null,
    ...datesOf(item.created, item.updated),
  };
}

// Hypothesis records a PDF's other identities (its DOI, its URL) among the document's links.
function documentLinks(document: unknown): string[] {
  if (!isRecord(document) || !Array.isArray(document.link)) return [];
  return document.link.flatMap((link) => (isRecord(link) && typeof link.href === 'string' ? [link.href] : []));
}

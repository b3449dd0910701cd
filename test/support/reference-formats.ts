/**
 * What each reference file format carries of a CSL item, as our writers write it and Citation.js
 * reads it back: the fields a round trip through that format must give back unchanged.
 */
import type { CslItem } from '../../core/corpus/model.ts';

/** The variables each format carries; null for all of them. */
export const CARRIED = {
  'csl-json': null,
  bibtex: ['type', 'title', 'title-short', 'author', 'editor', 'container-title', 'volume', 'issue', 'page', 'issued', 'accessed', 'DOI', 'URL', 'language', 'note'],
  ris: ['type', 'title', 'title-short', 'author', 'editor', 'container-title', 'volume', 'issue', 'page', 'issued', 'accessed', 'DOI', 'URL', 'ISSN', 'publisher', 'publisher-place', 'language', 'note'],
} as const;

/** The reference file formats. */
export type ReferenceFormat = keyof typeof CARRIED;

/** The fields of `item` that `format` carries. */
export function carried(item: CslItem, format: ReferenceFormat): Record<string, unknown> {
  const fields: readonly string[] | null = CARRIED[format];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (fields === null || fields.includes(key)) out[key] = value;
  return out;
}

/**
 * What a round trip through `format` should give back for `original`, allowing for what the
 * format cannot say: BibTeX's @online has no kind of web page (an encyclopedia entry comes back a
 * web page); a RIS journal article has no publisher in the RIS specification, which Citation.js
 * follows; RIS gives an open page range ("66-", the last page unknown) as its first page alone.
 */
export function expectedAfterRoundTrip(original: CslItem, format: ReferenceFormat): Record<string, unknown> {
  const expected = carried(original, format);
  if (format === 'bibtex' && original.type === 'entry-encyclopedia') expected.type = 'webpage';
  if (format === 'ris' && typeof original.page === 'string' && /^\d+-$/.test(original.page)) expected.page = original.page.slice(0, -1);
  if (format === 'ris' && original.type === 'article-journal') {
    delete expected.publisher;
    delete expected['publisher-place'];
  }
  return expected;
}

/**
 * Locators: where in a source a citation points. Pages are bare numbers (45, 22–24); other kinds
 * carry an abbreviated label (sec. 3, chap. 2, fol. 12); a section heading of an unpaginated source
 * reads `under “Origins”`; archival pages always keep their label (p. 4, pp. 4–5).
 */
import { CitationError } from './errors.ts';
import { formatPages, isPlural } from './page-range.ts';
import { typeset } from './typography.ts';

/** The locator kinds the formatter knows, by their CSL names plus `under` (a section heading). */
export type LocatorKind =
  | 'page'
  | 'folio'
  | 'section'
  | 'chapter'
  | 'note'
  | 'paragraph'
  | 'line'
  | 'volume'
  | 'figure'
  | 'column'
  | 'book'
  | 'part'
  | 'verse'
  | 'sub-verbo'
  | 'under';

/** A locator as given in a cluster: the value and the label the caller typed, if any. */
export interface LocatorInput {
  locator?: string | undefined;
  label?: string | undefined;
}

/** Singular and plural abbreviations (CMOS 18 10.43 and the CSL en-US locale). */
type Abbreviated = Exclude<LocatorKind, 'page' | 'sub-verbo' | 'under'>;

const ABBREVIATIONS: Record<Abbreviated, [string, string]> = {
  folio: ['fol.', 'fols.'],
  section: ['sec.', 'secs.'],
  chapter: ['chap.', 'chaps.'],
  note: ['n.', 'nn.'],
  paragraph: ['para.', 'paras.'],
  line: ['line', 'lines'],
  volume: ['vol.', 'vols.'],
  figure: ['fig.', 'figs.'],
  column: ['col.', 'cols.'],
  book: ['bk.', 'bks.'],
  part: ['pt.', 'pts.'],
  verse: ['v.', 'vv.'],
};

/** Every spelling of a label the formatter accepts, lower case, mapped to its kind. */
const LABELS: Record<string, LocatorKind> = {
  page: 'page', p: 'page', 'p.': 'page', pp: 'page', 'pp.': 'page',
  folio: 'folio', fol: 'folio', 'fol.': 'folio', 'fols.': 'folio',
  section: 'section', sec: 'section', 'sec.': 'section', '§': 'section',
  chapter: 'chapter', chap: 'chapter', 'chap.': 'chapter', 'ch.': 'chapter',
  note: 'note', n: 'note', 'n.': 'note', 'nn.': 'note',
  paragraph: 'paragraph', para: 'paragraph', 'para.': 'paragraph', '¶': 'paragraph',
  line: 'line', 'l.': 'line',
  volume: 'volume', vol: 'volume', 'vol.': 'volume',
  figure: 'figure', fig: 'figure', 'fig.': 'figure',
  column: 'column', col: 'column', 'col.': 'column',
  book: 'book', bk: 'book', 'bk.': 'book',
  part: 'part', pt: 'part', 'pt.': 'part',
  verse: 'verse', 'v.': 'verse',
  'sub-verbo': 'sub-verbo', 's.v.': 'sub-verbo', 'sub verbo': 'sub-verbo',
  under: 'under', heading: 'under',
};

/** A parsed locator: its kind and its value as typed (trimmed). */
export interface Locator {
  kind: LocatorKind;
  value: string;
}

/**
 * Reads a cluster's locator; null when it has none. Throws `unknown-locator-label` for a label the
 * formatter does not know, naming the accepted ones.
 */
export function parseLocator(input: LocatorInput, itemId: string): Locator | null {
  const value = input.locator?.trim() ?? '';
  if (value === '') return null;
  const label = input.label?.trim().toLowerCase() ?? '';
  if (label === '') return { kind: 'page', value };
  const kind = LABELS[label];
  if (!kind) {
    throw new CitationError(
      'unknown-locator-label',
      `The citation of “${itemId}” has the locator label “${input.label}”, ` +
        'which is not one Chicago uses. Use page, folio, section, chapter, note, paragraph, ' +
        'line, volume, figure, column, book, part, verse, sub-verbo or under (a heading).',
      itemId,
    );
  }
  return { kind, value };
}

/**
 * The locator as printed. Pages are bare unless `labelPages` (archival sources) asks for p./pp.;
 * a section given by its heading rather than a number reads `under “Heading”`.
 */
export function formatLocator(locator: Locator, labelPages = false): string {
  const { kind, value } = locator;
  if (kind === 'under' || (kind === 'section' && !isNumbering(value))) {
    return `under “${unquote(value)}”`;
  }
  if (kind === 'sub-verbo') return `s.v. “${unquote(value)}”`;
  const pages = formatPages(typeset(value));
  if (kind === 'page') return labelPages ? `${isPlural(value) ? 'pp.' : 'p.'} ${pages}` : pages;
  const [one, many] = ABBREVIATIONS[kind];
  return `${isPlural(value) ? many : one} ${pages}`;
}

/** True when two locators point at the same place (same kind, same value once formatted). */
export function sameLocator(a: Locator | null, b: Locator | null): boolean {
  if (a === null || b === null) return a === b;
  return a.kind === b.kind && formatPages(a.value) === formatPages(b.value);
}

/** True for "3", "3.2", "IV", "xi-xv", "2, 4": numbers rather than a heading. */
function isNumbering(value: string): boolean {
  return value
    .split(/[\s,;&–—-]+/)
    .filter((token) => token !== '')
    .every((token) => /^\d+(\.\d+)*[a-z]?$/i.test(token) || ROMAN.test(token));
}

const ROMAN = /^(?=[mdclxvi]+$)m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;

function unquote(value: string): string {
  return typeset(value).replace(/^[“‘]+|[”’]+$/g, '');
}

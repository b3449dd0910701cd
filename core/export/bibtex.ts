/**
 * The BibTeX writer: one entry per source, keyed by its corpus id, UTF-8, for biber and biblatex
 * (and readable by classic BibTeX, which ignores what it does not know). Each entry type carries
 * only fields the biblatex data model allows it, so biber validates the file without a warning
 * about our fields. Titles are double-braced so that no style changes their capitalization (many
 * are not English); LaTeX's special characters are escaped, a brace as `\textbraceleft{}` or
 * `\textbraceright{}` because BibTeX and biber count `\{` as a brace too (one unmatched brace in a
 * title would break the whole file for them). List fields (publisher, location, institution,
 * organization) are braced whole: biblatex would otherwise split "Serbian Academy of Sciences and
 * Arts" at its "and" into two publishers.
 */
import type { CslItem } from '../corpus/model.ts';
import { dateParts, invertedName, nameList, pageSpan, text } from './csl-fields.ts';

type EntryType = 'article' | 'book' | 'incollection' | 'thesis' | 'online' | 'unpublished' | 'misc';

const TYPES: Record<string, EntryType> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  book: 'book',
  chapter: 'incollection',
  'entry-encyclopedia': 'online',
  'entry-dictionary': 'online',
  thesis: 'thesis',
  webpage: 'online',
  'post-weblog': 'online',
  manuscript: 'unpublished',
  letter: 'unpublished',
  document: 'unpublished',
};

const ARTICLE_SUBTYPES: Record<string, string> = { 'article-magazine': 'magazine', 'article-newspaper': 'newspaper' };

/** Where each entry type puts the CSL container title, and whether it has a publisher. */
const SHAPES: Record<EntryType, { container: string | null; published: boolean }> = {
  article: { container: 'journal', published: false },
  book: { container: null, published: true },
  incollection: { container: 'booktitle', published: true },
  thesis: { container: null, published: false },
  online: { container: 'organization', published: false },
  unpublished: { container: null, published: false },
  misc: { container: 'howpublished', published: false },
};

/** The BibTeX text of `items`: one entry each, in order, separated by blank lines. */
export function writeBibtex(items: readonly CslItem[]): string {
  return `${items.map(entry).join('\n\n')}\n`;
}

function entry(item: CslItem): string {
  // A reference work consulted in print has no page to point @online at.
  const online = text(item, 'URL') !== undefined || text(item, 'DOI') !== undefined;
  const mapped = TYPES[item.type] ?? 'misc';
  const type = mapped === 'online' && !online ? 'misc' : mapped;
  const shape = SHAPES[type];
  const fields: [string, string | undefined][] = [];
  fields.push(['author', names(item, 'author')], ['editor', names(item, 'editor')]);
  fields.push(['translator', names(item, 'translator')]);
  const title = text(item, 'title');
  fields.push(['title', title === undefined ? undefined : `{${escapeLatex(title)}}`]);
  const short = text(item, 'title-short');
  fields.push(['shorttitle', short === undefined ? undefined : `{${escapeLatex(short)}}`]);
  // biblatex tells magazine and newspaper articles from journal ones by this field.
  if (type === 'article') fields.push(['entrysubtype', ARTICLE_SUBTYPES[item.type]]);
  const container = text(item, 'container-title');
  if (shape.container !== null) {
    const value = container && escapeLatex(container);
    fields.push([shape.container, shape.container === 'organization' ? list(container) : value]);
  }
  if (type === 'book' || type === 'incollection') fields.push(['edition', esc(text(item, 'edition'))]);
  fields.push(['volume', esc(text(item, 'volume'))]);
  if (type === 'article') fields.push(['number', esc(text(item, 'issue'))]);
  if (type === 'article' || type === 'incollection') fields.push(['pages', pages(text(item, 'page'))]);
  fields.push(...dateFields(item));
  if (shape.published) {
    fields.push(['publisher', list(text(item, 'publisher'))], ['address', list(text(item, 'publisher-place'))]);
  }
  if (type === 'thesis') {
    fields.push(['type', esc(text(item, 'genre'))], ['school', list(text(item, 'publisher'))]);
  }
  if (type === 'unpublished') fields.push(['howpublished', archive(item)]);
  fields.push(['doi', verbatim(text(item, 'DOI'))], ['url', verbatim(text(item, 'URL'))]);
  const accessed = dateParts(item.accessed);
  if (accessed.year !== undefined) fields.push(['urldate', isoDate(accessed)]);
  fields.push(['issn', issn(text(item, 'ISSN'))]);
  fields.push(['language', esc(text(item, 'language'))], ['note', esc(text(item, 'note'))]);
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `  ${name} = {${value}}`);
  return `@${type}{${citationKey(item.id)},\n${lines.join(',\n')}\n}`;
}

/**
 * The date as biblatex's `date` (2021-07-08, keeping the day), and as `year` and `month` for
 * classic BibTeX styles, which know no `date`.
 */
function dateFields(item: CslItem): [string, string | undefined][] {
  const issued = dateParts(item.issued);
  if (issued.year === undefined) return [];
  return [
    ['date', isoDate(issued)],
    ['year', String(issued.year)],
    // Seasons (CSL months 21–24) have no classic BibTeX month.
    ['month', issued.month !== undefined && issued.month <= 12 ? String(issued.month) : undefined],
  ];
}

/** "66--77"; an open range ("66-", the last page unknown) stays open: "66--". */
function pages(page: string | undefined): string | undefined {
  const span = pageSpan(page);
  if (span.first === undefined) return undefined;
  const range = span.last ? `${span.first}--${span.last}` : span.open ? `${span.first}--` : span.first;
  return escapeLatex(range);
}

/** The first ISSN of the field: CSL may list the print and the online one, biblatex takes one. */
function issn(value: string | undefined): string | undefined {
  return value === undefined ? undefined : /\b\d{4}-\d{3}[\dX]\b/i.exec(value)?.[0];
}

/** Where an archival document is kept, most specific first: shelfmark, collection, archive, place. */
function archive(item: CslItem): string | undefined {
  const parts = ['archive_location', 'archive_collection', 'archive', 'archive-place']
    .map((name) => text(item, name))
    .filter((part): part is string => part !== undefined);
  return parts.length > 0 ? escapeLatex(parts.join(', ')) : undefined;
}

function names(item: CslItem, field: string): string | undefined {
  const list = nameList(item, field).map((name) =>
    // An institution's name is braced so BibTeX does not split it into given and family names.
    name.literal ? `{${escapeLatex(name.literal)}}` : escapeLatex(invertedName(name)),
  );
  return list.length > 0 ? list.join(' and ') : undefined;
}

/** A one-item biblatex list: braced, so an "and" inside the name does not split it. */
function list(value: string | undefined): string | undefined {
  return value === undefined ? undefined : `{${escapeLatex(value)}}`;
}

/** A key BibTeX accepts: the corpus id without characters that end or break a key. */
export function citationKey(id: string): string {
  return id.replace(/[\s,{}()"#%'=~\\]/g, '_');
}

/** Escapes LaTeX's special characters so they print as themselves. */
export function escapeLatex(value: string): string {
  return value.replace(/[\\{}&%$#_^~]/g, (c) => {
    if (c === '\\') return '\\textbackslash{}';
    // BibTeX and biber count a brace even after a backslash; these commands hold none of their own.
    if (c === '{') return '\\textbraceleft{}';
    if (c === '}') return '\\textbraceright{}';
    if (c === '^') return '\\textasciicircum{}';
    if (c === '~') return '\\textasciitilde{}';
    return `\\${c}`;
  });
}

/**
 * A web address or DOI, written as it is (biblatex reads these fields verbatim) but with its braces
 * percent-encoded, the same address to a browser: an unmatched one would end the field early.
 */
function verbatim(value: string | undefined): string | undefined {
  return value?.replace(/[{}]/g, (c) => (c === '{' ? '%7B' : '%7D'));
}

function esc(value: string | undefined): string | undefined {
  return value === undefined ? undefined : escapeLatex(value);
}

function isoDate(date: { year?: number; month?: number; day?: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [date.year, date.month, date.day]
    .filter((part): part is number => part !== undefined)
    .map((part, i) => (i === 0 ? String(part) : pad(part)))
    .join('-');
}

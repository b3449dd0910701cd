/**
 * Zotero's item JSON (`data` of the Web API v3 and of Zotero 7's local API) as CSL-JSON, for the
 * item types historians cite; the field names follow Zotero's own CSL mappings.
 */
import type { CslDate, CslItem, CslName } from '../../corpus/model.ts';
import { parseDateText } from '../../corpus/names-and-dates.ts';

/** Zotero item types and the CSL type each becomes. */
const TYPES: Record<string, string> = {
  journalArticle: 'article-journal',
  magazineArticle: 'article-magazine',
  newspaperArticle: 'article-newspaper',
  book: 'book',
  bookSection: 'chapter',
  thesis: 'thesis',
  webpage: 'webpage',
  blogPost: 'post-weblog',
  forumPost: 'post',
  manuscript: 'manuscript',
  letter: 'letter',
  document: 'document',
  encyclopediaArticle: 'entry-encyclopedia',
  dictionaryEntry: 'entry-dictionary',
  report: 'report',
  conferencePaper: 'paper-conference',
  interview: 'interview',
  map: 'map',
  film: 'motion_picture',
  preprint: 'article',
};

/** Zotero fields and the CSL variable each becomes (the container title has several names). */
const FIELDS: Record<string, string> = {
  title: 'title',
  shortTitle: 'title-short',
  publicationTitle: 'container-title',
  bookTitle: 'container-title',
  websiteTitle: 'container-title',
  blogTitle: 'container-title',
  encyclopediaTitle: 'container-title',
  dictionaryTitle: 'container-title',
  proceedingsTitle: 'container-title',
  forumTitle: 'container-title',
  series: 'collection-title',
  volume: 'volume',
  issue: 'issue',
  pages: 'page',
  edition: 'edition',
  publisher: 'publisher',
  university: 'publisher',
  institution: 'publisher',
  place: 'publisher-place',
  DOI: 'DOI',
  url: 'URL',
  ISSN: 'ISSN',
  ISBN: 'ISBN',
  language: 'language',
  archive: 'archive',
  archiveLocation: 'archive_location',
  callNumber: 'call-number',
  thesisType: 'genre',
  letterType: 'genre',
  manuscriptType: 'genre',
  reportType: 'genre',
  websiteType: 'genre',
  abstractNote: 'abstract',
  numPages: 'number-of-pages',
};

const CREATORS: Record<string, string> = {
  author: 'author',
  editor: 'editor',
  translator: 'translator',
  bookAuthor: 'container-author',
  seriesEditor: 'collection-editor',
  recipient: 'recipient',
  interviewer: 'interviewer',
  director: 'director',
};

/** True for items that are works (not attachments, notes or annotations). */
export function isRegularItem(data: Record<string, unknown>): boolean {
  return !['attachment', 'note', 'annotation'].includes(String(data.itemType));
}

/**
 * The PDF files among a work's child items, in the order Zotero itself picks the one to open: the
 * oldest whose address is the work's, then the oldest. The local API lists children most recently
 * modified first, so its order would make a supplement renamed last week the source's text.
 */
export function pdfAttachments<T extends { data: Record<string, unknown> }>(children: readonly T[], workUrl: unknown): T[] {
  const url = typeof workUrl === 'string' && workUrl !== '' ? workUrl : null;
  const added = (child: T) => (typeof child.data.dateAdded === 'string' ? child.data.dateAdded : '');
  const atUrl = (child: T) => (url !== null && child.data.url === url ? 0 : 1);
  return children
    .filter((child) => child.data.itemType === 'attachment' && child.data.contentType === 'application/pdf' && child.data.linkMode !== 'linked_url')
    .sort((a, b) => atUrl(a) - atUrl(b) || added(a).localeCompare(added(b)));
}

/**
 * The CSL item of a Zotero item's `data`, with `id` as given; `parsedDate` is Zotero's own reading
 * of the date (the item's `meta.parsedDate`, "1961-12-03"), which its citations use.
 */
export function zoteroToCsl(data: Record<string, unknown>, id: string, parsedDate?: string): CslItem {
  const csl: Record<string, unknown> = { id, type: TYPES[String(data.itemType)] ?? 'document' };
  for (const [field, variable] of Object.entries(FIELDS)) {
    const value = data[field];
    if (typeof value === 'string' && value.trim() !== '' && csl[variable] === undefined) csl[variable] = value.trim();
  }
  for (const creator of Array.isArray(data.creators) ? data.creators : []) {
    const variable = CREATORS[String((creator as { creatorType?: unknown }).creatorType)];
    const name = cslName(creator);
    if (variable && name) csl[variable] = [...((csl[variable] as CslName[] | undefined) ?? []), name];
  }
  const issued = zoteroDate(data.date, parsedDate);
  if (issued) csl.issued = issued;
  const accessed = zoteroDate(typeof data.accessDate === 'string' ? data.accessDate.slice(0, 10) : undefined);
  if (accessed) csl.accessed = accessed;
  if (typeof csl.DOI === 'string') csl.DOI = csl.DOI.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
  return csl as CslItem;
}

function cslName(creator: unknown): CslName | null {
  const c = creator as { firstName?: unknown; lastName?: unknown; name?: unknown };
  if (typeof c.name === 'string' && c.name.trim() !== '') return { literal: c.name.trim() };
  const family = typeof c.lastName === 'string' ? c.lastName.trim() : '';
  const given = typeof c.firstName === 'string' ? c.firstName.trim() : '';
  if (family === '' && given === '') return null;
  if (given === '') return { literal: family };
  return family === '' ? { literal: given } : { family, given };
}

// Zotero stores dates as typed ("1961", "1961-12-03", "December 3, 1961"): dates that read
// unambiguously become date parts; for the others Zotero's own reading (its parsed date, in the
// year the text names) gives the month and day, as in Zotero's citations, and the text is kept as
// written. Without either, a newspaper or a letter dated "3 December 1961" was cited as of 1961.
function zoteroDate(value: unknown, parsedDate?: string): CslDate | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = parseDateText(value.trim());
  if (parsed) return parsed;
  const year = /\b(\d{4})\b/.exec(value)?.[1];
  const zotero = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(parsedDate ?? '');
  if (year && zotero && zotero[1] === year) {
    const [month, day] = [Number(zotero[2] ?? 0), Number(zotero[3] ?? 0)];
    const date: [number, number?, number?] = month > 0 ? (day > 0 ? [Number(year), month, day] : [Number(year), month]) : [Number(year)];
    return { 'date-parts': [date], raw: value.trim() };
  }
  return year ? { 'date-parts': [[Number(year)]], raw: value.trim() } : { literal: value.trim() };
}

/**
 * What a PDF says about itself: title and authors from its information dictionary and XMP, and a
 * DOI, an ISSN or a journal line ("Cold War History, Vol. 12, No. 3, 2012, pp. 375–400") printed
 * on its first pages. Only what is there is reported; a title a program left behind
 * ("Microsoft Word - draft.doc") is not a title.
 */
import type { CslItem, CslName } from '../corpus/model.ts';
import { parseByline, parseDateText, parseNameText } from '../corpus/names-and-dates.ts';

/** The PDF's own metadata: information dictionary entries and XMP properties, as text. */
export interface PdfMetadataInput {
  info: Readonly<Record<string, unknown>>;
  /** XMP properties by qualified name (`dc:title`, `prism:doi`); empty when the PDF has no XMP. */
  xmp: Readonly<Record<string, unknown>>;
  /** The text of the first pages' lines, in reading order. */
  firstLines: readonly string[];
}

const JUNK_TITLE = [
  /^microsoft (word|powerpoint|excel)\b/iu,
  /\.(docx?|rtf|odt|pdf|tex|dvi|indd|qxd|qxp|wpd|pages|ps|eps|pptx?|xlsx?)$/iu,
  /^(untitled|title|document\d*|doc\d*|none|unknown|print|layout \d*|adobe .*)$/iu,
  /^[\d\s_.-]*$/u,
  /^[a-z]:\\|^\//iu,
];
const JUNK_AUTHOR = /^(administrator|admin|user|owner|unknown|author|default|[a-z]{1,3}\d*|.*@.*)$/iu;
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/iu;
const ISSN = /\b(?:e-?)?ISSN[:\s]*(\d{4}-?\d{3}[\dX])\b/iu;
const JOURNAL_LINE =
  /^(?<journal>[\p{Lu}][^,\d]{3,80}?),?\s+(?:Vol\.?|Volume)\s*(?<volume>\d{1,4})(?:,?\s*(?:No\.?|Number|Issue)\s*(?<issue>\d{1,4}(?:[-–/]\d{1,4})?))?(?<rest>.*)$/iu;

/** The CSL variables the PDF states, for the import form to suggest and the user to confirm. */
export function pdfMetadata(input: PdfMetadataInput): Partial<CslItem> {
  const found: Partial<CslItem> = {};
  const title = firstText(input.xmp['dc:title'], input.info.Title);
  if (title !== undefined && !JUNK_TITLE.some((pattern) => pattern.test(title))) found.title = title;
  const authors = authorsOf(input.xmp['dc:creator'], input.info.Author);
  if (authors.length > 0) found.author = authors;
  const lines = input.firstLines.map((line) => line.replace(/\s+/gu, ' ').trim());
  const doi = firstText(input.xmp['prism:doi'], ...lines.map((line) => DOI.exec(line)?.[1]));
  if (doi !== undefined) found.DOI = doi.replace(/[.,;:)\]]+$/u, '');
  const issn = firstText(input.xmp['prism:issn'], input.xmp['prism:eIssn'], ...lines.map((line) => ISSN.exec(line)?.[1]));
  if (issn !== undefined && validIssn(issn)) found.ISSN = formatIssn(issn);
  const journal = firstText(input.xmp['prism:publicationName']);
  if (journal !== undefined) found['container-title'] = journal;
  const date = firstText(input.xmp['prism:coverDate'], input.xmp['prism:publicationDate']);
  const issued = date === undefined ? undefined : parseDateText(date);
  if (issued) found.issued = issued;
  for (const line of lines) {
    const match = JOURNAL_LINE.exec(line);
    if (!match?.groups) continue;
    const { journal: name, volume, issue, rest = '' } = match.groups;
    // A running head sets the journal off from its volume with a mark ("Cold War History · Vol. 12").
    found['container-title'] ??= (name as string).replace(/[\s·•|:;/–—-]+$/u, '');
    found.volume ??= volume;
    if (issue !== undefined) found.issue ??= issue;
    const year = /\b(1[5-9]\d\d|20\d\d)\b/u.exec(rest)?.[1];
    if (year !== undefined && !found.issued) found.issued = { 'date-parts': [[Number(year)]] };
    const pages = /\bpp?\.\s*(\d{1,5}\s*[-–]\s*\d{1,5})/u.exec(rest)?.[1];
    if (pages !== undefined) found.page ??= pages.replace(/\s*[-–]\s*/u, '–');
    found.type ??= 'article-journal';
    break;
  }
  if (found.DOI !== undefined && found['container-title'] !== undefined) found.type ??= 'article-journal';
  return found;
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = textOf(value);
    if (text !== undefined) return text;
  }
  return undefined;
}

// XMP values come as text, or as lists of text for bags and sequences.
function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/gu, ' ').trim();
  return text === '' ? undefined : text;
}

function authorsOf(xmp: unknown, info: unknown): CslName[] {
  const names: CslName[] = [];
  const xmpNames = Array.isArray(xmp) ? xmp : typeof xmp === 'string' ? [xmp] : [];
  for (const value of xmpNames) {
    const text = textOf(value);
    if (text === undefined || JUNK_AUTHOR.test(text)) continue;
    const name = parseNameText(text);
    if (name) names.push(name);
  }
  if (names.length > 0) return names;
  const text = textOf(info);
  if (text === undefined || JUNK_AUTHOR.test(text)) return [];
  return parseByline(text);
}

// The ISSN check digit: weights 8 to 2 on the first seven digits, modulo 11, X for 10.
function validIssn(issn: string): boolean {
  const digits = issn.replace('-', '').toUpperCase();
  if (!/^\d{7}[\dX]$/u.test(digits)) return false;
  const sum = [...digits.slice(0, 7)].reduce((total, digit, i) => total + Number(digit) * (8 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return digits[7] === (check === 10 ? 'X' : String(check));
}

function formatIssn(issn: string): string {
  const digits = issn.replace('-', '').toUpperCase();
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}

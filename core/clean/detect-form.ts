import type { RawForm } from './cleaned-body.ts';

/**
 * Which raw form a file to import is in, from its name and text. Pure: it decides from what it is
 * given and never reads a file.
 */

/** The forms `detectForm` can name: the raw forms, plus `html` (cleaned outside core). */
export type DetectedForm = RawForm | 'html';

// WikiText-103 splits hyphens and number separators into " @-@ ", " @,@ ", " @.@ ".
const WIKITEXT_SEPARATOR = / @[-,.]@ /g;
// WikiText-103 headings: " = = History = = " on a line of their own.
const WIKITEXT_HEADING = /^ ?(= )+[^=\n]+( =)+ ?$/gm;
// A footnote printed at the foot of a page: a superscript number at the start of a line.
const SUPERSCRIPT_NOTE = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+ \S/gmu;
// A page number alone on a line, as text extraction leaves the page foot.
const PAGE_NUMBER_LINE = /^[ \t]*\d{1,4}[ \t]*$/gm;
// The same, for one line.
const PAGE_NUMBER_LINE_ONE = /^[ \t]*\d{1,4}[ \t]*$/;

/**
 * The form of a file: `.html`/`.htm` → `html`; `.md`/`.markdown` → `markdown`; `.pdf` → `pdf`; `.txt` (or any
 * other name) → `wikitext` when the text shows WikiText-103 tokens (several ` @-@ ` separators or
 * `= = X = =` headings), `pdf-text` when it shows the shapes PDF extraction leaves (footnotes
 * starting with superscript numbers, page numbers on lines of their own, form feeds between
 * hard-wrapped lines), else
 * `plain`. Web-page copies and paraphrases cannot be told from plain text by shape and come out
 * as `plain`. The text may be given as a function, called only when the name does not decide.
 */
export function detectForm(fileName: string, textOrRead: string | (() => string)): DetectedForm {
  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'pdf') return 'pdf';
  const text = typeof textOrRead === 'string' ? textOrRead : textOrRead();
  if (looksLikeWikiText(text)) return 'wikitext';
  if (looksLikePdfText(text)) return 'pdf-text';
  return 'plain';
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function looksLikeWikiText(text: string): boolean {
  return count(text, WIKITEXT_SEPARATOR) >= 3 || count(text, WIKITEXT_HEADING) >= 2;
}

function looksLikePdfText(text: string): boolean {
  if (count(text, SUPERSCRIPT_NOTE) >= 2 || pageNumberLines(text) >= 3) return true;
  // Word and other editors write a page break into plain text as a form feed too, so one alone
  // made a list of one paragraph a line read as PDF pages, its lines joined: it counts only with
  // the shape a PDF's text has besides, a page foot or lines wrapped in mid-sentence.
  if (!text.includes('\f')) return false;
  return count(text, SUPERSCRIPT_NOTE) >= 1 || pageNumberLines(text) >= 2 || wrappedLines(text) >= WRAPPED_LINES_NEEDED;
}

// A line that ends mid-sentence (a letter, digit, comma or hyphen), as wide as a page's column.
const RUN_ON_LINE = /^.{29,}[\p{L}\p{N},\-\u00AD][ \t]*$/u;
// A line that goes on in lower case.
const CONTINUING_LINE = /^[ \t\f]*\p{Ll}/u;
// Enough wrapped lines for a page of prose; a list with a few lower-case entries has fewer.
const WRAPPED_LINES_NEEDED = 3;

/** How many lines run on into the next in mid-sentence, as the lines of a PDF's text do. */
function wrappedLines(text: string): number {
  const lines = text.split(/\r\n?|\n/);
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length && wrapped < WRAPPED_LINES_NEEDED; i++) {
    if (RUN_ON_LINE.test(lines[i] ?? '') && CONTINUING_LINE.test(lines[i + 1] ?? '')) wrapped++;
  }
  return wrapped;
}

// A line of a number alone (of any length, with its thousands separated or not).
const NUMBER_LINE = /^[ \t]*\d[\d ,.\u00A0]*[ \t]*$/;

/**
 * The lines that read as page numbers: a number alone on its line, with no such line next to it. A
 * table saved as plain text (Word and LibreOffice write each cell on a line of its own) puts its
 * numbers next to each other, and a table of years was taken for the page feet of a PDF.
 */
function pageNumberLines(text: string): number {
  const candidates = text.match(PAGE_NUMBER_LINE)?.length ?? 0;
  if (candidates < 3) return candidates;
  const lines = text.split(/\r\n?|\n/).filter((line) => line.trim() !== '');
  return lines.filter((line, i) => PAGE_NUMBER_LINE_ONE.test(line) && !NUMBER_LINE.test(lines[i - 1] ?? '') && !NUMBER_LINE.test(lines[i + 1] ?? '')).length;
}

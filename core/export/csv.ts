/**
 * The CSV writer (RFC 4180): a header row, then one row per highlight, with CRLF line ends and
 * every field that holds a comma, quote or line break quoted, quotes doubled. A field beginning
 * with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe (`'=1+1`), as OWASP
 * advises against CSV injection: Excel and LibreOffice Calc would otherwise run a note or a
 * quotation such as `=HYPERLINK(…)` as a formula when the file is opened.
 */
import { formatLocator, parseLocator } from '../cite/locator.ts';
import { toPlainText } from '../cite/render.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';

/**
 * The column names, in order. `wording_changed` is `no` when the source still reads as
 * highlighted; `yes` when its wording at the highlight changed since (`quotation` is then the
 * current wording and `highlighted_as` the words highlighted); `no longer found` when the passage
 * is not in the current text at all (`quotation` and `highlighted_as` are then the words as saved).
 */
export const CSV_COLUMNS = [
  'note_number',
  'annotation_id',
  'source_id',
  'quotation',
  'note',
  'tags',
  'locator',
  'citation',
  'wording_changed',
  'highlighted_as',
] as const;

/** The CSV text of `doc`: header plus one row per entry, each ending in CRLF. */
export function writeCsv(doc: ExportDocument): string {
  const rows = [[...CSV_COLUMNS], ...doc.entries.map(row)];
  return rows.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}

function row(entry: ExportEntry): string[] {
  return [
    String(entry.noteIndex),
    entry.annotation.id,
    entry.annotation.sourceId,
    entry.quotation.text,
    entry.note,
    entry.tags.join('; '),
    entry.locator ? formatLocator(parseLocator(entry.locator, entry.item.id) ?? never()) : '',
    toPlainText(entry.fullCitation),
    wordingChanged(entry),
    entry.quotation.changed || entry.quotation.orphaned ? entry.quotation.saved : '',
  ];
}

// An orphan's quotation is its saved words, so "no" would let a filter on unchanged wording pass a
// passage the source no longer has; the other formats print ORPHAN_MARK beside it.
function wordingChanged(entry: ExportEntry): string {
  if (entry.quotation.orphaned) return 'no longer found';
  return entry.quotation.changed ? 'yes' : 'no';
}

/** One field, neutralised if a spreadsheet would read it as a formula, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function never(): never {
  throw new Error('a locator with a value always parses');
}

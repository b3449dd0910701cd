/**
 * Footnotes at the foot of a page: lines smaller than the body text below the last body line of
 * their column, starting with a note number (raised, or followed by a full stop or a space). A
 * note zone with no number at its start continues the last note of the page before.
 */
import type { PdfLine, PdfRun } from './model.ts';

/** One footnote as printed: its number (or symbol), its lines, and the page it stands on. */
export interface PrintedNote {
  marker: string;
  page: number;
  lines: PdfLine[];
}

/** A page's lines split into running text and footnote lines. */
export interface PageNotes {
  body: PdfLine[];
  /** Notes that begin on this page. */
  notes: PrintedNote[];
  /** Lines at the top of the note zone that continue the previous page's last note. */
  continuation: PdfLine[];
}

// A line is footnote-sized when smaller than this share of the body size.
const SMALL = 0.9;
// Footnotes stand in the lower part of the page.
const LOWER_PART = 0.7;
const SYMBOLS = '*†‡§¶';

/**
 * Splits one page's lines (reading order, running heads removed) into body and footnotes.
 * `lastMarker` is the number of the previous note in the document, to accept an unraised number
 * only where it continues the sequence; `lastNoteSize` the type size of that note, which lines
 * continuing it on this page share.
 */
export function splitFootnotes(lines: readonly PdfLine[], pageHeight: number, bodySize: number, page: number, lastMarker: number, lastNoteSize?: number): PageNotes {
  const small = (line: PdfLine) => line.size < SMALL * bodySize;
  const overlaps = (a: PdfLine, b: PdfLine) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);
  const inZone = lines.map(
    (line) =>
      small(line) &&
      line.y < LOWER_PART * pageHeight &&
      lines.every((other) => other.y >= line.y || !overlaps(line, other) || small(other)) &&
      lines.some((other) => other.y > line.y && !small(other) && overlaps(line, other)),
  );
  const zone = lines.filter((_line, i) => inZone[i]);
  if (zone.length === 0) return { body: [...lines], notes: [], continuation: [] };
  const notes: PrintedNote[] = [];
  const continuation: PdfLine[] = [];
  const notNotes = new Set<PdfLine>();
  let last = lastMarker;
  let column: number | undefined;
  let refused = false;
  for (const line of zone) {
    const newColumn = line.column !== column;
    column = line.column;
    const marker = markerOf(line, last, notes.length === 0 && continuation.length === 0);
    const continues = lastNoteSize !== undefined && Math.abs(line.size - lastNoteSize) < 0.5;
    if (newColumn) refused = marker === undefined && (notes.length > 0 || !continues);
    if (refused) {
      // Small type opening a further column with no note number (an address, a caption) is not a note.
      notNotes.add(line);
    } else if (marker !== undefined) {
      notes.push({ marker: marker.label, page, lines: [withoutMarker(line, marker.length)] });
      if (/^\d+$/u.test(marker.label)) last = Number(marker.label);
    } else if (notes.length > 0) {
      (notes.at(-1) as PrintedNote).lines.push(line);
    } else {
      continuation.push(line);
    }
  }
  // Small lines with no note number anywhere are not footnotes (a caption, a quotation in small type).
  if (notes.length === 0 && continuation.length === 0) return { body: [...lines], notes: [], continuation: [] };
  return { body: lines.filter((line, i) => !inZone[i] || notNotes.has(line)), notes, continuation };
}

interface Marker {
  label: string;
  /** Characters of the line's text the marker takes, spaces after it included. */
  length: number;
}

function markerOf(line: PdfLine, last: number, firstOfZone: boolean): Marker | undefined {
  const first = line.runs[0] as PdfRun | undefined;
  if (!first) return undefined;
  const raised = first.sup ? /^\s*([0-9]{1,3}|[*†‡§¶]+)\s*/u.exec(first.text) : null;
  if (raised && raised[0].length === first.text.length) {
    const rest = line.text.slice(raised[0].length);
    return { label: raised[1] as string, length: raised[0].length + (rest.length - rest.trimStart().length) };
  }
  const plain = /^([0-9]{1,3})(?:[.)]\s*|\s+)(?=\S)/u.exec(line.text);
  if (plain) {
    const number = Number(plain[1]);
    if (number === last + 1 || number === 1 || (firstOfZone && number > last)) return { label: plain[1] as string, length: plain[0].length };
  }
  const symbol = new RegExp(`^([${SYMBOLS}]+)\\s*(?=\\S)`, 'u').exec(line.text);
  if (symbol) return { label: symbol[1] as string, length: symbol[0].length };
  return undefined;
}

function withoutMarker(line: PdfLine, length: number): PdfLine {
  let drop = length;
  const runs: PdfRun[] = [];
  for (const run of line.runs) {
    if (drop >= run.text.length) {
      drop -= run.text.length;
      continue;
    }
    runs.push({ ...run, text: run.text.slice(drop), sup: drop > 0 ? false : run.sup });
    drop = 0;
  }
  return { ...line, runs, text: runs.map((run) => run.text).join('') };
}

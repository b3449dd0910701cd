/**
 * Footnotes at the foot of a page: lines smaller than the body text below the last body line of
 * their column, starting with a note number (raised, or followed by a full stop, a space, or in a
 * tight setting nothing: "100AQSh"). A note zone with no number at its start continues the last
 * note of the page before; one opening the right column continues the left column's last note
 * where that note breaks off mid-sentence.
 *
 * Size alone does not tell notes from running text when they are set only a point smaller (10 pt
 * notes under 11 pt text, as a word processor sets them by default), nor from a quotation or a
 * caption in smaller type. So an unraised number opens a note only with more evidence: a raised
 * call with its number in the page's running text, or its place right after the last note found.
 * Only type clearly smaller than the body's opens a note on weaker grounds (the number 1, or any
 * number above the last note's at the top of the zone).
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

// A line may be a footnote when smaller than this share of the body size (10 pt under 11 pt is).
const SMALL = 0.95;
// Type smaller than this share is clearly smaller, and needs less evidence to be a note.
const CLEARLY_SMALL = 0.9;
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
  const calls = new Set(lines.filter((_line, i) => !inZone[i]).flatMap(callsOf));
  const notes: PrintedNote[] = [];
  const continuation: PdfLine[] = [];
  const notNotes = new Set<PdfLine>();
  let last = lastMarker;
  let column: number | undefined;
  let refused = false;
  for (const line of zone) {
    const newColumn = line.column !== column;
    column = line.column;
    const marker = markerOf(line, { last, firstOfZone: notes.length === 0 && continuation.length === 0, calls, clearlySmall: line.size < CLEARLY_SMALL * bodySize });
    const continues = lastNoteSize !== undefined && Math.abs(line.size - lastNoteSize) < 0.5;
    if (newColumn) refused = marker === undefined && (notes.length > 0 ? !runsOn(notes.at(-1) as PrintedNote, line) : !continues);
    // A note called in the text may follow a quotation that ends the page in small type.
    else if (refused && marker?.strong === true) refused = false;
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

// A note cut off mid-sentence at the foot of one column runs on at the foot of the next, as
// journals set them: a line there with no number, in the note's type, continues it when the
// note has not ended its sentence or the line opens in lower case.
function runsOn(note: PrintedNote, line: PdfLine): boolean {
  const end = note.lines.at(-1) as PdfLine;
  if (Math.abs(line.size - end.size) >= 0.5) return false;
  return !/[.!?][\p{Pf}\p{Pe}"'’”]*$/u.test(end.text) || /^\p{Ll}/u.test(line.text);
}

interface Marker {
  label: string;
  /** Characters of the line's text the marker takes, spaces after it included. */
  length: number;
  /** Raised, or called in the text, or next after the last note: a note even in type near the body's size. */
  strong: boolean;
}

interface MarkerContext {
  /** The number of the last note found. */
  last: number;
  firstOfZone: boolean;
  /** The numbers and signs raised in the page's running text. */
  calls: ReadonlySet<string>;
  clearlySmall: boolean;
}

function markerOf(line: PdfLine, context: MarkerContext): Marker | undefined {
  const first = line.runs[0] as PdfRun | undefined;
  if (!first) return undefined;
  const raised = first.sup ? /^\s*([0-9]{1,4}|[*†‡§¶]+)\s*/u.exec(first.text) : null;
  if (raised && raised[0].length === first.text.length) {
    const rest = line.text.slice(raised[0].length);
    return { label: raised[1] as string, length: raised[0].length + (rest.length - rest.trimStart().length), strong: true };
  }
  // A number set apart from the note's text, or touching it where the number is wide ("100AQSh").
  const plain = /^([0-9]{1,4})(?:([.)]\s*|\s+)(?=\S)|(?=\p{Lu}))/u.exec(line.text);
  if (plain) {
    const number = Number(plain[1]);
    const strong = context.calls.has(plain[1] as string) || (context.last > 0 && number === context.last + 1);
    const weak = number === 1 || number === context.last + 1 || (context.firstOfZone && number > context.last);
    const apart = plain[2] !== undefined;
    if (strong || (apart && context.clearlySmall && weak)) return { label: plain[1] as string, length: plain[0].length, strong };
  }
  const symbol = new RegExp(`^([${SYMBOLS}]+)\\s*(?=\\S)`, 'u').exec(line.text);
  if (symbol) return { label: symbol[1] as string, length: symbol[0].length, strong: context.calls.has(symbol[1] as string) };
  return undefined;
}

// The note calls of a line of running text: its raised numbers and signs.
function callsOf(line: PdfLine): string[] {
  return line.runs.flatMap((run) => {
    const call = run.sup ? /^\s*([0-9]{1,4}|[*†‡§¶]{1,3})\s*$/u.exec(run.text) : null;
    return call ? [call[1] as string] : [];
  });
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

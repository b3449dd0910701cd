/**
 * Rebuilding printed lines from text items. Items are grouped into rows by the baseline they
 * share, the largest type first, so that a raised note marker joins the line it belongs to and
 * never the line above; a row is split at the page's column gutter; the items of a line are
 * ordered by position and joined with a space wherever the gap between two is wider than a word
 * space. Raised, smaller items (superscripts) stay in the line as `sup` runs.
 */
import { isRightToLeft, logicalOrder } from './direction.ts';
import type { PdfItem, PdfRun } from './model.ts';
import { normalizePdfText, SOFT_HYPHEN } from './normalize-text.ts';

/** A text item and its place in the page's content stream. */
export interface StreamItem extends PdfItem {
  seq: number;
}

/** Items that share a baseline, across the whole page width. */
export interface Row {
  items: StreamItem[];
  /** The baseline of the row's largest type. */
  y: number;
  /** The size of the row's largest type. */
  size: number;
}

/** A line: the items of one row on one side of the gutter. */
export interface LineDraft {
  runs: PdfRun[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

// Items on one baseline differ by less than this share of the row's size.
const SAME_BASELINE = 0.2;
// Smaller type is raised (a superscript) by up to this share of the row's size, or lowered by up to the next.
const RAISED = 0.65;
const LOWERED = 0.35;
const SMALLER = 0.85;
// A gap wider than this share of an em is a word space.
const WORD_SPACE_EMS = 0.18;

/** The rows of a page, top to bottom. */
export function buildRows(items: readonly PdfItem[]): Row[] {
  const visible = items
    .map((item, seq): StreamItem => ({ ...item, text: normalizePdfText(item.text), seq }))
    .filter((item) => item.text.trim() !== '' && item.size > 0);
  return groupRows(visible);
}

/** Items grouped into rows by baseline, top to bottom; run again on one column's items alone. */
export function groupRows(items: readonly StreamItem[]): Row[] {
  const visible = [...items].sort((a, b) => b.size - a.size || b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of visible) {
    const row = rows.find((candidate) => belongs(item, candidate));
    if (row) row.items.push(item);
    else rows.push({ items: [item], y: item.y, size: item.size });
  }
  rows.sort((a, b) => b.y - a.y);
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  return rows;
}

function belongs(item: PdfItem, row: Row): boolean {
  const rise = item.y - row.y;
  if (Math.abs(rise) <= SAME_BASELINE * row.size) return true;
  if (item.size >= SMALLER * row.size) return false;
  return rise > 0 ? rise <= RAISED * row.size : -rise <= LOWERED * row.size;
}

/**
 * The items of a row left of `gutter` and right of it. An item is on the side of its middle,
 * except that one the content stream draws right after a left-hand item, touching it, continues
 * that line (an overfull line running into the gutter).
 */
export function splitAtGutter(row: Row, gutter: number): { left: StreamItem[]; right: StreamItem[] } {
  const left = new Set<StreamItem>(row.items.filter((item) => item.x + item.width / 2 < gutter));
  const bySeq = new Map(row.items.map((item) => [item.seq, item]));
  for (const item of [...row.items].sort((a, b) => a.seq - b.seq)) {
    const before = bySeq.get(item.seq - 1);
    if (!left.has(item) && before && left.has(before) && Math.abs(item.x - (before.x + before.width)) < 0.5 * item.size) left.add(item);
  }
  return { left: row.items.filter((item) => left.has(item)), right: row.items.filter((item) => !left.has(item)) };
}

/** One line from items of one row, ordered left to right (read from the right where it is set right to left). */
export function toLine(drawn: readonly PdfItem[], row: Row): LineDraft {
  const items = isRightToLeft(drawn) ? logicalOrder(drawn) : drawn;
  const main = items.reduce((a, b) => (b.size > a.size || (b.size === a.size && b.text.length > a.text.length) ? b : a));
  const size = main.size;
  const y = Math.abs(main.y - row.y) <= SAME_BASELINE * row.size ? row.y : main.y;
  const runs: PdfRun[] = [];
  let previous: PdfItem | undefined;
  for (const item of items) {
    const sup = item.size < SMALLER * size && item.y > y + 0.15 * size;
    const run: PdfRun = { text: item.text, bold: item.bold, italic: item.italic, sup };
    if (previous) {
      // Read from the right, the item before stands right of this one.
      const gap = Math.max(item.x - (previous.x + previous.width), previous.x - (item.x + item.width));
      const last = runs.at(-1) as PdfRun;
      const spaced = /\s$/u.test(last.text) || /^\s/u.test(run.text);
      // A marker sits against the word it follows; after a marker, only a word-wide gap is a space.
      if (!spaced && !sup && gap > WORD_SPACE_EMS * Math.min(item.size, last.sup ? size : previous.size)) {
        runs.push({ text: ' ', bold: last.bold && run.bold, italic: last.italic && run.italic, sup: false });
      }
    }
    runs.push(run);
    previous = item;
  }
  const merged = mergeRuns(runs);
  const x0 = Math.min(...items.map((item) => item.x));
  const x1 = Math.max(...items.map((item) => item.x + item.width));
  return { runs: merged, text: merged.map((run) => run.text).join(''), x0, x1, y, size };
}

// Equal styles merge; spaces collapse; a soft hyphen survives only at the end of the line; a
// run with no letter or digit carries no emphasis (an italic bracket is not emphasis).
function mergeRuns(runs: readonly PdfRun[]): PdfRun[] {
  const out: PdfRun[] = [];
  runs.forEach((original, i) => {
    const run = /[\p{L}\p{N}]/u.test(original.text) || original.sup ? original : { ...original, bold: false, italic: false };
    let text = i === runs.length - 1 ? run.text : run.text.replaceAll(SOFT_HYPHEN, '');
    const last = out.at(-1);
    if (last && /\s$/u.test(last.text)) text = text.replace(/^\s+/u, '');
    if (text === '') return;
    if (last && last.bold === run.bold && last.italic === run.italic && last.sup === run.sup) last.text += text;
    else out.push({ ...run, text });
  });
  for (const run of out) run.text = run.text.replace(/\s{2,}/gu, ' ');
  const first = out[0];
  if (first) first.text = first.text.trimStart();
  const end = out.at(-1);
  if (end) end.text = end.text.trimEnd();
  return out.filter((run) => run.text !== '');
}

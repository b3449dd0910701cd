/**
 * Two-column pages: a vertical gutter that few rows cross, with text on both sides of it in
 * several rows. Reading order then goes band by band from the top: a row across the gutter (a
 * title, an abstract, a wide footnote) is a band of its own; between two such rows the left
 * column is read down, then the right.
 */
import { splitAtGutter, toLine, type Row } from './lines.ts';
import type { ColumnSide, PdfLine } from './model.ts';

// The gutter is looked for in the middle part of the text width only.
const SEARCH_FROM = 0.3;
const SEARCH_TO = 0.7;
// Rows with text on both sides, and the least gap there, for a gutter to be a gutter (in ems).
const MIN_SHARED_ROWS = 3;
const MIN_GUTTER_EMS = 0.8;
// At most this share of the rows may cross the gutter (titles, wide notes).
const MAX_CROSSING = 0.25;

/** The x of the gutter between two columns, or undefined for a page set in one column. */
export function findGutter(rows: readonly Row[]): number | undefined {
  const items = rows.flatMap((row) => row.items);
  if (rows.length < MIN_SHARED_ROWS || items.length === 0) return undefined;
  const left = Math.min(...items.map((item) => item.x));
  const right = Math.max(...items.map((item) => item.x + item.width));
  const from = left + SEARCH_FROM * (right - left);
  const to = left + SEARCH_TO * (right - left);
  const candidates = new Set<number>();
  for (const item of items) {
    const end = item.x + item.width;
    if (end > from && end < to) candidates.add(end + 0.25);
    if (item.x > from && item.x < to) candidates.add(item.x - 0.25);
  }
  let best: { xs: number[]; score: number } | undefined;
  for (const x of [...candidates].sort((a, b) => a - b)) {
    let crossing = 0;
    let shared = 0;
    for (const row of rows) {
      if (row.items.some((item) => item.x < x && item.x + item.width > x)) {
        crossing += 1;
        continue;
      }
      const before = row.items.filter((item) => item.x + item.width <= x);
      const after = row.items.filter((item) => item.x >= x);
      if (before.length === 0 || after.length === 0) continue;
      const gap = Math.min(...after.map((item) => item.x)) - Math.max(...before.map((item) => item.x + item.width));
      if (gap >= MIN_GUTTER_EMS * row.size) shared += 1;
    }
    if (crossing > MAX_CROSSING * rows.length || shared < MIN_SHARED_ROWS) continue;
    const score = shared - crossing;
    if (!best || score > best.score) best = { xs: [x], score };
    else if (score === best.score) best.xs.push(x);
  }
  // Every position across the empty gutter scores alike: its middle is the gutter.
  if (!best) return undefined;
  return ((best.xs[0] as number) + (best.xs.at(-1) as number)) / 2;
}

/** The lines of a page in reading order, each with its column. */
export function readingOrder(rows: readonly Row[]): PdfLine[] {
  const gutter = findGutter(rows);
  const out: PdfLine[] = [];
  let band: PdfLine[] = [];
  const flush = (): void => {
    out.push(...band.filter((line) => line.column === 1), ...band.filter((line) => line.column === 2));
    band = [];
  };
  for (const row of rows) {
    const { left, right, across } = splitAtGutter(row, gutter);
    if (across.length > 0) {
      flush();
      out.push({ ...toLine(across, row), column: gutter === undefined ? 0 : (0 as ColumnSide) });
      continue;
    }
    if (left.length > 0) band.push({ ...toLine(left, row), column: 1 });
    if (right.length > 0) band.push({ ...toLine(right, row), column: 2 });
  }
  flush();
  return out;
}

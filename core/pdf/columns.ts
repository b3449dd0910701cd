/**
 * Two-column pages: a gutter is a vertical band left empty by many consecutive rows that have text
 * on both sides of it. A word gap is not one, however wide justification makes it: the gaps of
 * neighbouring lines do not line up into a band. The rows around the gutter form a two-column
 * region; a row that crosses it (a title, an abstract, a wide footnote, a one-column section)
 * stands on its own. Reading goes from the top: a region's left column is read down, then its
 * right column, each column's lines rebuilt from its own items (its baselines need not be the
 * other column's). A page whose columns hold only two lines each (an article's end) shows no
 * gutter by itself: the gutter of the page before is looked for there. On a page set right to
 * left (Arabic, Hebrew) all of it is mirrored: the right column is read first, and its lines begin
 * at its right edge.
 */
import { groupRows, splitAtGutter, toLine, type Row, type StreamItem } from './lines.ts';
import type { PdfLine } from './model.ts';

// The gutter is looked for in the middle part of the text width only.
const SEARCH_FROM = 0.3;
const SEARCH_TO = 0.7;
// Rows with text on both sides, and the least width of the band they leave empty, for a gutter (in ems).
const MIN_SHARED_ROWS = 3;
// Rows enough where the page before had its gutter at the same place (an article's last lines).
const SHORT_RUN = 2;
const MIN_GUTTER_EMS = 0.8;
// Lines that begin (or end) within this much of each other (in ems) begin at the same edge.
const ALIGNED_EMS = 0.05;
// A band this wide (in ems), or this many rows sharing it, is a gutter whatever the left column's edge.
const WIDE_GUTTER_EMS = 2;
const MANY_ROWS = 6;
// A line running into the gutter stops short of running this far (in ems) into the other column.
const SPANS_EMS = 2;
// Text right of the gutter within this much (in ems) of the right column's edge begins at the edge.
const EDGE_EMS = 0.5;

/** The gutter of a page and, for each of its rows, whether the row is set in the two columns. */
export interface Columns {
  gutter: number;
  split: boolean[];
}

/**
 * Where the columns of a page stand, or undefined for a page set in one column throughout; `rtl`
 * for a page set right to left. `previous` is the gutter of the page before, of the same width:
 * columns of two lines each stand there (the end of an article), too few to find a gutter anew.
 */
export function findColumns(rows: readonly Row[], rtl = false, previous?: number): Columns | undefined {
  const own = searchGutter(rows, rtl);
  if (own !== undefined) return columnsAt(rows, own, rtl, MIN_SHARED_ROWS);
  if (previous !== undefined && regionsAt(rows, previous, rtl, SHORT_RUN).score > 0) return columnsAt(rows, previous, rtl, SHORT_RUN);
  return undefined;
}

// The gutter found on a page by itself: the place most rows leave empty in a band, in its middle.
function searchGutter(rows: readonly Row[], rtl: boolean): number | undefined {
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
    const { score } = regionsAt(rows, x, rtl, MIN_SHARED_ROWS);
    if (score <= 0) continue;
    if (!best || score > best.score) best = { xs: [x], score };
    else if (score === best.score) best.xs.push(x);
  }
  if (!best) return undefined;
  // Every position across the empty gutter scores alike: its middle is the gutter.
  const middle = ((best.xs[0] as number) + (best.xs.at(-1) as number)) / 2;
  return regionsAt(rows, middle, rtl, MIN_SHARED_ROWS).score === best.score ? middle : (best.xs[0] as number);
}

// The columns of a page around the gutter at `gutter`, regions of at least `least` rows.
function columnsAt(rows: readonly Row[], gutter: number, rtl: boolean, least: number): Columns {
  const ending: Sides['only'] = rtl ? 'right' : 'left';
  const items = rows.flatMap((row) => row.items);
  const { split } = regionsAt(rows, gutter, rtl, least);
  const shared = rows.filter((_row, i) => split[i]).map((row) => sidesAt(row, gutter)).filter((sides) => sides.left > -Infinity && sides.right < Infinity);
  const band = { left: Math.max(...shared.map((sides) => sides.left)), right: Math.min(...shared.map((sides) => sides.right)) };
  // Next to a region, a row too short a run to be one, or a line running into the gutter from one
  // side, is still in the columns; a line left of the gutter (right, read right to left) just
  // above a region ends the text above.
  for (let changed = true; changed; ) {
    changed = false;
    rows.forEach((row, i) => {
      if (split[i] || !(split[i - 1] || split[i + 1])) return;
      const sides = sidesAt(row, gutter);
      if (sides.crosses ? !intrudes(row, gutter, band) : sides.only === ending && !split[i - 1]) return;
      split[i] = true;
      changed = true;
    });
  }
  // Elsewhere on the page a row is read by the sides of the gutter, left first (a running head and
  // its page number, the labels of a figure), unless it is a line of one-column text: text running
  // far across the gutter, or from edge to edge without a gap there.
  const textLeft = Math.min(...items.map((item) => item.x));
  const textRight = Math.max(...items.map((item) => item.x + item.width));
  rows.forEach((row, i) => {
    const sides = sidesAt(row, gutter);
    if (split[i]) return;
    const spans = row.items.some((item) => item.x < gutter - SPANS_EMS * item.size && item.x + item.width > gutter + SPANS_EMS * item.size);
    const full = Math.min(...row.items.map((item) => item.x)) < textLeft + row.size && Math.max(...row.items.map((item) => item.x + item.width)) > textRight - row.size;
    if (!sides.crosses || !(spans || full)) split[i] = true;
  });
  return { gutter, split };
}

// Whether rows with text on both sides of a band are two columns rather than a river of word gaps
// down justified prose: the right column's lines begin at one edge, and the band is wide, or the
// left column's lines end at one edge too, or many lines share it (words rarely line up so).
// Right to left, the left column's lines begin at the gutter, and the right column's end there.
function columnEdges(shared: readonly Sides[], band: number, size: number, rtl: boolean, least: number): boolean {
  const lined = (edges: number[]) => Math.max(...edges.map((a) => edges.filter((b) => Math.abs(a - b) <= ALIGNED_EMS * size).length));
  const begin = shared.map((sides) => (rtl ? sides.left : sides.right));
  const end = shared.map((sides) => (rtl ? sides.right : sides.left));
  if (lined(begin) < least) return false;
  return band >= WIDE_GUTTER_EMS * size || lined(end) >= least || shared.length >= MANY_ROWS;
}

// Whether a row crossing the gutter is a line of the left column run into it (overfull, or drawn
// wider than it prints): no item runs on far into both columns, whatever stands right of the
// gutter begins at the right column's edge, and it is not drawn straight after the text left of
// the gutter, as the rest of a one-column line is.
function intrudes(row: Row, gutter: number, band: { left: number; right: number }): boolean {
  const spans = row.items.some((item) => item.x < gutter - SPANS_EMS * item.size && item.x + item.width > gutter + SPANS_EMS * item.size);
  const { left, right } = splitAtGutter(row, gutter);
  const first = right[0];
  const last = left.at(-1);
  if (spans || right.some((item) => item.x < band.right - EDGE_EMS * item.size)) return false;
  return first === undefined || last === undefined || first.seq !== last.seq + 1;
}

/**
 * The two-column regions if the gutter stood at `x`: runs of rows no text crosses there, with
 * enough rows leaving a common band empty around `x`. The score counts those rows, less one for
 * each break between two regions (a gutter that no overfull line cuts through is the better one).
 */
function regionsAt(rows: readonly Row[], x: number, rtl: boolean, least: number): { score: number; split: boolean[] } {
  const split = rows.map(() => false);
  let score = 0;
  let crossingSince = 0;
  let start = 0;
  const close = (end: number): void => {
    // Lines only left of the gutter (right, read right to left) above a region end the text above
    // it (the other column starts level).
    while (start < end && sidesAt(rows[start] as Row, x).only === (rtl ? 'right' : 'left')) start += 1;
    const run = rows.slice(start, end).map((row) => sidesAt(row, x));
    const shared = run.filter((sides) => sides.left > -Infinity && sides.right < Infinity);
    const band = Math.min(...shared.map((sides) => sides.right)) - Math.max(...shared.map((sides) => sides.left));
    const size = Math.max(...shared.map((sides) => sides.size));
    if (shared.length >= least && band >= MIN_GUTTER_EMS * size && columnEdges(shared, band, size, rtl, least)) {
      if (split.some(Boolean)) score -= Math.min(crossingSince, 1);
      score += shared.length;
      crossingSince = 0;
      for (let i = start; i < end; i += 1) split[i] = true;
    }
  };
  rows.forEach((row, i) => {
    if (!sidesAt(row, x).crosses) return;
    close(i);
    crossingSince += 1;
    start = i + 1;
  });
  close(rows.length);
  return { score, split };
}

interface Sides {
  crosses: boolean;
  only: 'left' | 'right' | undefined;
  left: number;
  right: number;
  size: number;
}

// How a row meets a gutter at `x`: crossed by an item or by a line whose words run on across it,
// or with text on both sides and the edges of the empty band between them.
function sidesAt(row: Row, x: number): Sides {
  const before = row.items.filter((item) => item.x + item.width <= x);
  const after = row.items.filter((item) => item.x >= x);
  const left = Math.max(-Infinity, ...before.map((item) => item.x + item.width));
  const right = Math.min(Infinity, ...after.map((item) => item.x));
  const both = before.length > 0 && after.length > 0;
  const crosses = before.length + after.length < row.items.length || (both && right - left < MIN_GUTTER_EMS * row.size);
  const only = crosses || both ? undefined : before.length > 0 ? 'left' : 'right';
  return { crosses, only, left, right, size: row.size };
}

/** The lines of a page in reading order, each with its column, and its gutter if it has two columns (see `findColumns`). */
export function readingOrder(rows: readonly Row[], rtl = false, previous?: number): { lines: PdfLine[]; gutter?: number } {
  const columns = findColumns(rows, rtl, previous);
  const out: PdfLine[] = [];
  let region: Row[] = [];
  const flush = (): void => {
    if (columns === undefined || region.length === 0) return;
    const left: StreamItem[] = [];
    const right: StreamItem[] = [];
    for (const row of region) {
      const sides = splitAtGutter(row, columns.gutter);
      left.push(...sides.left);
      right.push(...sides.right);
    }
    const leftLines = groupRows(left).map((row) => ({ ...toLine(row.items, row), column: 1 as const }));
    const rightLines = groupRows(right).map((row) => ({ ...toLine(row.items, row), column: 2 as const }));
    out.push(...(rtl ? [...rightLines, ...leftLines] : [...leftLines, ...rightLines]));
    region = [];
  };
  rows.forEach((row, i) => {
    if (columns?.split[i]) {
      region.push(row);
      return;
    }
    flush();
    out.push({ ...toLine(row.items, row), column: 0 });
  });
  flush();
  return columns === undefined ? { lines: out } : { lines: out, gutter: columns.gutter };
}

/**
 * Where one paragraph of a PDF's running text ends and the next begins, from the geometry of its
 * lines alone: a wide vertical gap, a line indented below one that is not (the usual first-line
 * indent), a line stopping short of the column's right edge — and, the exception, an item set with
 * a hanging indent (its first line at the column's edge, the lines after it further in), which
 * stays one paragraph however its lines are indented. Every measure is taken against the line's
 * own column, whose edges differ from the other column's.
 */
import type { PdfLine } from './model.ts';

/** A line of running text and the page (0-based) it stands on. */
export interface BodyLine {
  line: PdfLine;
  page: number;
}

/** The left edge and right edge of a column's running text, and whether its lines are justified. */
export interface ColumnStats {
  left: number;
  right: number;
  justified: boolean;
}

/** What the paragraph being built tells about the line that may continue it. */
export interface OpenParagraph {
  /** Its lines so far. */
  lines: number;
  heading: boolean;
  /** Its line before the last, if any. */
  before?: PdfLine;
  /** Set once it is known to be an item with a hanging indent: how far its later lines stand in from their column's edge. */
  hanging?: number;
}

/** The edges of each column (0 across the page, 1 left, 2 right) among `lines`, for columns with at least `least` lines of body size. */
export function columnStats(lines: readonly PdfLine[], bodySize: number, least = 1): Map<number, ColumnStats> {
  const out = new Map<number, ColumnStats>();
  for (const column of [0, 1, 2]) {
    const body = lines.filter((line) => line.column === column && Math.abs(line.size - bodySize) < 0.1 * bodySize);
    if (body.length < least) continue;
    const left = leftEdge(body);
    // A justified column's edge is where most lines end: a line or two run over it into the margin.
    const edge = mode(body.map((line) => Math.round(line.x1)));
    const atEdge = body.filter((line) => Math.abs(line.x1 - edge) < 0.3 * line.size);
    const right = Math.max(...body.map((line) => line.x1));
    const full = body.filter((line) => line.x1 > right - line.size).length;
    if (body.length >= 3 && atEdge.length >= 0.5 * body.length && full < 0.5 * body.length) {
      out.set(column, { left, right: Math.max(...atEdge.map((line) => line.x1)), justified: true });
    } else {
      out.set(column, { left, right, justified: body.length < 3 || full >= 0.5 * body.length });
    }
  }
  return out;
}

// The leftmost place where a fair share of the lines begin: where most lines begin may be an indent
// instead (a list of references, each entry's later lines further in than its first).
function leftEdge(body: readonly PdfLine[]): number {
  const least = Math.max(2, EDGE_SHARE * body.length);
  const starts = [...new Set(body.map((line) => Math.round(line.x0)))].sort((a, b) => a - b);
  const edge = starts.find((x) => body.filter((line) => Math.abs(line.x0 - x) <= 0.3 * line.size).length >= least);
  return edge ?? mode(body.map((line) => Math.round(line.x0)));
}

// The share of a column's lines that begin at its left edge, at least.
const EDGE_SHARE = 0.15;

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] ?? 0;
  let most = 0;
  for (const [value, count] of counts) if (count > most || (count === most && value < best)) [best, most] = [value, count];
  return best;
}

/** The geometry a break is decided on: the column edges of every page and the usual line spacing. */
export interface BreakContext {
  stats: readonly Map<number, ColumnStats>[];
  spacing: number;
}

/**
 * Whether `next` begins a new paragraph after `previous`, the last line of `open`. `after` is the
 * line that follows `next` in reading order, if any: it tells a hanging indent from a first-line
 * indent. Marks `open.hanging` when `next` turns out to continue an item with a hanging indent.
 */
export function startsParagraph(open: OpenParagraph, previous: BodyLine, next: BodyLine, after: BodyLine | undefined, context: BreakContext): boolean {
  const { stats, spacing } = context;
  // Never inside a word: a line that ends with a hyphen after a letter and a next one that starts
  // in lower case are one paragraph, whatever their indents.
  if (/\p{L}[-\u00ad]$/u.test(previous.line.text) && /^\p{Ll}/u.test(next.line.text)) return false;
  const before = stats[previous.page]?.get(previous.line.column);
  const column = stats[next.page]?.get(next.line.column);
  const em = next.line.size;
  const sameColumn = previous.page === next.page && previous.line.column === next.line.column;
  if (sameColumn && previous.line.y - next.line.y > 1.5 * spacing) return true;
  const indented = (line: PdfLine, stats: ColumnStats | undefined) => stats !== undefined && line.x0 > stats.left + 0.6 * em;
  let indentBreaks = indented(next.line, column) && (!sameColumn || !indented(previous.line, before));
  if (open.hanging !== undefined && column) {
    // An item's lines stand at its hanging indent; a line back at the edge begins the next item.
    if (!indented(next.line, column)) return true;
    if (Math.abs(next.line.x0 - column.left - open.hanging) < 0.5 * em) indentBreaks = false;
  } else if (indentBreaks && sameColumn && column && hangs(open, previous, next, after, column)) {
    open.hanging = next.line.x0 - column.left;
    indentBreaks = false;
  }
  if (indentBreaks) return true;
  if (before && before.justified && previous.line.x1 < quoteRight(open, previous, next, after, before) - 2 * previous.line.size) return true;
  if (before && !before.justified && /[.!?:”"]$/u.test(previous.line.text) && previous.line.x1 < before.right - 0.25 * (before.right - before.left)) return true;
  return false;
}

// `next`, indented below `previous`, is the second line of an item with a hanging indent when the
// item so far is that one line, at the column's edge and reaching its right edge, and either
// the lines after `next` stand in as far (a longer item) or `next` stops short and so ends a
// two-line item. A paragraph's first line, indented, is instead followed by a line back at the
// edge; a block quote's lines all stop short of the right edge.
function hangs(open: OpenParagraph, previous: BodyLine, next: BodyLine, after: BodyLine | undefined, column: ColumnStats): boolean {
  if (open.heading || open.lines !== 1) return false;
  const em = next.line.size;
  if (previous.line.x0 > column.left + 0.6 * em || !reachesRight(previous.line, column)) return false;
  const following = after && after.page === next.page && after.line.column === next.line.column ? after.line : undefined;
  const nextFull = reachesRight(next.line, column);
  if (!following) return !nextFull;
  const sameIndent = Math.abs(following.x0 - next.line.x0) < 0.5 * em;
  if (nextFull) return sameIndent;
  const backAtEdge = following.x0 <= column.left + 0.6 * em;
  return backAtEdge || (sameIndent && reachesRight(following, column));
}

function reachesRight(line: PdfLine, column: ColumnStats): boolean {
  if (column.justified) return line.x1 >= column.right - 2 * line.size;
  return line.x1 >= column.right - 0.25 * (column.right - column.left);
}

// A block quote is set narrower than its column, on the right as on the left: between two of its
// lines, both indented alike, the quote's own right edge is the one a line stops short of. That
// edge is known where two of its lines end at it (a quote of two lines, the second short, splits).
function quoteRight(open: OpenParagraph, previous: BodyLine, next: BodyLine, after: BodyLine | undefined, column: ColumnStats): number {
  const em = previous.line.size;
  const alike = (line: PdfLine | undefined): line is PdfLine =>
    line !== undefined && line.column === previous.line.column && line.x0 > column.left + 0.6 * em && Math.abs(line.x0 - previous.line.x0) < 0.5 * em;
  if (previous.page !== next.page || !alike(next.line)) return column.right;
  const quote = [open.before, previous.line, next.line, after?.page === next.page ? after.line : undefined].filter(alike);
  const edge = Math.max(...quote.map((line) => line.x1));
  const shared = quote.filter((line) => Math.abs(line.x1 - edge) < 0.5 * em).length >= 2;
  if (!shared || edge >= column.right - 2 * em || edge < column.right - QUOTE_MAX_EMS * em) return column.right;
  return edge;
}

// A quote stands in from the column's right edge by a few ems at most.
const QUOTE_MAX_EMS = 8;

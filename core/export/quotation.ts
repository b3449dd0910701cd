/**
 * The quotation of a highlight: the reading text at its range, verbatim, with " … " where the
 * historian trimmed words out (omitted sub-ranges). An orphan, whose range no longer points at its
 * words, is quoted as it was saved and marked as such.
 */
import type { Annotation, TextPositionSelector } from '../annotate/model.ts';
import { ExportError } from './errors.ts';

/** The ellipsis put where words were left out: spaced, as Chicago prints it inside a quotation. */
export const ELLIPSIS = ' … ';

/** One verbatim piece of a quotation and where it stands in the reading text. */
export interface QuotationPiece {
  start: number;
  end: number;
  text: string;
}

/** A quotation ready to print. */
export interface Quotation {
  /** The pieces joined by `ELLIPSIS` (with a leading or trailing "…" for a cut at either end). */
  text: string;
  /** The verbatim pieces; for an orphan, one piece holding the saved quote at its last range. */
  pieces: QuotationPiece[];
  /** True when the quote could not be found in the current text and is the saved one. */
  orphaned: boolean;
}

/**
 * The quotation of `annotation` in `readingText`, leaving out the `omissions` (ranges inside the
 * annotation's range). Every piece equals `readingText.slice(piece.start, piece.end)`, except for
 * an orphan, which is its saved `quote.exact` in one piece. Throws `ExportError`
 * (`invalid-omission`) for an omission outside the highlight, overlapping another, or leaving
 * nothing to quote.
 */
export function quotationOf(
  readingText: string,
  annotation: Annotation,
  omissions: readonly TextPositionSelector[] = [],
): Quotation {
  const { start, end } = annotation.position;
  if (annotation.anchor === 'orphaned') {
    const text = annotation.quote.exact;
    return { text, pieces: [{ start, end, text }], orphaned: true };
  }
  const cuts = checkedOmissions(annotation, omissions);
  const pieces: QuotationPiece[] = [];
  let at = start;
  for (const cut of [...cuts, { start: end, end }]) {
    const piece = trimmed(readingText, at, cut.start);
    if (piece) pieces.push(piece);
    at = cut.end;
  }
  if (pieces.length === 0) {
    throw new ExportError(
      'invalid-omission',
      `The cuts in the highlight “${short(annotation.quote.exact)}” leave nothing to quote.`,
    );
  }
  const first = pieces[0] as QuotationPiece;
  const last = pieces.at(-1) as QuotationPiece;
  // A cut at either end shows as an ellipsis there too, so the reader knows the quote runs on.
  const lead = cuts.length > 0 && readingText.slice(start, first.start).trim() !== '' ? '… ' : '';
  const tail = cuts.length > 0 && readingText.slice(last.end, end).trim() !== '' ? ' …' : '';
  const text = lead + pieces.map((piece) => piece.text).join(ELLIPSIS) + tail;
  return { text, pieces, orphaned: false };
}

function checkedOmissions(
  annotation: Annotation,
  omissions: readonly TextPositionSelector[],
): TextPositionSelector[] {
  const { start, end } = annotation.position;
  const sorted = [...omissions].sort((a, b) => a.start - b.start);
  let previous = start;
  for (const cut of sorted) {
    const valid = Number.isInteger(cut.start) && Number.isInteger(cut.end) && cut.start < cut.end;
    if (!valid || cut.start < previous || cut.end > end) {
      throw new ExportError(
        'invalid-omission',
        `A cut (${cut.start}–${cut.end}) in the highlight “${short(annotation.quote.exact)}” ` +
          `must lie inside it (${start}–${end}) and must not overlap another cut.`,
      );
    }
    previous = cut.end;
  }
  return sorted;
}

/** The piece `[from, to)` without the spaces at its ends, or null if nothing but spaces. */
function trimmed(text: string, from: number, to: number): QuotationPiece | null {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text.charAt(a))) a += 1;
  while (b > a && /\s/.test(text.charAt(b - 1))) b -= 1;
  return a < b ? { start: a, end: b, text: text.slice(a, b) } : null;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Trimmed quotations: the words a historian leaves out of a highlighted passage when quoting it,
 * and the quotation that remains, with an ellipsis wherever words were cut (Chicago prints a
 * spaced ellipsis inside a quotation, and none where nothing was left out; docs/citation-rules.md
 * §2.11).
 */
import type { Omission } from './model.ts';

/** The ellipsis put where words were left out: spaced, as Chicago prints it inside a quotation. */
export const ELLIPSIS = ' … ';

// After a cut, a piece that opens with punctuation follows the ellipsis directly ("publicly ….").
const PUNCTUATION_FIRST = /^[.,;:!?)\]’”]/u;

/** At most this many cuts in one quotation: enough for any real passage, a bound for bad input. */
export const MAX_OMISSIONS = 1000;

/** One verbatim piece of a trimmed quotation and where it stands in the text it was cut from. */
export interface QuotePiece {
  start: number;
  end: number;
  text: string;
}

/** A quotation with its cuts applied. */
export interface TrimmedText {
  /**
   * The pieces joined by `ELLIPSIS` (without its closing space before punctuation), with a leading
   * or trailing "…" for a cut at either end.
   */
  text: string;
  /** The verbatim pieces, each `source.slice(piece.start, piece.end)`; never empty. */
  pieces: QuotePiece[];
}

/**
 * Why `omissions` are not valid cuts of `quote`, or null if they are:
 * whole-number ranges inside the quote, each leaving out more than spaces, in order and apart,
 * at most `MAX_OMISSIONS` of them, and leaving at least one word standing.
 */
export function checkOmissions(quote: string, omissions: readonly Omission[]): string | null {
  if (omissions.length > MAX_OMISSIONS) {
    return `a quotation can have at most ${MAX_OMISSIONS} cuts`;
  }
  let previous = 0;
  for (const cut of omissions) {
    const whole = Number.isInteger(cut.start) && Number.isInteger(cut.end);
    if (!whole || cut.start < previous || cut.end <= cut.start || cut.end > quote.length) {
      return (
        `a cut (${String(cut.start)}–${String(cut.end)}) must lie inside the ` +
        `${quote.length}-character passage, after the cut before it`
      );
    }
    if (quote.slice(cut.start, cut.end).trim() === '') {
      return `a cut (${cut.start}–${cut.end}) must leave out words, not only spaces`;
    }
    previous = cut.end;
  }
  if (omissions.length > 0 && applyCuts(quote, 0, quote.length, omissions) === null) {
    return 'the cuts leave nothing to quote';
  }
  return null;
}

/**
 * `text.slice(start, end)` without the absolute ranges `cuts` (sorted, apart, inside the range),
 * or null when nothing but spaces would remain. Spaces at the edges of each piece are dropped so
 * the ellipsis stands between words.
 */
export function applyCuts(
  text: string,
  start: number,
  end: number,
  cuts: readonly Omission[],
): TrimmedText | null {
  const pieces: QuotePiece[] = [];
  let at = start;
  for (const cut of [...cuts, { start: end, end }]) {
    const piece = trimmed(text, at, cut.start);
    if (piece) pieces.push(piece);
    at = cut.end;
  }
  const first = pieces[0];
  const last = pieces.at(-1);
  if (!first || !last) return null;
  // A cut at either end shows as an ellipsis there too, so the reader knows the quote runs on.
  const lead = cuts.length > 0 && text.slice(start, first.start).trim() !== '' ? '… ' : '';
  const tail = cuts.length > 0 && text.slice(last.end, end).trim() !== '' ? ' …' : '';
  const body = pieces
    .map((piece, i) => (i === 0 ? '' : PUNCTUATION_FIRST.test(piece.text) ? ELLIPSIS.trimEnd() : ELLIPSIS) + piece.text)
    .join('');
  return { text: lead + body + tail, pieces };
}

/** The quote as it will be quoted: `quote` without its `omissions` (the whole quote if invalid). */
export function trimmedQuote(quote: string, omissions: readonly Omission[]): string {
  if (omissions.length === 0 || checkOmissions(quote, omissions) !== null) return quote;
  return applyCuts(quote, 0, quote.length, omissions)?.text ?? quote;
}

/** The piece `[from, to)` without the spaces at its ends, or null if nothing but spaces. */
function trimmed(text: string, from: number, to: number): QuotePiece | null {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text.charAt(a))) a += 1;
  while (b > a && /\s/.test(text.charAt(b - 1))) b -= 1;
  return a < b ? { start: a, end: b, text: text.slice(a, b) } : null;
}

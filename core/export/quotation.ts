/**
 * The quotation of a highlight: the reading text at its range, verbatim, with " … " where the
 * historian trimmed words out (the annotation's omissions). An orphan, whose range no longer
 * points at its words, is quoted as it was saved and marked as such.
 */
import type { Annotation, Omission } from '../annotate/model.ts';
import { applyCuts, checkOmissions } from '../annotate/omissions.ts';
import type { QuotePiece } from '../annotate/omissions.ts';
import { concat, italic } from '../cite/rich.ts';
import type { Rich } from '../cite/rich.ts';
import type { Span } from './emphasis.ts';
import { ExportError } from './errors.ts';

export { ELLIPSIS } from '../annotate/omissions.ts';

/** One verbatim piece of a quotation and where it stands in the reading text. */
export type QuotationPiece = QuotePiece;

/** A quotation ready to print. */
export interface Quotation {
  /** The pieces joined by `ELLIPSIS` (with a leading or trailing "…" for a cut at either end). */
  text: string;
  /** The verbatim pieces; for an orphan, one piece holding the saved quote at its last range. */
  pieces: QuotationPiece[];
  /** True when the quote could not be found in the current text and is the saved one. */
  orphaned: boolean;
  /**
   * True when the source's wording at the highlight differs from the words highlighted (the text
   * changed since, and the highlight moved to the closest match): `text` is the current wording.
   */
  changed: boolean;
  /** The words as highlighted (`quote.exact`), whatever the source says now. */
  saved: string;
  /** `text` with the source's italics (an orphan's saved quote has none). */
  rich: Rich;
}

/**
 * The quotation of `annotation` in `readingText`, leaving out its omissions. Every piece equals
 * `readingText.slice(piece.start, piece.end)`, except for an orphan, which is its saved
 * `quote.exact` in one piece. A highlight whose text has changed since it was trimmed keeps its
 * cuts only if the words it kept are still there, in order; otherwise it is quoted in full rather
 * than cut in the wrong places. Throws `ExportError` (`invalid-omission`) for cuts that do not fit
 * the saved quote.
 */
export function quotationOf(
  readingText: string,
  annotation: Annotation,
  italics: readonly Span[] = [],
): Quotation {
  const { start, end } = annotation.position;
  const exact = annotation.quote.exact;
  const problem = checkOmissions(exact, annotation.omissions);
  if (problem !== null) {
    throw new ExportError(
      'invalid-omission',
      `The highlight “${short(exact)}” cannot be quoted as trimmed: ${problem}.`,
    );
  }
  if (annotation.anchor === 'orphaned') {
    const text = applyCuts(exact, 0, exact.length, annotation.omissions)?.text ?? exact;
    return { text, pieces: [{ start, end, text: exact }], orphaned: true, changed: false, saved: exact, rich: concat(text) };
  }
  const cuts = placeCuts(readingText, annotation);
  const trimmed = applyCuts(readingText, start, end, cuts) ?? applyCuts(readingText, start, end, []);
  if (!trimmed) {
    throw new ExportError('invalid-omission', `The highlight “${short(exact)}” has nothing to quote.`);
  }
  const changed = readingText.slice(start, end) !== exact;
  return { ...trimmed, orphaned: false, changed, saved: exact, rich: withItalics(trimmed.text, trimmed.pieces, italics) };
}

/**
 * The quotation text as rich text: each verbatim piece set in italics where the source has them;
 * the ellipses between pieces stay roman.
 */
function withItalics(text: string, pieces: readonly QuotePiece[], italics: readonly Span[]): Rich {
  const out: Rich = [];
  let at = 0;
  for (const piece of pieces) {
    const found = text.indexOf(piece.text, at);
    if (found < 0) return concat(text);
    out.push(...concat(text.slice(at, found)));
    let cursor = piece.start;
    for (const span of italics) {
      if (span.end <= cursor || span.start >= piece.end) continue;
      const from = Math.max(span.start, cursor);
      const to = Math.min(span.end, piece.end);
      out.push(...concat(piece.text.slice(cursor - piece.start, from - piece.start)));
      out.push(...italic(piece.text.slice(from - piece.start, to - piece.start)));
      cursor = to;
    }
    out.push(...concat(piece.text.slice(cursor - piece.start)));
    at = found + piece.text.length;
  }
  return concat(out, text.slice(at));
}

/** The omissions as ranges of the reading text, or none when they no longer fit it. */
function placeCuts(readingText: string, annotation: Annotation): Omission[] {
  const { start, end } = annotation.position;
  const { exact } = annotation.quote;
  const omissions = annotation.omissions;
  if (omissions.length === 0) return [];
  if (readingText.slice(start, end) === exact) {
    return omissions.map((cut) => ({ start: start + cut.start, end: start + cut.end }));
  }
  const kept = applyCuts(exact, 0, exact.length, omissions)?.pieces ?? [];
  const cuts: Omission[] = [];
  let at = start;
  for (const piece of kept) {
    const found = readingText.indexOf(piece.text, at);
    if (found < 0 || found + piece.text.length > end) return [];
    if (found > at) cuts.push({ start: at, end: found });
    at = found + piece.text.length;
  }
  if (at < end) cuts.push({ start: at, end });
  return cuts;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

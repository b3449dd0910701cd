/**
 * Changing the extent of a highlight: which of its cuts still mean the same words once its quote
 * is taken from another range of the text.
 */
import type { Annotation, Omission, TextPositionSelector } from './model.ts';
import { checkOmissions } from './omissions.ts';

/**
 * The cuts of `annotation` carried over to the quote `quote` at `position`: each cut that still
 * lies inside the new range, leaving out the same words, moved by the change of start. Cuts are
 * dropped when the highlight was not anchored where it stands (its cuts are ranges of a quote the
 * text there no longer shows) or when those that are left are not valid cuts of the new quote.
 */
export function carriedOmissions(annotation: Annotation, quote: string, position: TextPositionSelector): Omission[] {
  if (annotation.anchor !== 'anchored' || annotation.omissions.length === 0) return [];
  const shift = annotation.position.start - position.start;
  const kept: Omission[] = [];
  for (const cut of annotation.omissions) {
    const moved = { start: cut.start + shift, end: cut.end + shift };
    if (moved.start < 0 || moved.end > quote.length) continue;
    if (quote.slice(moved.start, moved.end) !== annotation.quote.exact.slice(cut.start, cut.end)) continue;
    kept.push(moved);
  }
  return checkOmissions(quote, kept) === null ? kept : [];
}

/**
 * Re-anchoring one highlight in a (possibly changed) reading text: a chain of fallbacks from the
 * recorded position to an approximate match, after Hypothesis's anchoring of quote and position
 * selectors, so a highlight survives edits to its source (docs/architecture.md §10).
 */
import { findExact } from './exact-search.ts';
import { findFuzzy } from './fuzzy-search.ts';
import type { Selectors } from './model.ts';
import { contextMatchesExactly } from './score.ts';

/** Which step of the chain produced a range. */
export type AnchorStep = 'position' | 'quote' | 'fuzzy';

/**
 * Where a highlight now is. `anchored`: `text.slice(start, end)` equals the quote exactly.
 * `moved`: the closest acceptable approximate match, whose text differs from the quote.
 * `orphaned`: no acceptable match; there is no range.
 */
export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; step: AnchorStep }
  | { status: 'moved'; start: number; end: number; step: 'fuzzy'; errors: number }
  | { status: 'orphaned' };

/**
 * Anchors `selectors` in `text`: (a) the old position, if the text there still equals the quote
 * and its context; (b) the best verbatim occurrence of the quote, nearest the old position
 * (`findExact`; the old position itself wins here when no occurrence has intact context);
 * (c) the best approximate match scored on quote, prefix, suffix and distance (`findFuzzy`);
 * (d) otherwise orphaned. Never throws; malformed selectors simply orphan. An `anchored`
 * result's text always equals `selectors.quote.exact`.
 */
export function anchor(text: string, selectors: Selectors): AnchorResult {
  const { quote, position } = selectors;
  const exact = quote.exact;
  if (typeof exact !== 'string' || exact.length === 0 || exact.length > text.length) {
    return { status: 'orphaned' };
  }
  const start = Number.isFinite(position.start) ? Math.round(position.start) : 0;
  const end = Number.isFinite(position.end) ? Math.round(position.end) : start + exact.length;
  const atOldPlace = start >= 0 && end === start + exact.length && text.startsWith(exact, start);
  if (atOldPlace && contextMatchesExactly(text, quote, start, end)) {
    return { status: 'anchored', start, end, step: 'position' };
  }
  // With changed context the old place is only the nearest of the quote's occurrences: a short
  // quote ("1960", "the") can reappear there by coincidence after an edit shifted the text,
  // and an occurrence elsewhere with intact context is then the real one.
  const found = findExact(text, quote, start);
  if (found !== undefined) {
    const step = atOldPlace && found === start ? 'position' : 'quote';
    return { status: 'anchored', start: found, end: found + exact.length, step };
  }
  const match = findFuzzy(text, quote, start, end);
  if (match === undefined) return { status: 'orphaned' };
  // Both steps score alike, so (c) only rarely ends on a verbatim occurrence; if it does, the
  // status says so: `anchored` means exactly "the text here is the quote", nothing else.
  if (text.slice(match.start, match.end) === exact) {
    return { status: 'anchored', start: match.start, end: match.end, step: 'fuzzy' };
  }
  const { start: newStart, end: newEnd, errors } = match;
  return { status: 'moved', start: newStart, end: newEnd, step: 'fuzzy', errors };
}

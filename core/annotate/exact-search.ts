/**
 * Step (b) of anchoring: the quote occurs verbatim somewhere in the new text.
 */
import type { TextQuoteSelector } from './model.ts';
import { ACCEPT_SCORE, contextMatchesExactly, scoreCandidate } from './score.ts';

// Occurrences are looked for in rings of growing distance around the old position, so that the
// usual case (text inserted or deleted a little before the highlight) costs a few kilobytes of
// scanning, not the whole text, and a 1 MB source with thousands of annotations stays fast.
const FIRST_RADIUS = 1024;
const RADIUS_GROWTH = 4;

/**
 * The start of the best verbatim occurrence of `quote.exact` in `text`, or undefined when there
 * is none or the best scores below ACCEPT_SCORE. The best is the occurrence nearest `hint` whose
 * prefix and suffix both match exactly; failing that, the highest-scoring occurrence (context
 * counts most, distance very little). `hint` is the old start offset.
 */
export function findExact(
  text: string,
  quote: TextQuoteSelector,
  hint: number,
): number | undefined {
  const length = quote.exact.length;
  const lastStart = text.length - length;
  if (length === 0 || lastStart < 0) return undefined;
  const origin = Math.min(Math.max(0, Math.round(hint)), lastStart);
  let best: { start: number; score: number } | undefined;
  let inner = 0;
  for (let radius = FIRST_RADIUS; ; radius *= RADIUS_GROWTH) {
    // Starts at distance [inner, radius) on each side; the origin itself belongs to the right.
    const leftFrom = origin - radius + 1;
    const left = occurrences(text, quote.exact, leftFrom, origin - Math.max(1, inner) + 1);
    const right = occurrences(text, quote.exact, origin + inner, origin + radius);
    const ring = left.concat(right).sort((a, b) => Math.abs(a - origin) - Math.abs(b - origin));
    for (const start of ring) {
      if (contextMatchesExactly(text, quote, start, start + length)) return start;
      const score = scoreCandidate(text, quote, hint, { start, end: start + length, errors: 0 });
      if (best === undefined || score > best.score) best = { start, score };
    }
    if (origin - radius < 0 && origin + radius > lastStart) break;
    inner = radius;
  }
  return best !== undefined && best.score >= ACCEPT_SCORE ? best.start : undefined;
}

/** Starts s with from ≤ s < to (clipped to the text) where `needle` occurs. */
function occurrences(text: string, needle: string, from: number, to: number): number[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length - needle.length + 1, to);
  const found: number[] = [];
  if (lo >= hi) return found;
  // Searching a slice bounds the scan; a bare indexOf could run to the end of a long text.
  const window = text.slice(lo, hi + needle.length - 1);
  for (let i = window.indexOf(needle); i !== -1; i = window.indexOf(needle, i + 1)) {
    found.push(lo + i);
  }
  return found;
}

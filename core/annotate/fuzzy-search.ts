/**
 * Step (c) of anchoring: the quote was edited, so look for its closest approximate match.
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from './model.ts';
import { CONTEXT_LENGTH } from './describe.ts';
import {
  ACCEPT_SCORE,
  maxQuoteErrors,
  prefixScore,
  scoreCandidate,
  suffixScore,
} from './score.ts';
import type { Candidate } from './score.ts';

// Characters searched on each side of the old range before the whole text is: an edit inside
// a highlight rarely moves it far, and Myers's algorithm costs time in proportion to the text.
const NEAR_WINDOW = 4096;

/**
 * The best approximate match of `quote.exact` in `text`: at most `maxQuoteErrors` edit errors and
 * a score of at least ACCEPT_SCORE, or undefined. Searches near `[hintStart, hintEnd)` first and
 * the whole text only when nothing acceptable is found there; the match's ends are then aligned
 * with the stored context. Quotes too short to allow a single error are left to the exact step.
 */
export function findFuzzy(
  text: string,
  quote: TextQuoteSelector,
  hintStart: number,
  hintEnd: number,
): Candidate | undefined {
  const maxErrors = maxQuoteErrors(quote.exact.length);
  if (maxErrors === 0 || text.length === 0) return undefined;
  const reach = Math.max(NEAR_WINDOW, quote.exact.length);
  const lo = clamp(Math.min(hintStart, hintEnd) - reach, text.length);
  const hi = clamp(Math.max(hintStart, hintEnd) + reach, text.length);
  let best = bestMatch(text, quote, hintStart, lo, hi, maxErrors);
  const nearIsEnough = best !== undefined && best.score >= ACCEPT_SCORE;
  if (!nearIsEnough && (lo > 0 || hi < text.length)) {
    const whole = bestMatch(text, quote, hintStart, 0, text.length, maxErrors);
    if (whole !== undefined && (best === undefined || whole.score > best.score)) best = whole;
  }
  if (best === undefined || best.score < ACCEPT_SCORE) return undefined;
  return alignWithContext(text, quote, best.candidate);
}

// Where an edit touches the ends of a quote, several boundaries cost the same number of errors,
// and the matcher returns the longest ("…entourage would never dare" for "did not consider").
// The stored context settles it: each end moves, by at most the match's error count, to where
// the text around it best agrees with the prefix and suffix. `errors` stays the matcher's count.
function alignWithContext(text: string, quote: TextQuoteSelector, match: Candidate): Candidate {
  const slack = Math.min(match.errors, CONTEXT_LENGTH);
  let start = match.start;
  let bestPrefix = prefixScore(text, quote, start);
  for (let s = Math.max(0, match.start - slack); s <= match.start + slack && s < match.end; s++) {
    const score = prefixScore(text, quote, s);
    if (score > bestPrefix) [start, bestPrefix] = [s, score];
  }
  let end = match.end;
  let bestSuffix = suffixScore(text, quote, end);
  const lastEnd = Math.min(text.length, match.end + slack);
  for (let e = Math.max(start + 1, match.end - slack); e <= lastEnd; e++) {
    const score = suffixScore(text, quote, e);
    if (score > bestSuffix) [end, bestSuffix] = [e, score];
  }
  return { start, end, errors: match.errors };
}

function bestMatch(
  text: string,
  quote: TextQuoteSelector,
  hint: number,
  lo: number,
  hi: number,
  maxErrors: number,
): { candidate: Candidate; score: number } | undefined {
  // approx-string-match returns only the matches with the fewest errors in the searched span.
  const matches = search(text.slice(lo, hi), quote.exact, maxErrors);
  let best: { candidate: Candidate; score: number } | undefined;
  for (const match of matches) {
    if (match.end <= match.start) continue;
    const candidate = { start: lo + match.start, end: lo + match.end, errors: match.errors };
    const score = scoreCandidate(text, quote, hint, candidate);
    if (best === undefined || score > best.score) best = { candidate, score };
  }
  return best;
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, Math.round(offset)), length);
}

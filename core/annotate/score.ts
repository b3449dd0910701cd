/**
 * How well a candidate range of the current text matches a stored quote: the one scoring rule
 * behind both the exact-quote and the fuzzy step of `anchor`.
 *
 * score = (QUOTE_WEIGHT·quote + PREFIX_WEIGHT·prefix + SUFFIX_WEIGHT·suffix
 *          + POSITION_WEIGHT·position) / (sum of the weights), each part in [0, 1].
 * A candidate is accepted only when its score reaches ACCEPT_SCORE.
 */
import search from 'approx-string-match';
import { CONTEXT_LENGTH } from './describe.ts';
import type { TextQuoteSelector } from './model.ts';

// Hypothesis's weights (match-quote.ts): the quote dominates, each side of context counts
// for less than half of it, and distance from the old position only breaks near-ties.
/** Weight of the quote's own similarity. */
export const QUOTE_WEIGHT = 50;
/** Weight of the context before the quote. */
export const PREFIX_WEIGHT = 20;
/** Weight of the context after the quote. */
export const SUFFIX_WEIGHT = 20;
/** Weight of closeness to the old position. */
export const POSITION_WEIGHT = 2;

const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Lowest score accepted. With the weights above it means: the quote plus some real evidence from
 * the context. An exact quote in unrelated context scores (50 + 2) / 92 ≈ 0.57 and is rejected
 * (a common phrase found elsewhere after its paragraph was deleted must become an orphan, not a
 * wrong highlight); an exact quote with one side of context intact scores ≥ 0.76; a quote with
 * half of its characters changed scores ≥ 0.71 with both sides intact, but ≤ 0.51 with one.
 */
export const ACCEPT_SCORE = 0.65;

/**
 * Fuzzy matches may differ from the quote in at most this share of its characters (Hypothesis's
 * bound). It is generous on purpose: a half-rewritten sentence whose context is intact is still
 * the user's passage; ACCEPT_SCORE, not this bound, is what rejects unrelated text.
 */
export const MAX_ERROR_RATE = 0.5;

/** Absolute cap on fuzzy errors, as in Hypothesis: bounds the cost of very long quotes. */
export const MAX_ERRORS_CAP = 256;

// Unrelated 32-character snippets of our corpus differ (edit distance against their best
// alignment) in a median 72% of their characters and rarely in under 60% (measured on
// corpus/raw). Errors at or beyond that rate are therefore no evidence at all: a context side
// scores max(0, 1 − errors / (CONTEXT_CHANCE_RATE · length)).
const CONTEXT_CHANCE_RATE = 0.6;

/** A range of the current text that may hold the quote, with its edit distance to the quote. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** The most edit errors a fuzzy match of a quote of `length` characters may have (≥ 0). */
export function maxQuoteErrors(length: number): number {
  return Math.min(MAX_ERRORS_CAP, Math.floor(length * MAX_ERROR_RATE));
}

/**
 * True when the text around `[start, end)` is exactly the stored prefix and suffix. A context
 * shorter than CONTEXT_LENGTH was clipped at the start (end) of the text, and matches only where
 * it again reaches that end.
 */
export function contextMatchesExactly(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  end: number,
): boolean {
  const { prefix, suffix } = quote;
  const prefixOk =
    text.endsWith(prefix, start) &&
    (prefix.length >= CONTEXT_LENGTH || start === prefix.length);
  const suffixOk =
    text.startsWith(suffix, end) &&
    (suffix.length >= CONTEXT_LENGTH || end + suffix.length === text.length);
  return prefixOk && suffixOk;
}

/** The score of `candidate` in [0, 1]; `hint` is the old start offset. */
export function scoreCandidate(
  text: string,
  quote: TextQuoteSelector,
  hint: number,
  candidate: Candidate,
): number {
  const quoteScore = 1 - candidate.errors / Math.max(1, quote.exact.length);
  const prefix = prefixScore(text, quote, candidate.start);
  const suffix = suffixScore(text, quote, candidate.end);
  const distance = Math.abs(candidate.start - hint) / Math.max(1, text.length);
  const positionScore = 1 - Math.min(1, distance);
  return (
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefix +
      SUFFIX_WEIGHT * suffix +
      POSITION_WEIGHT * positionScore) /
    TOTAL_WEIGHT
  );
}

/** How well the text before `start` matches the stored prefix, in [0, 1]. */
export function prefixScore(text: string, quote: TextQuoteSelector, start: number): number {
  const window = text.slice(Math.max(0, start - quote.prefix.length), start);
  // "At the edge": the stored context, however short, reaches back to the text's start.
  return contextScore(quote.prefix, window, start <= quote.prefix.length);
}

/** How well the text after `end` matches the stored suffix, in [0, 1]. */
export function suffixScore(text: string, quote: TextQuoteSelector, end: number): number {
  const window = text.slice(end, end + quote.suffix.length);
  return contextScore(quote.suffix, window, end + quote.suffix.length >= text.length);
}

// A context clipped at either end of the text is short, and a short string matches by chance
// easily (a lone "." is everywhere). So the stored characters count only for their share of
// CONTEXT_LENGTH, and the text's end itself stands for the missing ones: it counts only where
// the candidate again touches that end.
function contextScore(stored: string, window: string, atTextEdge: boolean): number {
  const share = Math.min(1, stored.length / CONTEXT_LENGTH);
  const edge = atTextEdge ? 1 - share : 0;
  if (stored === '') return edge;
  if (window === stored) return share + edge;
  const matches = search(window, stored, stored.length);
  const errors = matches.reduce((min, m) => Math.min(min, m.errors), stored.length);
  return share * Math.max(0, 1 - errors / (CONTEXT_CHANCE_RATE * stored.length)) + edge;
}

/**
 * Selectors for a range of a reading text: the step from a user's selection to stored data.
 */
import { AnnotateError } from './errors.ts';
import type { Selectors, TextQuoteSelector } from './model.ts';

/** Characters of context kept on each side of a quote (Hypothesis's choice: enough to tell
 * repeated phrases apart, short enough to survive nearby edits). */
export const CONTEXT_LENGTH = 32;

/**
 * The quote and position selectors of `text.slice(start, end)`: `exact` is that slice, `prefix`
 * and `suffix` the `CONTEXT_LENGTH` characters around it, clipped at the ends of `text` and never
 * cutting a surrogate pair in half. Throws `AnnotateError` (`out-of-range`, `empty-range`,
 * `splits-character`) instead of describing a range that cannot be highlighted.
 */
export function describe(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AnnotateError(
      'out-of-range',
      `The selection (${start}–${end}) does not fall on character boundaries of the text.`,
    );
  }
  if (start < 0 || end > text.length || start > end) {
    throw new AnnotateError(
      'out-of-range',
      `The selection (${start}–${end}) lies outside the text, ` +
        `which has ${text.length} characters.`,
    );
  }
  if (start === end) {
    throw new AnnotateError('empty-range', 'Nothing is selected: select some text to highlight.');
  }
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw new AnnotateError(
      'splits-character',
      'The selection cuts a character in half; select whole characters.',
    );
  }
  return { quote: quoteAt(text, start, end), position: { start, end } };
}

/**
 * The quote selector of `text.slice(start, end)` without checking the range: for callers that
 * already know it is a valid, non-empty range of `text` (re-anchoring refreshes context with it).
 */
export function quoteAt(text: string, start: number, end: number): TextQuoteSelector {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsPair(text, suffixEnd)) suffixEnd -= 1;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

// Offsets count UTF-16 code units; a boundary between the two halves of an astral character
// (an emoji, some CJK) would store a lone surrogate, which SQLite and JSON tools may mangle.
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

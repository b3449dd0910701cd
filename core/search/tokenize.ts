/**
 * The Unicode-aware tokenizer: a word is a run of letters, digits and combining marks in any
 * script. Everything else (spaces, punctuation, apostrophes, hyphens and dashes) separates words.
 *
 * Lunr's default tokenizer splits only on spaces and hyphens and then trims with `\W`, which is
 * ASCII-only: `Kalić` lost its `ć` and `Çoku` its `Ç`. Matching Unicode classes here keeps every
 * letter, so the trimmer has nothing left to cut.
 */

/** A word as it stands in the text: `[start, end)` in UTF-16 offsets; `ordinal` counts from 0. */
export interface WordSpan {
  text: string;
  start: number;
  end: number;
  ordinal: number;
}

// Soft hyphens and zero-width (non-)joiners sit inside words in PDF text; folding removes them.
// Apostrophes separate: `Khrushchev's` gives khrushchev + s, `l'Albanie` gives l + albanie.
const WORD = /[\p{L}\p{N}\p{M}\u00AD\u200C\u200D]+/gu;

/** Splits text into words with their offsets, in order. Never returns an empty word. */
export function tokenize(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    words.push({ text: match[0], start, end: start + match[0].length, ordinal: words.length });
  }
  return words;
}

/**
 * The one analysis pipeline, used both to index a field and to read a query, so that every
 * indexed term is found by typing the word it came from:
 *
 *   tokenize (Unicode words with offsets) → fold (case, diacritics, ligatures; trims anything
 *   that is not a letter or digit) → drop empty words and stop words.
 *
 * The last step, English stemming (Lunr's Porter stemmer, `stemTerm`), is applied to the output
 * on both sides as a key rather than a replacement: a shard stores each folded word as written
 * plus its stem, and a query word matches every indexed word with the same stem. Keeping the
 * unstemmed word is what lets `rankovi*` find Rankovića and `module*` find "modules"; stock
 * Lunr indexes only the stem, so prefixes longer than it find nothing (lunr.js #256, #529).
 */
import { foldWord } from './fold.ts';
import { isStopWord } from './stop-words.ts';
import { tokenize } from './tokenize.ts';

/** An indexed term: the folded word, its `[start, end)` in the field text, and its word ordinal. */
export interface Term {
  term: string;
  start: number;
  end: number;
  /** Counts every word, stop words included, so a phrase can tell adjacent words from near ones. */
  ordinal: number;
}

/** Joins the parts of a list field (tag names) into the text its offsets refer to. */
export const LIST_SEPARATOR = '\n';

/**
 * Analyses a field: a string, or a list of strings (tag names) whose offsets refer to the parts
 * joined by `LIST_SEPARATOR` and whose ordinals leave a gap between parts, so that no phrase
 * spans two of them. Deterministic; never throws. `keepStopWords` is for query words that carry
 * an operator (`the*` means words beginning with "the", not nothing).
 */
export function analyze(
  value: string | readonly string[],
  options: { keepStopWords?: boolean } = {},
): Term[] {
  const keepStopWords = options.keepStopWords ?? false;
  if (typeof value === 'string') return analyzeText(value, 0, 0, keepStopWords).terms;
  const terms: Term[] = [];
  let offset = 0;
  let ordinal = 0;
  for (const part of value) {
    const analysed = analyzeText(part, offset, ordinal, keepStopWords);
    terms.push(...analysed.terms);
    offset += part.length + LIST_SEPARATOR.length;
    ordinal = analysed.nextOrdinal + 1;
  }
  return terms;
}

// Folding is the costly step of indexing, and running text repeats its words: a bounded memo
// of recent words spares most of the work. Cleared wholesale when full, which is cheap and keeps
// memory bounded whatever the corpus.
const FOLD_MEMO_LIMIT = 200_000;
const foldMemo = new Map<string, string>();

function foldCached(word: string): string {
  let folded = foldMemo.get(word);
  if (folded === undefined) {
    if (foldMemo.size >= FOLD_MEMO_LIMIT) foldMemo.clear();
    folded = foldWord(word);
    foldMemo.set(word, folded);
  }
  return folded;
}

function analyzeText(
  text: string,
  offset: number,
  firstOrdinal: number,
  keepStopWords: boolean,
): { terms: Term[]; nextOrdinal: number } {
  const words = tokenize(text);
  const terms: Term[] = [];
  for (const word of words) {
    const term = foldCached(word.text);
    if (term === '' || (!keepStopWords && isStopWord(term))) continue;
    terms.push({
      term,
      start: offset + word.start,
      end: offset + word.end,
      ordinal: firstOrdinal + word.ordinal,
    });
  }
  return { terms, nextOrdinal: firstOrdinal + words.length };
}

/**
 * How far two extractions of one text agree, word by word: the ratio of their word counts, the
 * overlap of their words regardless of order (for Poppler's `-layout` text, which sets columns
 * side by side), and the share of words in the same order (longest common subsequence).
 */
import { diffArrays } from 'diff';

/** The words of a text, lower-cased, without punctuation. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words of `ours` per word of `theirs`. */
export function wordRatio(ours: readonly string[], theirs: readonly string[]): number {
  return theirs.length === 0 ? 0 : ours.length / theirs.length;
}

/** The overlap of two bags of words: 2 × shared / (both counts), from 0 to 1. */
export function bagSimilarity(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  return a.length + b.length === 0 ? 1 : (2 * shared) / (a.length + b.length);
}

/** The words two texts share in the same order: 2 × common subsequence / (both counts), from 0 to 1. */
export function orderSimilarity(a: readonly string[], b: readonly string[]): number {
  let common = 0;
  for (const part of diffArrays(a as string[], b as string[])) if (!part.added && !part.removed) common += part.count ?? part.value.length;
  return a.length + b.length === 0 ? 1 : (2 * common) / (a.length + b.length);
}

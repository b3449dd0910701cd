/**
 * Terms within a few typing errors of a word, found in a sorted term list as if it were a trie:
 * the edit-distance table of a term reuses the rows of the prefix it shares with the term before,
 * and once every entry of a row exceeds the allowance, every term with that prefix is skipped by
 * binary search. Errors are insertions, deletions, substitutions and transpositions of adjacent
 * letters (as Lunr's fuzzy automaton counts them).
 */
import { lowerBound } from './segment.ts';

/** The first index at or after `from` whose term does not start with `prefix`. */
function pastPrefix(terms: readonly string[], prefix: string, from: number): number {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (last === 0xffff) {
    let i = from;
    while (i < terms.length && (terms[i] as string).startsWith(prefix)) i += 1;
    return i;
  }
  return lowerBound(terms, prefix.slice(0, -1) + String.fromCharCode(last + 1), from);
}

/**
 * Calls `found(index, distance)` for every term of the sorted list `terms` within
 * `maxDistance` errors of `word`, in list order.
 */
export function nearTerms(
  terms: readonly string[],
  word: string,
  maxDistance: number,
  found: (index: number, distance: number) => void,
): void {
  const m = word.length;
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, k) => k)];
  let previous = '';
  let valid = 0;
  let i = 0;
  while (i < terms.length) {
    const term = terms[i] as string;
    let depth = 0;
    const limit = Math.min(valid, term.length, previous.length);
    while (depth < limit && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth += 1;
    let pruned = -1;
    for (let j = depth + 1; j <= term.length; j += 1) {
      const above = rows[j - 1] as Int32Array;
      let row = rows[j];
      if (row === undefined) {
        row = new Int32Array(m + 1);
        rows[j] = row;
      }
      const letter = term.charCodeAt(j - 1);
      row[0] = j;
      let smallest = j;
      for (let k = 1; k <= m; k += 1) {
        const cost = word.charCodeAt(k - 1) === letter ? 0 : 1;
        let value = Math.min((above[k] as number) + 1, (row[k - 1] as number) + 1, (above[k - 1] as number) + cost);
        if (
          j > 1 &&
          k > 1 &&
          letter === word.charCodeAt(k - 2) &&
          term.charCodeAt(j - 2) === word.charCodeAt(k - 1)
        ) {
          value = Math.min(value, ((rows[j - 2] as Int32Array)[k - 2] as number) + 1);
        }
        row[k] = value;
        if (value < smallest) smallest = value;
      }
      if (smallest > maxDistance) {
        pruned = j;
        break;
      }
    }
    previous = term;
    if (pruned > 0) {
      valid = pruned;
      i = pastPrefix(terms, term.slice(0, pruned), i + 1);
      continue;
    }
    valid = term.length;
    const distance = (rows[term.length] as Int32Array)[m] as number;
    if (distance <= maxDistance) found(i, distance);
    i += 1;
  }
}

/**
 * Terms within a few typing errors of a word, found in a sorted term list as if it were a trie:
 * the edit-distance table of a term reuses the rows of the prefix it shares with the term before,
 * and once every entry of a row exceeds the allowance, every term with that prefix is skipped by
 * binary search. Errors are insertions, deletions, substitutions and transpositions of adjacent
 * letters (as Lunr's fuzzy automaton counts them).
 */
import { lowerBound } from './segment.ts';

function shares(term: string, prefix: string, length: number): boolean {
  if (term.length < length) return false;
  for (let c = 0; c < length; c += 1) if (term.charCodeAt(c) !== prefix.charCodeAt(c)) return false;
  return true;
}

/**
 * The first index at or after `from` whose term does not start with the first `length` code
 * units of `prefix`: a few steps forward first (most prefixes are shared by few terms), then a
 * binary search.
 */
function pastPrefix(terms: readonly string[], prefix: string, length: number, from: number): number {
  for (let i = from; i < from + 8; i += 1) if (i >= terms.length || !shares(terms[i] as string, prefix, length)) return i;
  const last = prefix.charCodeAt(length - 1);
  if (last === 0xffff) {
    let i = from + 8;
    while (i < terms.length && shares(terms[i] as string, prefix, length)) i += 1;
    return i;
  }
  return lowerBound(terms, prefix.slice(0, length - 1) + String.fromCharCode(last + 1), from + 8);
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
  const far = maxDistance + 1;
  // Only cells within `maxDistance` of the diagonal can stay within the allowance; the others
  // are held at `far`, so a row costs 2 × maxDistance + 1 cells instead of the word's length.
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, k) => Math.min(k, far))];
  const codes = Int32Array.from({ length: m }, (_, k) => word.charCodeAt(k));
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
        row = new Int32Array(m + 1).fill(far);
        rows[j] = row;
      }
      const letter = term.charCodeAt(j - 1);
      const before = j > 1 ? term.charCodeAt(j - 2) : -1;
      const twoUp = j > 1 ? (rows[j - 2] as Int32Array) : above;
      const from = Math.max(1, j - maxDistance);
      const to = Math.min(m, j + maxDistance);
      // Cells just outside the band are read by this row and the next: hold them at `far`.
      row[0] = Math.min(j, far);
      if (from > 1) row[from - 1] = far;
      if (to < m) row[to + 1] = far;
      let smallest = row[0] as number;
      for (let k = from; k <= to; k += 1) {
        const cost = codes[k - 1] === letter ? 0 : 1;
        let value = (above[k - 1] as number) + cost;
        const up = (above[k] as number) + 1;
        if (up < value) value = up;
        const left = (row[k - 1] as number) + 1;
        if (left < value) value = left;
        if (k > 1 && before >= 0 && letter === codes[k - 2] && before === codes[k - 1]) {
          const swap = (twoUp[k - 2] as number) + 1;
          if (swap < value) value = swap;
        }
        if (value > far) value = far;
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
      i = pastPrefix(terms, term, pruned, i + 1);
      continue;
    }
    valid = term.length;
    const distance = (rows[term.length] as Int32Array)[m] as number;
    if (distance <= maxDistance) found(i, distance);
    i += 1;
  }
}

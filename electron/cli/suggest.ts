/**
 * "Did you mean …?" for a mistyped command, action, option or id on the command line: the names
 * that differ from what was typed by the fewest typing errors (a letter added, dropped, changed,
 * or two swapped), allowing one error in a short name and two in a longer one.
 */

/**
 * The names nearest to `typed` (ignoring case): those with the fewest typing errors, in
 * alphabetical order, at most `limit`; none when nothing is close.
 */
export function nearestNames(typed: string, names: readonly string[], limit = 3): string[] {
  const wanted = typed.toLowerCase();
  const allowed = wanted.length <= 4 ? 1 : 2;
  const scored = names.map((name) => ({ name, distance: typingErrors(wanted, name.toLowerCase()) }));
  const best = Math.min(...scored.map((candidate) => candidate.distance));
  if (best > allowed) return [];
  return scored
    .filter((candidate) => candidate.distance === best)
    .map((candidate) => candidate.name)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, limit);
}

/** " Did you mean "a" or "b"?" for the names nearest to `typed`, or '' when none is close. */
export function didYouMean(typed: string, names: readonly string[], quote = (name: string) => `"${name}"`): string {
  const near = nearestNames(typed, names);
  return near.length === 0 ? '' : ` Did you mean ${near.map(quote).join(' or ')}?`;
}

// The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring letters each count one (a swap is the commonest typing error, "serach").
function typingErrors(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Number.POSITIVE_INFINITY;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j += 1) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2] as number[])[j - 2] as number + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

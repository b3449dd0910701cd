import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearTerms } from '../../../core/search/near.ts';

/** Optimal string alignment distance, computed plainly, as the reference. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('nearTerms', () => {
  it('finds exactly the terms within the allowance, with their distance', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 7 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), word, fc.integer({ min: 0, max: 2 }), (list, query, allowance) => {
        const terms = [...list].sort();
        const found: [string, number][] = [];
        nearTerms(terms, query, allowance, (i, d) => found.push([terms[i] as string, d]));
        const expected = terms.map((term): [string, number] => [term, distance(term, query)]).filter(([, d]) => d <= allowance);
        expect(found).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { findMatches, MAX_FIND_MATCHES } from '../../../../renderer/features/reader/find-matches.ts';

describe('find in this source', () => {
  const text = 'E. Mëhilli wrote; MEHILLI’s book, and “Mehilli’s” thesis. Ærø.';

  it('finds every occurrence whatever its case and accents, as ranges of the text', () => {
    const ranges = findMatches(text, 'mehilli');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Mëhilli', 'MEHILLI', 'Mehilli']);
  });

  it('takes a straight apostrophe for a curly one', () => {
    expect(findMatches(text, "mehilli's").map((r) => text.slice(r.start, r.end))).toEqual(['MEHILLI’s', 'Mehilli’s']);
  });

  it('finds nothing for an empty query, and stops at its limit', () => {
    expect(findMatches(text, '  ')).toEqual([]);
    expect(findMatches('a'.repeat(MAX_FIND_MATCHES + 5), 'a')).toHaveLength(MAX_FIND_MATCHES);
  });
});

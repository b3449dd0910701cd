import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../core/api.ts';
import { hitMatches } from '../../../../renderer/features/search/hit-matches.ts';

function hit(ref: string, sourceId: string, kind: SearchHit['kind'], starts: number[]): SearchHit {
  return {
    ref,
    kind,
    sourceId,
    sourceTitle: sourceId,
    score: 1,
    snippet: { text: '', marks: [] },
    snippetField: kind === 'block' ? 'text' : 'quote',
    page: null,
    section: null,
    ranges: starts.map((start) => ({ start, end: start + 3 })),
  };
}

describe('hitMatches', () => {
  const hits = [hit('a', 'one', 'block', [50, 10]), hit('b', 'two', 'block', [5]), hit('c', 'one', 'block', [30]), hit('d', 'one', 'annotation', [40])];

  it('walks every block match of the hit’s source in reading order, from the chosen one', () => {
    const matches = hitMatches({ hits, total: 4 }, hits[2]!);
    expect(matches.sourceId).toBe('one');
    expect(matches.ranges.map((r) => r.start)).toEqual([10, 30, 50]);
    expect(matches.current).toBe(1);
  });

  it('adds an annotation hit’s range to the walk so it can be current', () => {
    const matches = hitMatches({ hits, total: 4 }, hits[3]!);
    expect(matches.ranges.map((r) => r.start)).toEqual([10, 30, 40, 50]);
    expect(matches.current).toBe(2);
  });
});

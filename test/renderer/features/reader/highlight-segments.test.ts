import { describe, expect, it } from 'vitest';
import { segmentsIn } from '../../../../renderer/features/reader/highlight-segments.ts';

describe('highlights cut into segments for drawing', () => {
  const a = { id: 'a', start: 0, end: 10, color: 'yellow' };
  const b = { id: 'b', start: 5, end: 20, color: 'blue' };
  const c = { id: 'c', start: 6, end: 8, color: 'yellow' };

  it('lists every highlight over each stretch, the shortest first, and the two colours an overlap blends', () => {
    expect(segmentsIn([a, b, c], 0, 100).slice(0, 3)).toEqual([
      { start: 0, end: 5, ids: ['a'], colors: ['yellow'] },
      { start: 5, end: 6, ids: ['a', 'b'], colors: ['yellow', 'blue'] },
      { start: 6, end: 8, ids: ['c', 'a', 'b'], colors: ['yellow', 'blue'] },
    ]);
    // Of two colours besides the shortest's, the shorter highlight's blends with it.
    const d = { id: 'd', start: 0, end: 30, color: 'green' };
    expect(segmentsIn([d, a, b, c], 6, 8)).toEqual([{ start: 6, end: 8, ids: ['c', 'd', 'a', 'b'], colors: ['yellow', 'blue'] }]);
    expect(segmentsIn([a, b, c], 0, 100).slice(3)).toEqual([
      { start: 8, end: 10, ids: ['a', 'b'], colors: ['yellow', 'blue'] },
      { start: 10, end: 20, ids: ['b'], colors: ['blue'] },
    ]);
  });

  it('draws only what lies in the window, cut at its edges', () => {
    expect(segmentsIn([a, b], 7, 12)).toEqual([
      { start: 7, end: 10, ids: ['a', 'b'], colors: ['yellow', 'blue'] },
      { start: 10, end: 12, ids: ['b'], colors: ['blue'] },
    ]);
    expect(segmentsIn([a], 30, 40)).toEqual([]);
  });
});

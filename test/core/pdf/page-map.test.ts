import { describe, expect, it } from 'vitest';
import { inferredPageLabels, milestonePages } from '../../../core/pdf/page-map.ts';

describe('which PDF page each printed page stands on', () => {
  it('matches milestones with the pages that carry their labels, in order', () => {
    expect(milestonePages(['i', 'ii', '375', '376'], ['i', 'ii', '375', '376'])).toEqual([0, 1, 2, 3]);
    // A cover and a blank page without printed numbers come first.
    expect(milestonePages(['12', '13', '14'], [null, null, '12', '13', '14'])).toEqual([2, 3, 4]);
  });

  it('finds a label printed twice (two parts each numbered from 1) after the page the one before found', () => {
    expect(milestonePages(['1', '2', '1', '2'], ['1', '2', '1', '2'])).toEqual([0, 1, 2, 3]);
  });

  it('gives null for a milestone no page carries, and goes on with the next', () => {
    expect(milestonePages(['12', '99', '13'], ['12', '13'])).toEqual([0, null, 1]);
  });

  it('places the milestones of an import that recorded no labels on the last pages', () => {
    expect(inferredPageLabels(['12', '13', '14'], 3)).toEqual(['12', '13', '14']);
    expect(inferredPageLabels(['1', '2'], 4)).toEqual([null, null, '1', '2']);
    expect(inferredPageLabels(['1', '2', '3'], 2)).toEqual(['2', '3']);
    expect(inferredPageLabels(['1'], 0)).toEqual([]);
  });
});

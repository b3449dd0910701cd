import type { SearchHit, SearchResults } from '../../../core/api.ts';
import type { SearchMatches } from '../../state/app-state.ts';

/**
 * Every match of the results in the hit's source, in reading order, with the hit's first match
 * current, so next and previous walk the whole source from where the user chose.
 */
export function hitMatches(results: SearchResults, hit: SearchHit): SearchMatches {
  const ranges = results.hits
    .filter((h) => h.sourceId === hit.sourceId && h.kind === 'block')
    .flatMap((h) => h.ranges)
    .sort((a, b) => a.start - b.start);
  const target = hit.ranges[0];
  let current = target ? ranges.findIndex((r) => r.start === target.start) : 0;
  if (target && current < 0) {
    ranges.push(...hit.ranges);
    ranges.sort((a, b) => a.start - b.start);
    current = ranges.findIndex((r) => r.start === target.start);
  }
  return { sourceId: hit.sourceId, ranges, current: Math.max(0, current) };
}

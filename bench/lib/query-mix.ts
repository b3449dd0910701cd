/**
 * The fixed query mix of `npm run bench:search`, in Apparatus syntax, with the closest MiniSearch
 * call for each (MiniSearch has no phrases: a phrase becomes its words, all required).
 */
import type { SearchOptions } from 'minisearch';
import { percentile } from './measure.ts';

/** One benchmark query: its kind, the Apparatus query, and the MiniSearch equivalent. */
export interface MixQuery {
  kind: 'term' | 'two terms' | 'phrase' | 'prefix' | 'fuzzy' | 'non-ASCII';
  apparatus: string;
  minisearch: { text: string; options: SearchOptions };
}

const AND: SearchOptions = { combineWith: 'AND' };

/** The mix: two or more queries of every kind. */
export const QUERY_MIX: readonly MixQuery[] = [
  { kind: 'term', apparatus: 'Khrushchev', minisearch: { text: 'Khrushchev', options: AND } },
  { kind: 'term', apparatus: 'Vlora', minisearch: { text: 'Vlora', options: AND } },
  { kind: 'term', apparatus: 'Albania', minisearch: { text: 'Albania', options: AND } },
  { kind: 'two terms', apparatus: 'naval base', minisearch: { text: 'naval base', options: AND } },
  { kind: 'two terms', apparatus: 'Soviet grain', minisearch: { text: 'Soviet grain', options: AND } },
  { kind: 'phrase', apparatus: '"naval base"', minisearch: { text: 'naval base', options: AND } },
  { kind: 'phrase', apparatus: '"central committee"', minisearch: { text: 'central committee', options: AND } },
  { kind: 'prefix', apparatus: 'Khrush*', minisearch: { text: 'Khrush', options: { ...AND, prefix: true } } },
  { kind: 'prefix', apparatus: 'diplom*', minisearch: { text: 'diplom', options: { ...AND, prefix: true } } },
  { kind: 'fuzzy', apparatus: 'Krushchev~1', minisearch: { text: 'Krushchev', options: { ...AND, fuzzy: 1 } } },
  { kind: 'fuzzy', apparatus: 'Tirrana~1', minisearch: { text: 'Tirrana', options: { ...AND, fuzzy: 1 } } },
  { kind: 'non-ASCII', apparatus: 'Mëhilli', minisearch: { text: 'Mëhilli', options: AND } },
  { kind: 'non-ASCII', apparatus: 'Zëri Popullit', minisearch: { text: 'Zëri Popullit', options: AND } },
];

/** Words that stand for very many terms: Apparatus cuts them short (with a message), MiniSearch does not. */
export const WIDE_QUERIES: readonly MixQuery[] = [
  { kind: 'prefix', apparatus: '19*', minisearch: { text: '19', options: { ...AND, prefix: true } } },
  { kind: 'prefix', apparatus: 'a* b* c*', minisearch: { text: 'a b c', options: { ...AND, prefix: true } } },
  { kind: 'fuzzy', apparatus: 'x~2', minisearch: { text: 'x', options: { ...AND, fuzzy: 2 } } },
];

/** The slowest of three runs of each wide query, in ms (one run when it takes over a second). */
export function wideFigures(run: (query: MixQuery) => unknown): { query: string; ms: number }[] {
  return WIDE_QUERIES.map((query) => {
    let slowest = 0;
    for (let rep = 0; rep < 3 && slowest < 1000; rep += 1) {
      const start = performance.now();
      run(query);
      slowest = Math.max(slowest, performance.now() - start);
    }
    return { query: query.apparatus, ms: slowest };
  });
}

/** The kinds of query, in the order of the table. */
export const QUERY_KINDS: readonly MixQuery['kind'][] = ['term', 'two terms', 'phrase', 'prefix', 'fuzzy', 'non-ASCII'];

/**
 * Runs every query of the mix `reps` times (`run` returns the number of hits), after the whole
 * mix a few times to warm up and a garbage collection, alike for both engines: p50 and p95
 * overall ("all") and by kind, and the hits of one pass.
 */
export function queryFigures(
  run: (query: MixQuery) => number,
  reps: number,
): { queries: { kind: string; p50Ms: number; p95Ms: number }[]; hits: number } {
  let hits = 0;
  for (const query of QUERY_MIX) hits += run(query);
  for (let warm = 1; warm < Math.min(5, reps); warm += 1) for (const query of QUERY_MIX) run(query);
  (globalThis as { gc?: () => void }).gc?.();
  const samples = new Map<string, number[]>([['all', []]]);
  for (let rep = 0; rep < reps; rep += 1) {
    for (const query of QUERY_MIX) {
      const start = performance.now();
      run(query);
      const ms = performance.now() - start;
      samples.get('all')?.push(ms);
      samples.set(query.kind, [...(samples.get(query.kind) ?? []), ms]);
    }
  }
  const queries = ['all', ...QUERY_KINDS].map((kind) => {
    const list = samples.get(kind) ?? [];
    return { kind, p50Ms: percentile(list, 50), p95Ms: percentile(list, 95) };
  });
  return { queries, hits };
}

/**
 * The fixed query mix of `npm run bench:search`, in Apparatus syntax, with the closest MiniSearch
 * call for each (MiniSearch has no phrases: a phrase becomes its words, all required).
 */
import type { SearchOptions } from 'minisearch';

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

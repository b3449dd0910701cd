/**
 * BM25 ranking with statistics taken over every loaded shard.
 *
 * Lunr bakes BM25 weights into each index when it is built, from that index's own document
 * count, term frequencies and field lengths; a term rare in one source but common in the corpus
 * would rank differently depending on how the corpus was split. Shards therefore keep raw counts
 * and this module re-scores at query time with the union's document count, document frequencies
 * and mean field lengths: one shard or fifty give the same scores.
 */
import { FIELD_BOOSTS } from './fields.ts';
import type { FieldMatch } from './evaluate.ts';
import type { CorpusStats, LoadedShard } from './load.ts';
import { fieldPostings } from './lunr-interop.ts';
import type { ShardDocument } from './shard.ts';

// Lunr's defaults, the usual BM25 values.
const K1 = 1.2;
const B = 0.75;

/** How many documents, over all shards, contain `term` in any field. */
export function documentFrequency(shards: readonly LoadedShard[], term: string): number {
  let count = 0;
  for (const shard of shards) {
    const posting = shard.postings.get(term);
    if (posting === undefined) continue;
    const refs = new Set<string>();
    for (const field of Object.keys(posting)) {
      for (const ref of Object.keys(fieldPostings(posting, field) ?? {})) refs.add(ref);
    }
    count += refs.size;
  }
  return count;
}

/** Inverse document frequency as Lunr computes it; always positive. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  const ratio = (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5);
  return Math.log(1 + Math.abs(ratio));
}

/**
 * A document's score for the fields a unit matched: the sum over matched terms of field boost ×
 * term weight × idf × BM25's saturated, length-normalised term frequency.
 */
export function scoreMatches(
  doc: ShardDocument,
  matches: readonly FieldMatch[],
  stats: CorpusStats,
  idf: (term: string) => number,
): number {
  let score = 0;
  for (const { field, terms } of matches) {
    const length = doc.lengths[field] ?? 0;
    const average = stats.averageLength[field] ?? length;
    const norm = average > 0 ? 1 - B + (B * length) / average : 1;
    for (const { term, weight, count } of terms) {
      const saturated = (count * (K1 + 1)) / (count + K1 * norm);
      score += FIELD_BOOSTS[field] * weight * idf(term) * saturated;
    }
  }
  return score;
}

/**
 * Running a query over loaded shards: parse, plan, match every unit in every shard, keep the
 * documents that satisfy all words and filters, rank them with corpus-wide BM25, and report
 * where each matched so the reader can mark it.
 */
import { expandElement, matchUnit, type FieldMatch } from './evaluate.ts';
import type { SearchField } from './fields.ts';
import { sourceFilter } from './filters.ts';
import {
  collapseSourceOnly,
  compareCandidates,
  toHit,
  type Candidate,
  type Hit,
} from './hits.ts';
import type { LoadedShard, SearchShards } from './load.ts';
import { planQuery, type PlanUnit } from './plan.ts';
import { parseQuery } from './query.ts';
import { searchableFields } from './scope.ts';
import { documentFrequency, inverseDocumentFrequency, scoreMatches } from './rank.ts';
import type { ShardDocument } from './shard.ts';

/** The best hits, how many documents matched in all, and what to tell the user, if anything. */
export interface SearchResult {
  hits: Hit[];
  total: number;
  message?: string;
}

/** `limit`: the number of hits returned (default 20). */
export interface SearchOptions {
  limit?: number;
}

const DEFAULT_LIMIT = 20;

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** Documents of one shard matching every positive unit, no excluded one, and the filters. */
function shardCandidates(
  shard: LoadedShard,
  units: readonly PlanUnit[],
  fieldsOf: (doc: ShardDocument) => readonly SearchField[],
  accepts: (sourceId: string) => boolean,
): { doc: ShardDocument; matches: FieldMatch[] }[] {
  let selected: Map<string, FieldMatch[]> | undefined;
  const excluded = new Set<string>();
  for (const unit of units) {
    const expansions = unit.elements.map((element) => expandElement(shard, element));
    const matched = matchUnit(shard, unit, expansions, fieldsOf);
    if (unit.exclude) {
      for (const ref of matched.keys()) excluded.add(ref);
    } else if (selected === undefined) {
      selected = matched;
    } else {
      const next = new Map<string, FieldMatch[]>();
      for (const [ref, matches] of selected) {
        const more = matched.get(ref);
        if (more) next.set(ref, [...matches, ...more]);
      }
      selected = next;
    }
  }
  // With no word to look for, filters and `in:` alone select the documents.
  const pool: [string, FieldMatch[]][] = selected
    ? [...selected]
    : [...shard.docs.keys()].map((ref) => [ref, []]);
  const candidates: { doc: ShardDocument; matches: FieldMatch[] }[] = [];
  for (const [ref, matches] of pool) {
    const doc = shard.docs.get(ref);
    if (doc === undefined || excluded.has(ref)) continue;
    if (fieldsOf(doc).length === 0 || !accepts(doc.sourceId)) continue;
    candidates.push({ doc, matches });
  }
  return candidates;
}

function resultLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit) || limit < 0) return DEFAULT_LIMIT;
  return Math.floor(limit);
}

/**
 * Searches the shards with a query in the syntax of query.ts. All words are required; results
 * are ranked by corpus-wide BM25 (ties in reading order). Never throws: a query that cannot be
 * run as typed is repaired or yields no hits, with `message` saying why.
 */
export function search(
  shards: SearchShards,
  query: string,
  options: SearchOptions = {},
): SearchResult {
  const plan = planQuery(parseQuery(query));
  const message = plan.messages.length > 0 ? { message: plan.messages.join(' ') } : {};
  if (!plan.looksFor) return { hits: [], total: 0, ...message };

  const { documentCount } = shards.stats;
  const idf = memo((term) =>
    inverseDocumentFrequency(documentFrequency(shards.shards, term), documentCount),
  );
  const fieldsOf = (doc: ShardDocument) => searchableFields(doc, plan.scopes);
  const accepts = sourceFilter(plan.filters, shards.sources);
  const candidates: Candidate[] = [];
  for (const shard of shards.shards) {
    for (const { doc, matches } of shardCandidates(shard, plan.units, fieldsOf, accepts)) {
      candidates.push({ doc, matches, score: scoreMatches(doc, matches, shards.stats, idf) });
    }
  }
  const ranked = collapseSourceOnly(candidates).sort(compareCandidates);
  const hits = ranked.slice(0, resultLimit(options.limit)).map(toHit);
  return { hits, total: ranked.length, ...message };
}

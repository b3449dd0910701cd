/**
 * The set a search runs over: segments ("shards"), each with the documents masked in it (a
 * source edited or removed since the segment was made, an annotation changed), and statistics
 * over the live documents of all of them, so that ranking never depends on how documents fall
 * into segments. A set is an immutable value: every change returns a new one, and reuses the
 * shards it did not touch.
 */
import * as v from 'valibot';
import { SearchIndexError } from './errors.ts';
import { FIELD_COUNT, FIELD_ORDER, type SearchField } from './fields.ts';
import type { Segment, SegmentSource } from './segment.ts';
import { segmentFromShard, SHARD_FORMAT, type SerializedShard } from './shard.ts';
import { SEARCH_PIPELINE_VERSION } from './version.ts';

/** A segment ready for searching, with its masked documents and its share of the statistics. */
export interface LoadedShard {
  id: string;
  segment: Segment;
  /** 1 for each masked document; absent when none is masked. */
  deleted?: Uint8Array;
  /** Number of live documents. */
  live: number;
  /** Per field: the sum of the lengths, and the number of live documents where it is not empty. */
  lengthSum: Float64Array;
  lengthCount: Float64Array;
  /** The sources this shard serves: not masked (a source without text has no blocks to mask). */
  liveSources: readonly SegmentSource[];
  /** Per term number: how many masked documents contain it (filled as queries ask). */
  maskedDf: Map<number, number>;
}

/** Counts over every live document, so that ranking does not depend on how the corpus is split. */
export interface CorpusStats {
  documentCount: number;
  /** Mean length of each field over the documents where it is not empty. */
  averageLength: Readonly<Partial<Record<SearchField, number>>>;
}

/** The shards a search runs over. */
export interface SearchShards {
  shards: readonly LoadedShard[];
  stats: CorpusStats;
  /** Title, author and container of every source with live blocks, by id. */
  sources: ReadonlyMap<string, SegmentSource>;
  /** Set while the library is still being loaded or indexed: what is searchable so far. */
  loading?: { done: number; total: number };
}

/** A shard that could not be used; the caller should rebuild it from its source. */
export interface RejectedShard {
  /** The shard's id when it could be read. */
  id?: string;
  code: 'stale-shard' | 'malformed-shard';
  message: string;
}

/** The outcome of loading: the usable set, and the shards that need rebuilding. */
export interface LoadResult {
  shards: SearchShards;
  rejected: RejectedShard[];
}

/**
 * A segment with documents masked by `deleted` (1 = masked); statistics computed once.
 * `maskedSources` names the sources the shard does not serve; by default, those whose blocks
 * are all masked.
 */
export function loadedShard(segment: Segment, deleted?: Uint8Array, maskedSources?: ReadonlySet<string>): LoadedShard {
  const lengthSum = new Float64Array(FIELD_COUNT);
  const lengthCount = new Float64Array(FIELD_COUNT);
  const { docCount, lengths, docSource, docFlags } = segment;
  let live = 0;
  const liveSourceNumbers = new Set<number>();
  const blockSourceNumbers = new Set<number>();
  let anyDeleted = false;
  for (let doc = 0; doc < docCount; doc += 1) {
    const block = ((docFlags[doc] as number) & 1) === 0;
    if (block) blockSourceNumbers.add(docSource[doc] as number);
    if (deleted && deleted[doc]) {
      anyDeleted = true;
      continue;
    }
    live += 1;
    if (block) liveSourceNumbers.add(docSource[doc] as number);
    const base = doc * FIELD_COUNT;
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      const length = lengths[base + f] as number;
      if (length > 0) {
        lengthSum[f] = (lengthSum[f] as number) + length;
        lengthCount[f] = (lengthCount[f] as number) + 1;
      }
    }
  }
  const liveIds = new Set([...liveSourceNumbers].map((n) => segment.sourceIds[n]));
  const withBlocks = new Set([...blockSourceNumbers].map((n) => segment.sourceIds[n]));
  const serves = (source: SegmentSource) =>
    maskedSources ? !maskedSources.has(source.id) : liveIds.has(source.id) || !withBlocks.has(source.id);
  return {
    id: segment.id,
    segment,
    ...(anyDeleted && deleted ? { deleted } : {}),
    live,
    lengthSum,
    lengthCount,
    liveSources: segment.sources.filter(serves),
    maskedDf: new Map(),
  };
}

/** The same shard with more documents masked; the shard itself when nothing changes. */
export function maskDocuments(shard: LoadedShard, docs: Iterable<number>): LoadedShard {
  const deleted = shard.deleted ? shard.deleted.slice() : new Uint8Array(shard.segment.docCount);
  let changed = false;
  for (const doc of docs) {
    if (doc < 0 || doc >= deleted.length || deleted[doc]) continue;
    deleted[doc] = 1;
    changed = true;
  }
  return changed ? loadedShard(shard.segment, deleted) : shard;
}

/** Assembles shards into a searchable set. */
export function assemble(shards: readonly LoadedShard[], loading?: { done: number; total: number }): SearchShards {
  let documentCount = 0;
  const sum = new Float64Array(FIELD_COUNT);
  const count = new Float64Array(FIELD_COUNT);
  const sources = new Map<string, SegmentSource>();
  for (const shard of shards) {
    documentCount += shard.live;
    for (let f = 0; f < FIELD_COUNT; f += 1) {
      sum[f] = (sum[f] as number) + (shard.lengthSum[f] as number);
      count[f] = (count[f] as number) + (shard.lengthCount[f] as number);
    }
    for (const source of shard.liveSources) if (!sources.has(source.id)) sources.set(source.id, source);
  }
  const averageLength: Partial<Record<SearchField, number>> = {};
  FIELD_ORDER.forEach((field, f) => {
    if ((count[f] as number) > 0) averageLength[field] = (sum[f] as number) / (count[f] as number);
  });
  return { shards, stats: { documentCount, averageLength }, sources, ...(loading ? { loading } : {}) };
}

const ShardSchema = v.object({
  format: v.literal(SHARD_FORMAT),
  version: v.string(),
  id: v.string(),
  sources: v.array(v.object({ id: v.string(), title: v.string(), author: v.string() })),
  docs: v.array(
    v.object({
      ref: v.string(),
      kind: v.picklist(['block', 'annotation']),
      sourceId: v.string(),
      blockId: v.optional(v.string()),
      annotationId: v.optional(v.string()),
      inNote: v.optional(v.boolean()),
      order: v.number(),
      lengths: v.record(v.string(), v.number()),
      stops: v.optional(v.record(v.string(), v.string())),
    }),
  ),
  stems: v.record(v.string(), v.string()),
  containers: v.optional(v.record(v.string(), v.string())),
  surfaces: v.optional(v.record(v.string(), v.tuple([v.string(), v.number()]))),
  lunr: v.looseObject({
    invertedIndex: v.array(v.tuple([v.string(), v.record(v.string(), v.unknown())])),
  }),
});

function shardId(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('id' in input)) return undefined;
  return typeof input.id === 'string' ? input.id : undefined;
}

function check(input: unknown): SerializedShard | RejectedShard {
  const id = shardId(input);
  const name = id === undefined ? 'A search index' : `The search index "${id}"`;
  const version =
    typeof input === 'object' && input !== null && 'version' in input ? input.version : undefined;
  if (typeof version === 'string' && version !== SEARCH_PIPELINE_VERSION) {
    return {
      ...(id === undefined ? {} : { id }),
      code: 'stale-shard',
      message: `${name} was made by another version of Apparatus and must be rebuilt.`,
    };
  }
  if (!v.is(ShardSchema, input)) {
    return {
      ...(id === undefined ? {} : { id }),
      code: 'malformed-shard',
      message: `${name} is damaged and must be rebuilt.`,
    };
  }
  return input as unknown as SerializedShard;
}

/** A checked shard as a segment, or why it cannot be used. */
function segmentOf(input: unknown): Segment | RejectedShard {
  const checked = check(input);
  if ('code' in checked) return checked;
  try {
    return segmentFromShard(checked);
  } catch (error) {
    const message = error instanceof SearchIndexError ? error.message : `The search index "${checked.id}" is damaged and must be rebuilt.`;
    return { id: checked.id, code: 'malformed-shard', message };
  }
}

/**
 * Adds serialised shards to a set, replacing shards with the same id, and drops the shards
 * named in `removeIds`. Shards made by another pipeline version or damaged are not loaded but
 * reported in `rejected`; the rest of the set stays usable. Never throws.
 */
export function updateShards(
  current: SearchShards,
  add: readonly unknown[],
  removeIds: readonly string[] = [],
): LoadResult {
  const rejected: RejectedShard[] = [];
  const byId = new Map(current.shards.map((shard) => [shard.id, shard]));
  for (const id of removeIds) byId.delete(id);
  for (const input of add) {
    const segment = segmentOf(input);
    if ('code' in segment) rejected.push(segment);
    else byId.set(segment.id, loadedShard(segment));
  }
  return { shards: assemble([...byId.values()]), rejected };
}

/** Loads serialised shards (for example parsed from JSON) into a searchable set. */
export function loadShards(serialized: readonly unknown[]): LoadResult {
  return updateShards(assemble([]), serialized);
}

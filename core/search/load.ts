/**
 * Loading shards into a searchable set, and replacing one shard without touching the others.
 * A set is an immutable value: `updateShards` returns a new one.
 */
import * as v from 'valibot';
import { analyze } from './analysis.ts';
import type { SearchField } from './fields.ts';
import { buildVocabulary, stemTerm, type LunrPosting, type Vocabulary } from './lunr-interop.ts';
import {
  SHARD_FORMAT,
  type SerializedShard,
  type ShardDocument,
  type ShardSource,
} from './shard.ts';
import { SEARCH_PIPELINE_VERSION } from './version.ts';

/** A shard ready for searching. */
export interface LoadedShard {
  id: string;
  docs: ReadonlyMap<string, ShardDocument>;
  sources: readonly ShardSource[];
  /** Term → Lunr posting (field → document ref → positions and ordinals). */
  postings: ReadonlyMap<string, LunrPosting>;
  /** Stem → the indexed terms with that stem. */
  stemClasses: ReadonlyMap<string, readonly string[]>;
  /** Prefix and fuzzy look-ups; built on first use, since most searches need neither. */
  vocabulary(): Vocabulary;
}

/** A source's title and author names as terms and stems, for `source:` and `author:`. */
export interface SourceProfile {
  id: string;
  titleTerms: readonly string[];
  titleStems: ReadonlySet<string>;
  authorTerms: readonly string[];
  authorStems: ReadonlySet<string>;
}

/** Counts over every loaded shard, so that ranking does not depend on how the corpus is split. */
export interface CorpusStats {
  documentCount: number;
  /** Mean length of each field over the documents where it is not empty. */
  averageLength: Readonly<Partial<Record<SearchField, number>>>;
}

/** The shards a search runs over. */
export interface SearchShards {
  shards: readonly LoadedShard[];
  stats: CorpusStats;
  sources: ReadonlyMap<string, SourceProfile>;
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

function loadShard(shard: SerializedShard): LoadedShard {
  const postings = new Map<string, LunrPosting>(shard.lunr.invertedIndex);
  const stems = new Map(Object.entries(shard.stems));
  const classes = new Map<string, string[]>();
  for (const term of postings.keys()) {
    const stem = stems.get(term) ?? term;
    const members = classes.get(stem);
    if (members) members.push(term);
    else classes.set(stem, [term]);
  }
  let vocabulary: Vocabulary | undefined;
  return {
    id: shard.id,
    docs: new Map(shard.docs.map((doc) => [doc.ref, doc])),
    sources: shard.sources,
    postings,
    stemClasses: classes,
    vocabulary: () => (vocabulary ??= buildVocabulary(postings.keys())),
  };
}

function profile(source: ShardSource): SourceProfile {
  const titleTerms = analyze(source.title).map((t) => t.term);
  const authorTerms = analyze(source.author).map((t) => t.term);
  return {
    id: source.id,
    titleTerms,
    titleStems: new Set(titleTerms.map(stemTerm)),
    authorTerms,
    authorStems: new Set(authorTerms.map(stemTerm)),
  };
}

function assemble(shards: readonly LoadedShard[]): SearchShards {
  let documentCount = 0;
  const totals = new Map<SearchField, { sum: number; count: number }>();
  const sources = new Map<string, SourceProfile>();
  for (const shard of shards) {
    documentCount += shard.docs.size;
    for (const doc of shard.docs.values()) {
      for (const [field, length] of Object.entries(doc.lengths) as [SearchField, number][]) {
        const total = totals.get(field) ?? { sum: 0, count: 0 };
        totals.set(field, { sum: total.sum + length, count: total.count + 1 });
      }
    }
    for (const source of shard.sources) {
      if (!sources.has(source.id)) sources.set(source.id, profile(source));
    }
  }
  const averageLength: Partial<Record<SearchField, number>> = {};
  for (const [field, { sum, count }] of totals) averageLength[field] = sum / count;
  return { shards, stats: { documentCount, averageLength }, sources };
}

/**
 * Adds shards to a set, replacing shards with the same id, and drops the shards named in
 * `removeIds`. Shards made by another pipeline version or damaged are not loaded but
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
    const checked = check(input);
    if ('code' in checked) rejected.push(checked);
    else byId.set(checked.id, loadShard(checked));
  }
  return { shards: assemble([...byId.values()]), rejected };
}

/** Loads serialised shards (for example parsed from cached JSON files) into a searchable set. */
export function loadShards(serialized: readonly unknown[]): LoadResult {
  return updateShards(assemble([]), serialized);
}

/**
 * Keeping a library's segments consistent with its corpus: every segment records the file hash
 * of each source it holds, so the live version of a source is the one whose hash is the current
 * file's. Exactly one segment serves each source; its blocks are masked everywhere else (a source
 * edited since, removed, or present twice because two processes indexed it). Nothing about which
 * segment serves what is stored: it follows from the segments and the corpus, so a crash or a
 * second process can never leave it wrong.
 */
import { loadedShard, type LoadedShard } from './load.ts';
import { DOC_ANNOTATION } from './segment.ts';

/** The outcome of reconciling segments with the corpus. */
export interface Reconciled {
  /** The shards with their masks brought up to date (unchanged ones are the same objects). */
  shards: LoadedShard[];
  /** Shards with no live document left: to be dropped (and their files deleted). */
  dead: string[];
  /** Sources of the corpus that no segment holds in their current version: to be indexed. */
  missing: string[];
}

/** Larger segments serve first (their copies elsewhere are then masked and merged away). */
function serves(a: LoadedShard, b: LoadedShard): boolean {
  if (a.segment.docCount !== b.segment.docCount) return a.segment.docCount > b.segment.docCount;
  return a.id < b.id;
}

function sameSources(shard: LoadedShard, served: ReadonlySet<string>): boolean {
  const live = shard.liveSources;
  return live.length === served.size && live.every((source) => served.has(source.id));
}

function sameMask(a: Uint8Array | undefined, b: Uint8Array): boolean {
  if (a === undefined) return !b.includes(1);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Masks, in each shard, the blocks of sources it does not serve under `current` (source id →
 * hash of its current file). Annotation documents are left as they are.
 */
export function reconcileSources(shards: readonly LoadedShard[], current: ReadonlyMap<string, string>): Reconciled {
  const server = new Map<string, LoadedShard>();
  for (const shard of shards) {
    for (const source of shard.segment.sources) {
      if (current.get(source.id) !== source.hash) continue;
      const known = server.get(source.id);
      if (known === undefined || serves(shard, known)) server.set(source.id, shard);
    }
  }
  const result: LoadedShard[] = [];
  const dead: string[] = [];
  for (const shard of shards) {
    const { segment } = shard;
    const served = Uint8Array.from(segment.sourceIds, (id) => (server.get(id) === shard ? 1 : 0));
    const deleted = new Uint8Array(segment.docCount);
    for (let doc = 0; doc < segment.docCount; doc += 1) {
      const annotation = ((segment.docFlags[doc] as number) & DOC_ANNOTATION) !== 0;
      if (annotation) deleted[doc] = shard.deleted?.[doc] ?? 0;
      else if (!served[segment.docSource[doc] as number]) deleted[doc] = 1;
    }
    const servedIds = new Set(segment.sources.filter((source) => server.get(source.id) === shard).map((source) => source.id));
    const masked = new Set(segment.sources.filter((source) => !servedIds.has(source.id)).map((source) => source.id));
    const next =
      sameMask(shard.deleted, deleted) && sameSources(shard, servedIds) ? shard : loadedShard(segment, deleted, masked);
    if (next.live === 0 && next.liveSources.length === 0) dead.push(next.id);
    else result.push(next);
  }
  const missing = [...current.keys()].filter((id) => !server.has(id)).sort();
  return { shards: result, dead, missing };
}

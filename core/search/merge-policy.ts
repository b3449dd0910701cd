/**
 * The tiered merge policy: which segments to merge, as Lucene decides it. Segments are grouped
 * in tiers by size (each tier `factor` times the one below; everything under `floorBytes` counts
 * as the lowest tier). Whenever a tier holds `factor` segments, the smallest `factor` of them
 * merge into one segment of the tier above, so a library of N bytes is at most about
 * `(factor − 1) × log_factor(N / floor)` segments and each document is rewritten about
 * `log_factor(N / floor)` times in its life. A segment with many masked documents (sources
 * edited or removed since) is rewritten on its own to drop them.
 */

/** What the policy needs to know of a segment. */
export interface PolicySegment {
  id: string;
  /** Size in bytes (live and masked documents alike). */
  bytes: number;
  docCount: number;
  /** Live documents. */
  live: number;
}

/** The policy's settings; every one has a default. */
export interface MergePolicy {
  /** Segments per tier, and segments merged at once (default 10). */
  factor?: number;
  /** Segments smaller than this are all in the lowest tier (default 256 KiB). */
  floorBytes?: number;
  /** A segment with more than this share of its documents masked is rewritten (default 0.3). */
  maxMaskedShare?: number;
}

const DEFAULTS: Required<MergePolicy> = { factor: 10, floorBytes: 256 * 1024, maxMaskedShare: 0.3 };

function tierOf(bytes: number, floor: number, factor: number): number {
  return Math.max(0, Math.floor(Math.log(Math.max(bytes, floor) / floor) / Math.log(factor) + 1e-9));
}

/**
 * The merges to do now, each a list of segment ids (merged in that order), no segment in two.
 * Segments with no live document are not merged: the caller drops them.
 */
export function planMerges(segments: readonly PolicySegment[], policy: MergePolicy = {}): string[][] {
  const { factor, floorBytes, maxMaskedShare } = { ...DEFAULTS, ...policy };
  const merges: string[][] = [];
  const taken = new Set<string>();
  const live = segments.filter((segment) => segment.live > 0);
  for (const segment of live) {
    if (segment.docCount > 0 && 1 - segment.live / segment.docCount > maxMaskedShare) {
      merges.push([segment.id]);
      taken.add(segment.id);
    }
  }
  const tiers = new Map<number, PolicySegment[]>();
  for (const segment of live) {
    if (taken.has(segment.id)) continue;
    // A segment's size after its masked documents are dropped decides its tier.
    const effective = segment.docCount > 0 ? (segment.bytes * segment.live) / segment.docCount : segment.bytes;
    const tier = tierOf(effective, floorBytes, factor);
    const members = tiers.get(tier) ?? [];
    members.push(segment);
    tiers.set(tier, members);
  }
  for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
    const members = (tiers.get(tier) as PolicySegment[]).sort((a, b) => a.bytes - b.bytes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 0; i + factor <= members.length; i += factor) {
      merges.push(members.slice(i, i + factor).map((segment) => segment.id));
    }
  }
  return merges;
}

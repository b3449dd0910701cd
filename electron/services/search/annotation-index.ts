/**
 * The annotations' part of the index, kept in memory and changed incrementally: an edited or
 * new annotation is indexed on its own into a tiny segment and its older version is masked;
 * a deleted one is masked. Tiny segments merge (tiered, as the sources' do) a moment later, off
 * the path of the edit, so each edit costs about the same whatever the number of annotations.
 */
import {
  buildShard,
  documentsForAnnotations,
  loadedShard,
  maskDocuments,
  mergeSegments,
  planMerges,
  segmentBytes,
  segmentFromShard,
  type LoadedShard,
} from '../../../core/search/index.ts';
import type { SearchAnnotationInput } from './annotation-input.ts';

/** What changed among the annotations: new or edited ones, and the ids of deleted ones. */
export interface AnnotationChange {
  upserted: readonly SearchAnnotationInput[];
  removed: readonly string[];
}

// Annotation segments are small; below this size they count as one tier.
const FLOOR_BYTES = 32 * 1024;

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((value, i) => value === y[i]);
}

/** True when two inputs index and display alike. */
function sameAnnotation(a: SearchAnnotationInput, b: SearchAnnotationInput): boolean {
  return (
    a.sourceId === b.sourceId &&
    a.quote.exact === b.quote.exact &&
    (a.note ?? '') === (b.note ?? '') &&
    a.blockId === b.blockId &&
    sameList(a.tags, b.tags) &&
    sameList(a.parentTags, b.parentTags) &&
    a.position?.start === b.position?.start &&
    a.position?.end === b.position?.end
  );
}

/** The annotations' segments and what each annotation currently is; see the module comment. */
export class AnnotationIndex {
  #shards: LoadedShard[] = [];
  readonly #values = new Map<string, SearchAnnotationInput>();
  /** Annotation id → the shard and document holding its live version. */
  readonly #owner = new Map<string, { shard: string; doc: number }>();
  /** Annotation id → its place in reading order among annotations, for ties. */
  readonly #order = new Map<string, number>();
  #nextOrder = 0;
  #nextShard = 0;

  /** The live shards. */
  get shards(): readonly LoadedShard[] {
    return this.#shards;
  }

  /** The current input of an annotation, for display. */
  get(id: string): SearchAnnotationInput | undefined {
    return this.#values.get(id);
  }

  /** The change that turns the current annotations into `list`. */
  diff(list: readonly SearchAnnotationInput[]): AnnotationChange {
    const upserted: SearchAnnotationInput[] = [];
    const seen = new Set<string>();
    for (const annotation of list) {
      seen.add(annotation.id);
      const known = this.#values.get(annotation.id);
      if (known === undefined || !sameAnnotation(known, annotation)) upserted.push(annotation);
    }
    const removed = [...this.#values.keys()].filter((id) => !seen.has(id));
    return { upserted, removed };
  }

  /** Applies a change: masks older versions, indexes new ones. Returns whether anything changed. */
  apply(change: AnnotationChange): boolean {
    const fresh = change.upserted.filter((annotation) => {
      const known = this.#values.get(annotation.id);
      return known === undefined || !sameAnnotation(known, annotation);
    });
    const gone = change.removed.filter((id) => this.#values.has(id));
    if (fresh.length === 0 && gone.length === 0) return false;
    const masks = new Map<string, number[]>();
    for (const id of [...gone, ...fresh.map((annotation) => annotation.id)]) {
      const owner = this.#owner.get(id);
      if (owner === undefined) continue;
      masks.set(owner.shard, [...(masks.get(owner.shard) ?? []), owner.doc]);
      this.#owner.delete(id);
    }
    for (const id of gone) {
      this.#values.delete(id);
      this.#order.delete(id);
    }
    let shards = this.#shards.map((shard) => {
      const docs = masks.get(shard.id);
      return docs ? maskDocuments(shard, docs) : shard;
    });
    if (fresh.length > 0) {
      for (const annotation of fresh) {
        this.#values.set(annotation.id, annotation);
        if (!this.#order.has(annotation.id)) this.#order.set(annotation.id, this.#nextOrder++);
      }
      const docs = documentsForAnnotations(fresh).map((doc) => ({ ...doc, order: this.#order.get(doc.annotationId) ?? 0 }));
      const id = `annotations:${this.#nextShard++}`;
      const shard = loadedShard(segmentFromShard(buildShard(docs, { id })));
      shards.push(shard);
      this.#adopt(shard);
    }
    shards = shards.filter((shard) => shard.live > 0);
    this.#shards = shards;
    return true;
  }

  #adopt(shard: LoadedShard): void {
    const { segment } = shard;
    for (let doc = 0; doc < segment.docCount; doc += 1) {
      if (shard.deleted?.[doc]) continue;
      this.#owner.set(segment.docKey[doc] as string, { shard: shard.id, doc });
    }
  }

  /** True when some annotation segments should be merged. */
  needsMerge(): boolean {
    return this.#plan().length > 0;
  }

  #plan(): string[][] {
    return planMerges(
      this.#shards.map((shard) => ({ id: shard.id, bytes: segmentBytes(shard.segment), docCount: shard.segment.docCount, live: shard.live })),
      { floorBytes: FLOOR_BYTES },
    );
  }

  /** Merges what the tiered policy asks for; results are unchanged, segments fewer. */
  merge(): void {
    for (const group of this.#plan()) {
      const inputs = group.map((id) => this.#shards.find((shard) => shard.id === id)).filter((shard) => shard !== undefined);
      const merged = loadedShard(mergeSegments(inputs, `annotations:${this.#nextShard++}`));
      this.#shards = [...this.#shards.filter((shard) => !group.includes(shard.id)), merged];
      this.#adopt(merged);
    }
  }
}

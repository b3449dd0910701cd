/**
 * Shards: a Lunr index of some documents in Lunr's own JSON (`Index#toJSON`, positions and word
 * ordinals whitelisted), with what search needs besides: the documents' field lengths and stop
 * words, the sources' titles and authors, and each term's stem. This is the interchange form of a
 * segment, for callers that index a few documents (annotations) and for tests; `loadShards` packs
 * each one into a compact segment (segment.ts), and the cache stores segments, not shards.
 *
 * Ranking does not depend on how documents are split: a shard stores raw counts, and search.ts
 * computes BM25 statistics over the union at query time.
 */
import type { AnnotationDocument, SearchDocument } from './documents.ts';
import { analyseFields, commonestSurfaces, countSurfaces, type AnalysedFields } from './document-fields.ts';
import { ANNOTATION_FIELDS, BLOCK_FIELDS, FIELD_COUNT, FIELD_NUMBER, type SearchField } from './fields.ts';
import { buildLunrIndex, stemTerm, type LunrIndexJson } from './lunr-interop.ts';
import { checkUnique, DOC_ANNOTATION, DOC_IN_NOTE, packSegment, type DocumentRecord, type Segment } from './segment.ts';
import { stopWordNumber } from './stop-words.ts';
import { SEARCH_PIPELINE_VERSION } from './version.ts';

/** The format tag of a serialised shard. */
export const SHARD_FORMAT = 'apparatus-search-shard';

/** What a shard remembers about each document besides its terms. */
export interface ShardDocument {
  ref: string;
  kind: 'block' | 'annotation';
  sourceId: string;
  blockId?: string;
  annotationId?: string;
  /** Block documents only: a footnote paragraph. */
  inNote?: boolean;
  order: number;
  /** Number of indexed terms in each non-empty field (BM25's field length). */
  lengths: Partial<Record<SearchField, number>>;
  /**
   * The stop words of each field as `ordinal word` pairs separated by spaces ("3 of 7 the"):
   * not indexed, but kept so that "Party of Labour" does not match "party and labour".
   */
  stops?: Partial<Record<SearchField, string>>;
}

/** A source's title and author names, for `source:` and `author:` filters. */
export interface ShardSource {
  id: string;
  title: string;
  author: string;
}

/** A serialised shard: plain JSON; cache it keyed by `version` and its content's hash. */
export interface SerializedShard {
  format: typeof SHARD_FORMAT;
  version: string;
  /** `source:<id>`, `annotations`, or the caller's choice; a shard replaces one with its id. */
  id: string;
  sources: ShardSource[];
  docs: ShardDocument[];
  /** Stem of each indexed term whose stem differs from the term itself. */
  stems: Record<string, string>;
  /** Container titles (journal, website) of the sources that have one. */
  containers?: Record<string, string>;
  /** The commonest spelling of terms written otherwise than folded, and how often. */
  surfaces?: Record<string, [string, number]>;
  /** The Lunr index of the documents' fields (terms with positions and word ordinals). */
  lunr: LunrIndexJson;
}

function defaultShardId(docs: readonly SearchDocument[]): string {
  const first = docs[0];
  if (first === undefined) return 'empty';
  if (docs.every((doc) => doc.kind === 'annotation')) return 'annotations';
  if (docs.every((doc) => doc.kind === 'block' && doc.sourceId === first.sourceId)) {
    return `source:${first.sourceId}`;
  }
  return 'mixed';
}

function shardDocument(doc: SearchDocument, fields: AnalysedFields): ShardDocument {
  const lengths: Partial<Record<SearchField, number>> = {};
  for (const [field, terms] of Object.entries(fields.terms) as [SearchField, { term: string }[]][]) {
    if (terms.length > 0) lengths[field] = terms.length;
  }
  const stops: Partial<Record<SearchField, string>> = {};
  for (const [field, words] of Object.entries(fields.stops) as [SearchField, { term: string; ordinal: number }[]][]) {
    if (words.length > 0) stops[field] = words.map((w) => `${w.ordinal} ${w.term}`).join(' ');
  }
  const base = {
    ref: doc.ref,
    kind: doc.kind,
    sourceId: doc.sourceId,
    order: doc.order,
    lengths,
    ...(Object.keys(stops).length > 0 ? { stops } : {}),
  };
  return doc.kind === 'block'
    ? { ...base, blockId: doc.blockId, inNote: doc.inNote }
    : { ...base, annotationId: doc.annotationId, ...blockOf(doc) };
}

function blockOf(doc: AnnotationDocument): { blockId?: string } {
  return doc.blockId === undefined ? {} : { blockId: doc.blockId };
}

function shardSources(docs: readonly SearchDocument[]): ShardSource[] {
  const sources = new Map<string, ShardSource>();
  for (const doc of docs) {
    if (doc.kind === 'block' && !sources.has(doc.sourceId)) {
      sources.set(doc.sourceId, { id: doc.sourceId, title: doc.title, author: doc.author });
    }
  }
  return [...sources.values()];
}

function shardContainers(docs: readonly SearchDocument[]): Record<string, string> {
  const containers: Record<string, string> = {};
  for (const doc of docs) {
    if (doc.kind === 'block' && doc.container) containers[doc.sourceId] ??= doc.container;
  }
  return containers;
}

function stopTriples(doc: ShardDocument): [number, number, number][] {
  const triples: [number, number, number][] = [];
  for (const [field, text] of Object.entries(doc.stops ?? {}) as [SearchField, string][]) {
    const pairs = text.split(' ');
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const word = stopWordNumber(pairs[i + 1] ?? '');
      if (word >= 0) triples.push([FIELD_NUMBER[field], Number(pairs[i]), word]);
    }
  }
  return triples.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function shardRecord(doc: ShardDocument): DocumentRecord {
  const lengths = new Array<number>(FIELD_COUNT).fill(0);
  for (const [field, length] of Object.entries(doc.lengths) as [SearchField, number][]) {
    const number = FIELD_NUMBER[field];
    if (number !== undefined) lengths[number] = length;
  }
  const annotation = doc.kind === 'annotation';
  return {
    ref: doc.ref,
    sourceId: doc.sourceId,
    flags: annotation ? DOC_ANNOTATION : doc.inNote ? DOC_IN_NOTE : 0,
    order: doc.order,
    key: (annotation ? doc.annotationId : doc.blockId) ?? '',
    block: annotation ? (doc.blockId ?? '') : '',
    lengths,
    stops: stopTriples(doc),
  };
}

/** Packs a (checked) shard into a compact segment with the same documents and terms. */
export function segmentFromShard(shard: SerializedShard): Segment {
  const containers = shard.containers ?? {};
  return packSegment({
    id: shard.id,
    records: shard.docs.map(shardRecord),
    sources: shard.sources.map((source) => ({ ...source, container: containers[source.id] ?? '', hash: '' })),
    postings: shard.lunr.invertedIndex,
    stems: new Map(Object.entries(shard.stems)),
    surfaces: new Map(Object.entries(shard.surfaces ?? {}).map(([term, [form, count]]) => [term, { form, count }])),
  });
}

/**
 * Indexes documents into one serialised shard. Deterministic: the same documents give the same
 * JSON. Throws a `SearchIndexError` ('duplicate-document') if two documents share a ref.
 */
export function buildShard(
  docs: readonly SearchDocument[],
  options: { id?: string } = {},
): SerializedShard {
  checkUnique(docs);
  const hasBlocks = docs.some((doc) => doc.kind === 'block');
  const hasAnnotations = docs.some((doc) => doc.kind === 'annotation');
  const fields = [...(hasBlocks ? BLOCK_FIELDS : []), ...(hasAnnotations ? ANNOTATION_FIELDS : [])];

  const surfaceCounts = new Map<string, Map<string, number>>();
  const analysed = docs.map((doc) => {
    const fields = analyseFields(doc);
    countSurfaces(doc, fields, surfaceCounts);
    return { doc, fields };
  });
  const stems = new Map<string, string>();
  const stemmed = new Set<string>();
  for (const { fields: byField } of analysed) {
    for (const terms of Object.values(byField.terms)) {
      for (const { term } of terms) {
        if (stemmed.has(term)) continue;
        stemmed.add(term);
        const stem = stemTerm(term);
        if (stem !== term) stems.set(term, stem);
      }
    }
  }
  const containers = shardContainers(docs);
  const surfaces = [...commonestSurfaces(surfaceCounts)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    format: SHARD_FORMAT,
    version: SEARCH_PIPELINE_VERSION,
    id: options.id ?? defaultShardId(docs),
    sources: shardSources(docs),
    docs: analysed.map(({ doc, fields: byField }) => shardDocument(doc, byField)),
    stems: Object.fromEntries(stems),
    ...(Object.keys(containers).length > 0 ? { containers } : {}),
    ...(surfaces.length > 0
      ? { surfaces: Object.fromEntries(surfaces.map(([term, { form, count }]) => [term, [form, count]])) }
      : {}),
    lunr: buildLunrIndex(
      fields,
      analysed.map(({ doc, fields: byField }) => ({ ref: doc.ref, fields: byField.terms })),
    ),
  };
}

/**
 * Shards: one serialised index per source, plus one for all annotations. Editing or importing a
 * source rebuilds only its shard; an annotation edit rebuilds only the small annotation shard.
 * A shard is plain JSON, so a large corpus is stored as many modest strings, never one giant one.
 *
 * Ranking does not depend on how documents are split into shards: a shard stores raw counts
 * (term positions and field lengths), and search.ts computes BM25 statistics over the union of
 * the loaded shards at query time.
 */
import { analyze, type Term } from './analysis.ts';
import type { AnnotationDocument, SearchDocument } from './documents.ts';
import { SearchIndexError } from './errors.ts';
import { ANNOTATION_FIELDS, BLOCK_FIELDS, type SearchField } from './fields.ts';
import { buildLunrIndex, stemTerm, type LunrIndexJson } from './lunr-interop.ts';
import { isStopWord } from './stop-words.ts';
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

type FieldTerms = Partial<Record<SearchField, Term[]>>;

type FieldValues = Partial<Record<SearchField, string | readonly string[]>>;

function fieldValues(doc: SearchDocument): FieldValues {
  return doc.kind === 'block'
    ? { title: doc.title, author: doc.author, heading: doc.heading, body: doc.body }
    : { quote: doc.quote, note: doc.note, tags: doc.tags };
}

/** Splits each field's words into indexed terms and stop words. */
function analyseFields(doc: SearchDocument): { terms: FieldTerms; stops: FieldTerms } {
  const terms: FieldTerms = {};
  const stops: FieldTerms = {};
  const values = Object.entries(fieldValues(doc)) as [SearchField, string | readonly string[]][];
  for (const [field, value] of values) {
    const words = analyze(value, { keepStopWords: true });
    terms[field] = words.filter((word) => !isStopWord(word.term));
    stops[field] = words.filter((word) => isStopWord(word.term));
  }
  return { terms, stops };
}

function shardDocument(
  doc: SearchDocument,
  fields: { terms: FieldTerms; stops: FieldTerms },
): ShardDocument {
  const lengths: Partial<Record<SearchField, number>> = {};
  for (const [field, terms] of Object.entries(fields.terms) as [SearchField, Term[]][]) {
    if (terms.length > 0) lengths[field] = terms.length;
  }
  const stops: Partial<Record<SearchField, string>> = {};
  for (const [field, words] of Object.entries(fields.stops) as [SearchField, Term[]][]) {
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

/**
 * Indexes documents into one serialised shard. Deterministic: the same documents give the same
 * JSON. Throws a `SearchIndexError` ('duplicate-document') if two documents share a ref.
 */
export function buildShard(
  docs: readonly SearchDocument[],
  options: { id?: string } = {},
): SerializedShard {
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.ref)) {
      throw new SearchIndexError(
        'duplicate-document',
        `The passage ${doc.ref} was given twice, so the search index was not built.`,
      );
    }
    seen.add(doc.ref);
  }
  const hasBlocks = docs.some((doc) => doc.kind === 'block');
  const hasAnnotations = docs.some((doc) => doc.kind === 'annotation');
  const fields = [...(hasBlocks ? BLOCK_FIELDS : []), ...(hasAnnotations ? ANNOTATION_FIELDS : [])];

  const analysed = docs.map((doc) => ({ doc, fields: analyseFields(doc) }));
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
  return {
    format: SHARD_FORMAT,
    version: SEARCH_PIPELINE_VERSION,
    id: options.id ?? defaultShardId(docs),
    sources: shardSources(docs),
    docs: analysed.map(({ doc, fields: byField }) => shardDocument(doc, byField)),
    stems: Object.fromEntries(stems),
    lunr: buildLunrIndex(
      fields,
      analysed.map(({ doc, fields: byField }) => ({ ref: doc.ref, fields: byField.terms })),
    ),
  };
}

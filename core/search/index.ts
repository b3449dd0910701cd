/** The search engine's public API; this file only re-exports. */
export { analyze, LIST_SEPARATOR, type Term } from './analysis.ts';
export {
  blockText,
  documentsForAnnotations,
  documentsForSource,
  sourceAuthorText,
  type AnnotationDocument,
  type BlockDocument,
  type SearchableAnnotation,
  type SearchDocument,
} from './documents.ts';
export { SearchIndexError, type SearchIndexErrorCode } from './errors.ts';
export { FIELD_BOOSTS, type SearchField } from './fields.ts';
export { foldTypography, foldWord } from './fold.ts';
export { reconcileSources, type Reconciled } from './library.ts';
export {
  assemble,
  loadedShard,
  loadShards,
  maskDocuments,
  updateShards,
  type LoadedShard,
  type LoadResult,
  type RejectedShard,
  type SearchShards,
} from './load.ts';
export { mergeSegments } from './merge.ts';
export { planMerges, type MergePolicy, type PolicySegment } from './merge-policy.ts';
export {
  parseQuery,
  SEARCH_SCOPES,
  type ParsedQuery,
  type QueryClause,
  type SearchScope,
} from './query.ts';
export type { Hit, Match, MatchField } from './hits.ts';
export { search, type SearchOptions, type SearchResult } from './search.ts';
export { buildSegment, segmentBytes, type Segment, type SegmentSource } from './segment.ts';
export { checkSegmentMeta, decodeSegment, encodeSegment, SEGMENT_FORMAT, type SegmentMeta, type StoredSegment } from './segment-codec.ts';
export { buildShard, segmentFromShard, SHARD_FORMAT, type SerializedShard } from './shard.ts';
export { snippet, type Snippet, type TextRange } from './snippet.ts';
export { tokenize, type WordSpan } from './tokenize.ts';
export { SEARCH_PIPELINE_VERSION } from './version.ts';
export type { SearchHitView } from './hit-view.ts';

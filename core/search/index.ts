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
export {
  loadShards,
  updateShards,
  type LoadResult,
  type RejectedShard,
  type SearchShards,
} from './load.ts';
export {
  parseQuery,
  SEARCH_SCOPES,
  type ParsedQuery,
  type QueryClause,
  type SearchScope,
} from './query.ts';
export type { Hit, Match, MatchField } from './hits.ts';
export { search, type SearchOptions, type SearchResult } from './search.ts';
export { buildShard, SHARD_FORMAT, type SerializedShard } from './shard.ts';
export { snippet, type Snippet, type TextRange } from './snippet.ts';
export { tokenize, type WordSpan } from './tokenize.ts';
export { SEARCH_PIPELINE_VERSION } from './version.ts';
export type { SearchHitView } from './hit-view.ts';

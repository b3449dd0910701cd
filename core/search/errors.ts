/** Why a search index could not be built or a shard could not be used. */
export type SearchIndexErrorCode = 'duplicate-document' | 'stale-shard' | 'malformed-shard';

/** A typed failure of index building or loading, with a message a historian can act on. */
export class SearchIndexError extends Error {
  readonly code: SearchIndexErrorCode;

  constructor(code: SearchIndexErrorCode, message: string) {
    super(message);
    this.name = 'SearchIndexError';
    this.code = code;
  }
}

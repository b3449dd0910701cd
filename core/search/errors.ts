import { DomainError, type ErrorKind } from '../errors.ts';

/** Why a search index could not be built or a shard could not be used. */
export type SearchIndexErrorCode = 'duplicate-document' | 'stale-shard' | 'malformed-shard';

/** A typed failure of index building or loading, with a message a historian can act on. */
export class SearchIndexError extends DomainError<SearchIndexErrorCode> {
  override name = 'SearchIndexError';

  /** The index failing is Apparatus's problem, never the user's input. */
  override get kind(): ErrorKind {
    return 'internal';
  }
}

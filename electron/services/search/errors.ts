import { DomainError, type ErrorKind } from '../../../core/errors.ts';

/** Why the search service could not do what was asked. */
export type SearchServiceErrorCode = 'index-not-ready' | 'index-build-failed' | 'cache-unwritable';

/** A typed failure of the search service, with a message a historian can act on. */
export class SearchServiceError extends DomainError<SearchServiceErrorCode> {
  override name = 'SearchServiceError';

  /** The index failing is Apparatus's problem, never the user's input. */
  override get kind(): ErrorKind {
    return 'internal';
  }
}

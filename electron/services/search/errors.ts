/** Why the search service could not do what was asked. */
export type SearchServiceErrorCode = 'index-not-ready' | 'index-build-failed' | 'cache-unwritable';

/** A typed failure of the search service, with a message a historian can act on. */
export class SearchServiceError extends Error {
  readonly code: SearchServiceErrorCode;

  constructor(code: SearchServiceErrorCode, message: string) {
    super(message);
    this.name = 'SearchServiceError';
    this.code = code;
  }
}

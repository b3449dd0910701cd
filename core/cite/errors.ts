/**
 * The one exception type of `core/cite`. Each error carries a stable `code` for programs and a
 * `message` written for the historian who asked for the citation.
 */

/** Every reason the formatter can refuse its input. */
export type CitationErrorCode =
  | 'invalid-input'
  | 'unknown-item'
  | 'duplicate-item'
  | 'unsupported-type'
  | 'missing-field'
  | 'invalid-note'
  | 'unknown-locator-label'
  | 'unknown-style';

/** A refused citation request; `code` says which rule was broken, `itemId` which source, if any. */
export class CitationError extends Error {
  readonly code: CitationErrorCode;
  readonly itemId: string | undefined;

  constructor(code: CitationErrorCode, message: string, itemId?: string) {
    super(message);
    this.name = 'CitationError';
    this.code = code;
    this.itemId = itemId;
  }
}

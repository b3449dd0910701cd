/**
 * The one exception type of `core/cite`. Each error carries a stable `code` for programs and a
 * `message` written for the historian who asked for the citation.
 */
import { DomainError } from '../errors.ts';

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
export class CitationError extends DomainError<CitationErrorCode> {
  override name = 'CitationError';
  readonly itemId: string | undefined;

  constructor(code: CitationErrorCode, message: string, itemId?: string) {
    super(code, message);
    this.itemId = itemId;
  }
}

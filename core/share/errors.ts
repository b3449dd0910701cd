/**
 * The one exception type of `core/share`: a change the shared model refuses. Each carries a stable
 * `code` for programs and a `message` written for the historian.
 */
import { DomainError } from '../errors.ts';

/** Every reason a shared change can be refused. */
export type ShareErrorCode = 'read-only' | 'not-author' | 'not-found' | 'too-large' | 'invalid';

/** A refused change to a shared document; `code` says which rule was broken. */
export class ShareError extends DomainError<ShareErrorCode> {
  override name = 'ShareError';
}

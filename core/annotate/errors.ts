/**
 * The one exception type of `core/annotate`. Each error carries a stable `code` for programs and
 * a `message` written for the historian using the app.
 */
import { DomainError } from '../errors.ts';

/** Every reason an annotate operation can refuse its input. */
export type AnnotateErrorCode =
  | 'empty-range'
  | 'out-of-range'
  | 'splits-character'
  | 'empty-tag-name'
  | 'tag-name-taken'
  | 'unknown-tag'
  | 'merge-into-itself'
  | 'tag-cycle'
  | 'invalid-omission'
  | 'not-a-shortening';

/** A refused annotate operation; `code` says which rule was broken. */
export class AnnotateError extends DomainError<AnnotateErrorCode> {
  override name = 'AnnotateError';
}

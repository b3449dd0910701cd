/**
 * The one exception type of `core/export`: a stable `code` for programs and a message written for
 * the historian who asked for the export.
 */
import { DomainError } from '../errors.ts';

/** Every reason an export can be refused. */
export type ExportErrorCode =
  | 'unknown-format'
  | 'unknown-style'
  | 'invalid-scope'
  | 'invalid-order'
  | 'unknown-source'
  | 'unknown-tag'
  | 'invalid-omission'
  | 'nothing-to-export'
  | 'quotation-mismatch';

/** A refused export; `code` says which rule was broken. */
export class ExportError extends DomainError<ExportErrorCode> {
  override name = 'ExportError';
}

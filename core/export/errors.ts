/**
 * The one exception type of `core/export`: a stable `code` for programs and a message written for
 * the historian who asked for the export.
 */

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
export class ExportError extends Error {
  readonly code: ExportErrorCode;

  constructor(code: ExportErrorCode, message: string) {
    super(message);
    this.name = 'ExportError';
    this.code = code;
  }
}

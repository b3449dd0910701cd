/** Why a file could not be imported. */
export type ImportErrorCode =
  | 'unsupported-type'
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'not-utf8'
  | 'no-text'
  | 'invalid-metadata'
  | 'id-taken'
  | 'write-failed'
  | 'encrypted'
  | 'damaged'
  | 'no-text-layer'
  | 'changed'
  | 'cancelled';

/** A file that cannot be imported, with a message written for a historian; nothing was written. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

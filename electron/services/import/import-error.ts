import { DomainError } from '../../../core/errors.ts';

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
  | 'write-failed';

/** A file that cannot be imported, with a message written for a historian; nothing was written. */
export class ImportError extends DomainError<ImportErrorCode> {
  override name = 'ImportError';
}

import { DomainError } from '../../../core/errors.ts';

/** Why a file could not be imported. */
export type ImportErrorCode =
  | 'unsupported-type'
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'not-utf8'
  | 'needs-conversion'
  | 'wrong-encoding'
  | 'symlink'
  | 'invalid-front-matter'
  | 'too-slow'
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
export class ImportError extends DomainError<ImportErrorCode> {
  override name = 'ImportError';
}

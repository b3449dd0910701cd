import type { ApiError, ApiErrorCode } from '../core/api.ts';
import { AnnotateError } from '../core/annotate/errors.ts';
import { CitationError } from '../core/cite/errors.ts';
import { ExportError } from '../core/export/errors.ts';
import { MetadataError } from '../core/corpus/metadata-patch.ts';
import { AtomicWriteError } from './services/atomic-write.ts';
import { ImportError } from './services/import/import-error.ts';
import { StoreError, type StoreErrorCode } from './services/store/index.ts';
import { WriteFileError } from './services/write-file.ts';

/** An error a service raises on purpose: its message is written for the user and crosses IPC. */
export class UserFacingError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
  }
}

const STORE_CODES: Partial<Record<StoreErrorCode, ApiErrorCode>> = {
  'invalid-input': 'invalid-input',
  'empty-tag-name': 'invalid-input',
  'tag-cycle': 'invalid-input',
  'merge-into-itself': 'invalid-input',
  'not-found': 'not-found',
  'unknown-tag': 'not-found',
  'already-exists': 'conflict',
  'tag-name-taken': 'conflict',
};

/**
 * Turns anything a handler threw into an ApiError. Errors raised on purpose (ours, the store's,
 * the annotation model's) keep their message, written for the user; anything else is a bug and
 * gets a generic message (the caller logs it).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof UserFacingError) return { code: error.code, message: error.message };
  if (error instanceof StoreError) {
    const issues = error.issues.length > 0 ? { issues: error.issues } : {};
    return { code: STORE_CODES[error.code] ?? 'storage', message: error.message, ...issues };
  }
  // A file that could not be written (read-only folder, full disk) is the disk's doing, not a bug:
  // its message says which file and why, and the user can act on it.
  if (error instanceof WriteFileError || error instanceof AtomicWriteError) {
    const exists = error.code === 'file-exists' || error.code === 'exists';
    return { code: exists ? 'conflict' : 'storage', message: error.message };
  }
  if (error instanceof AnnotateError || error instanceof ImportError || error instanceof CitationError || error instanceof ExportError || error instanceof MetadataError) {
    return { code: 'invalid-input', message: error.message };
  }
  return {
    code: 'internal',
    message: 'Something went wrong inside Apparatus. Your work is safe; please try again.',
  };
}

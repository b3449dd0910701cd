import type { ApiError } from '../core/api.ts';
import { DomainError } from '../core/errors.ts';
import { StoreError } from './services/store/store-errors.ts';

/**
 * Turns anything a handler threw into an ApiError. Errors raised on purpose (every `DomainError`)
 * keep their message, written for the user, and say what kind of failure they are; anything else
 * is a bug and gets a generic message (the caller logs it).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof DomainError) {
    const issues = error instanceof StoreError && error.issues.length > 0 ? { issues: error.issues } : {};
    return { code: error.kind, message: error.message, ...issues };
  }
  return {
    code: 'internal',
    message: 'Something went wrong inside Apparatus. Your work is safe; please try again.',
  };
}

import type { ApiError, ApiErrorCode } from '../core/api.ts';

/** An error a service raises on purpose: its message is written for the user and crosses IPC. */
export class UserFacingError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
  }
}

/** Turns anything a handler threw into an ApiError; unexpected errors get a generic message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof UserFacingError) return { code: error.code, message: error.message };
  return {
    code: 'internal',
    message: 'Something went wrong inside Apparatus. Your work is safe; please try again.',
  };
}

/**
 * Errors of the sync engine: a stable `code` and a message written for the historian.
 */

/** Every reason the sync engine can fail on its own side. */
export type SyncErrorCode = 'local-state' | 'closed';

/** A failure of the sync engine itself (the group's rules refuse with `ShareError`). */
export class SyncError extends Error {
  readonly code: SyncErrorCode;

  constructor(code: SyncErrorCode, message: string) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
  }
}

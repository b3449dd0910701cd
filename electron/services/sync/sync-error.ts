/**
 * Errors of the sync engine: a stable `code` and a message written for the historian.
 */
import { DomainError, type ErrorKind } from '../../../core/errors.ts';

/** Every reason the sync engine can fail on its own side. */
export type SyncErrorCode = 'local-state' | 'closed';

/** A failure of the sync engine itself (the group's rules refuse with `ShareError`). */
export class SyncError extends DomainError<SyncErrorCode> {
  override name = 'SyncError';

  /** Local sync state that cannot be kept is a storage failure; a closed engine is an internal one. */
  override get kind(): ErrorKind {
    return this.code === 'local-state' ? 'storage' : 'internal';
  }
}

/**
 * The errors of the sync server and its access commands: a stable `code` and a message written
 * for the person running the server.
 */
import { DomainError, type ErrorKind } from '../../core/errors.ts';

/** Every reason a server command can refuse. */
export type ServerErrorCode = 'invalid-name' | 'exists' | 'not-found' | 'unreadable' | 'tls' | 'listen';

/** A refused server command or a server that could not start. */
export class ServerError extends DomainError<ServerErrorCode> {
  override name = 'ServerError';

  /** A name in use is a conflict; a certificate or port the server cannot use is a storage-like failure of the machine. */
  override get kind(): ErrorKind {
    if (this.code === 'exists') return 'conflict';
    if (this.code === 'tls' || this.code === 'listen' || this.code === 'unreadable') return 'storage';
    return super.kind;
  }
}

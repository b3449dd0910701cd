/**
 * The errors of the sync server and its access commands: a stable `code` and a message written
 * for the person running the server.
 */

/** Every reason a server command can refuse. */
export type ServerErrorCode = 'invalid-name' | 'exists' | 'not-found' | 'unreadable' | 'tls' | 'listen';

/** A refused server command or a server that could not start. */
export class ServerError extends Error {
  readonly code: ServerErrorCode;

  constructor(code: ServerErrorCode, message: string) {
    super(message);
    this.name = 'ServerError';
    this.code = code;
  }
}

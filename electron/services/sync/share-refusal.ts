/**
 * The server refused this member: a wrong or revoked token, a group they are not in. Retrying does
 * not help; the message, the server's own, says what to do.
 */
import { DomainError, type ErrorKind } from '../../../core/errors.ts';

/** A refusal by the sync server, with its reason as the message. */
export class ShareRefusal extends DomainError<'refused'> {
  override name = 'ShareRefusal';

  constructor(reason: string) {
    super('refused', reason);
  }

  /** A refusal of the request, as the page and the command line report it. */
  override get kind(): ErrorKind {
    return 'invalid-input';
  }
}

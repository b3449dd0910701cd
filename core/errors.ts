/**
 * The one base of every error Apparatus raises on purpose: a stable `code` for programs and a
 * `message` written for the historian, never a stack trace. Modules subclass it only to name their
 * codes or where an error behaves differently (carries more data, or is another kind of failure).
 */

/** What kind of failure an error is, as the IPC contract reports it to the page. */
export const ERROR_KINDS = ['invalid-input', 'not-found', 'conflict', 'corpus-unreadable', 'storage', 'internal'] as const;

/** One of `ERROR_KINDS`. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A refusal or failure raised on purpose; `message` can be shown to the user as it is. */
export class DomainError<Code extends string = string> extends Error {
  override name = 'DomainError';
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /**
   * The kind of failure: a code that names a kind is that kind (`not-found` …); any other code is
   * a refused request (`invalid-input`). Subclasses whose codes mean something else say so here.
   */
  get kind(): ErrorKind {
    return (ERROR_KINDS as readonly string[]).includes(this.code) ? (this.code as ErrorKind) : 'invalid-input';
  }
}

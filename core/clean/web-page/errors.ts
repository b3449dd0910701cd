/**
 * Errors the web-page cleaner reports, with messages meant for the person writing a recipe.
 */

/** What went wrong, as a stable code the build can switch on. */
export type WebPageErrorCode = 'no-article';

/** A raw page the cleaner cannot read as an article; the message says what to check. */
export class WebPageError extends Error {
  readonly code: WebPageErrorCode;

  constructor(code: WebPageErrorCode, message: string) {
    super(message);
    this.name = 'WebPageError';
    this.code = code;
  }
}

/**
 * Errors the web-page cleaner reports, with messages meant for the person writing a recipe.
 */
import { DomainError } from '../errors.ts';

/** What went wrong, as a stable code the build can switch on. */
export type WebPageErrorCode = 'no-article';

/** A raw page the cleaner cannot read as an article; the message says what to check. */
export class WebPageError extends DomainError<WebPageErrorCode> {
  override name = 'WebPageError';
}

/**
 * Errors the PDF-text cleaner reports, with messages meant for the person writing a recipe.
 */
import { DomainError } from '../../errors.ts';

/** What went wrong, as a stable code the build can switch on. */
export type PdfTextErrorCode = 'invalid-options';

/** A problem with the cleaner's input that the recipe must fix; the message says how. */
export class PdfTextError extends DomainError<PdfTextErrorCode> {
  override name = 'PdfTextError';
}

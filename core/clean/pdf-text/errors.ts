/**
 * Errors the PDF-text cleaner reports, with messages meant for the person writing a recipe.
 */

/** What went wrong, as a stable code the build can switch on. */
export type PdfTextErrorCode = 'invalid-options';

/** A problem with the cleaner's input that the recipe must fix; the message says how. */
export class PdfTextError extends Error {
  readonly code: PdfTextErrorCode;

  constructor(code: PdfTextErrorCode, message: string) {
    super(message);
    this.name = 'PdfTextError';
    this.code = code;
  }
}

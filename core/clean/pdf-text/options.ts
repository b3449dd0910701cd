/**
 * What a recipe may tell the PDF-text cleaner that no rule can derive from the text.
 */
import * as v from 'valibot';
import { PdfTextError } from './errors.ts';

/** Recipe options for `cleanPdfText`. */
export interface PdfTextOptions {
  /**
   * The printed number of the page on which the text (after any cover) begins, e.g. `375`.
   * Later pages are numbered on from it. Default `1`.
   */
  firstPage?: number | string;
}

const OptionsSchema = v.strictObject({
  firstPage: v.optional(
    v.union([
      v.pipe(v.number(), v.integer(), v.minValue(0)),
      v.pipe(v.string(), v.regex(/^\d+$/u)),
    ]),
  ),
});

/**
 * Checks recipe options and returns a function giving the page labels in order (`375`, `376`, …).
 * Throws `PdfTextError` (`invalid-options`) naming the offending option.
 */
export function pageLabeler(options: unknown): () => string {
  const result = v.safeParse(OptionsSchema, options ?? {});
  if (!result.success) {
    const option = v.getDotPath(result.issues[0]) ?? 'options';
    throw new PdfTextError(
      'invalid-options',
      `The recipe's "${option}" option for PDF text is not valid: firstPage must be the printed ` +
        'number of the first page, such as 375, and no other options are known.',
    );
  }
  let next = Number(result.output.firstPage ?? 1);
  return () => String(next++);
}

/**
 * Characters with a special meaning while a PDF-extracted text is being cleaned.
 *
 * A paragraph is assembled as one string before it becomes inline content; page breaks inside it
 * are held by a private-use character so that every string rule (quotes, ordinals) sees the
 * rejoined sentence, and the milestone still lands on the exact character where its page begins.
 */

/** Stands for a page milestone inside a paragraph string; private use, so never in a real text. */
export const PAGE_MARK = '\uE000';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A regular-expression class matching one superscript digit. */
export const SUPERSCRIPT_CLASS = `[${SUPERSCRIPTS}]`;

/** True if `ch` is one superscript digit (`¹`, `²`, … `⁰`). */
export function isSuperscriptDigit(ch: string): boolean {
  return ch.length === 1 && SUPERSCRIPTS.includes(ch);
}

/** Rewrites superscript digits as ordinary digits (`⁴⁵` → `45`); other characters are kept. */
export function superscriptToDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const digit = SUPERSCRIPTS.indexOf(ch);
    out += digit >= 0 ? String(digit) : ch;
  }
  return out;
}

/**
 * Character-level repairs of text as PDFs store it: typographic ligatures spelled out, invisible
 * and zero-width characters dropped, unusual spaces made ordinary.
 */

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'ſt',
  '\uFB06': 'st',
  '\u0132': 'IJ',
  '\u0133': 'ij',
};

// Soft hyphens mark where a word may break; zero-width characters and byte-order marks are never text.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
// No-break, thin, hair and other fixed-width spaces, and tabs, read as one ordinary space.
const ODD_SPACES = /[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu;
// Control characters, lone surrogates and noncharacters are font-encoding debris, never text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const DEBRIS = /[\u0000-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
// Private-use characters come from fonts without a Unicode mapping: they stand for nothing readable.
const PRIVATE_USE = /[\uE000-\uF8FF]/gu;

/**
 * The text of one PDF text item as a reader would type it. A soft hyphen at the very end is kept:
 * it says that the word goes on on the next line.
 */
export function normalizePdfText(text: string): string {
  const soft = endsWithSoftHyphen(text);
  let out = text.replace(ODD_SPACES, ' ').replace(INVISIBLE, '').replace(DEBRIS, '').replace(PRIVATE_USE, '');
  out = out.replace(/[\uFB00-\uFB06\u0132\u0133]/gu, (ch) => LIGATURES[ch] ?? ch);
  out = out.normalize('NFC');
  return soft ? `${out.trimEnd()}${SOFT_HYPHEN}` : out;
}

/** The soft hyphen, kept at the end of a line as the sign of a word broken by the typesetter. */
export const SOFT_HYPHEN = '\u00AD';

/** True if a text item ends with a soft hyphen: the typesetter broke a word there. */
export function endsWithSoftHyphen(text: string): boolean {
  return /\u00AD\s*$/u.test(text);
}

import { normalizeApostrophes } from './apostrophes.ts';
import { pairDoubleQuotes, pairSingleQuotes } from './quotes.ts';

/**
 * Character and typography rules for text typed by hand (plain text, Markdown, HTML), the same
 * rules the web-page and PDF cleaners apply: NFC, invisible characters removed, layout no-break
 * spaces made ordinary, "..." as one ellipsis character, curly quotes and apostrophes.
 */

const NO_BREAK_SPACES = /[\u00A0\u202F\u2007]/g;
// Layout hints and a byte-order mark: none of them is text a reader sees.
const INVISIBLES = /[\u200B\u2060\uFEFF\u00AD]/g;
// Control characters a cleaned file cannot hold; tabs and line ends are handled by the callers.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const CONTROLS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
const DIGIT = /\p{Nd}/u;

/** A no-break space that groups digits ("50 000") or keeps French punctuation with its word. */
function isTypographicNbsp(text: string, offset: number): boolean {
  const before = text[offset - 1] ?? '';
  const after = text[offset + 1] ?? '';
  if (DIGIT.test(before) && DIGIT.test(after)) return true;
  if (before.trim() !== '' && after !== '' && ';:!?»›'.includes(after)) return true;
  return before !== '' && after.trim() !== '' && '«‹'.includes(before);
}

/**
 * The characters of a text as a reader sees them: NFC, invisible and control characters removed,
 * layout no-break spaces turned into spaces (typographic ones kept), tabs made spaces. Line ends
 * and the length of space runs are left alone, so it is safe on a fragment of a line.
 */
export function normalizeCharacters(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(CONTROLS, '')
    .replace(/\t/g, ' ')
    .replace(NO_BREAK_SPACES, (nbsp, offset: number, whole: string) =>
      isTypographicNbsp(whole, offset) ? nbsp : ' ',
    );
}

/** "..." typed on a keyboard becomes "…"; a spaced ". . ." or a longer run of dots is left alone. */
export function toEllipsis(text: string): string {
  return text.replace(/(?<!\.)\.\.\.(?!\.)/g, '…');
}

/**
 * One paragraph of typed prose made typographic: characters normalised, spaces collapsed and
 * trimmed, "..." → "…", apostrophes inside words curled, straight quotation marks paired into
 * curly ones. Already-curly text keeps its wording and marks.
 */
export function typesetParagraph(text: string): string {
  const spaced = normalizeCharacters(text).replace(/[ \n\r\v]+/g, ' ').replace(/^ | $/g, '');
  return pairSingleQuotes(pairDoubleQuotes(normalizeApostrophes(toEllipsis(spaced))));
}

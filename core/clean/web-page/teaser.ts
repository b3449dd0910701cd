/**
 * Headlines of *other* articles that a page repeats as tickers, "read also" insertions and cards.
 * News sites in the Balkans title many articles as a quotation from the piece, cut off with an
 * ellipsis, then a slash and a description: “E dëgjove, Qemal… por…”/ Kujtimet e shkrimtarit.
 * That shape, not the language, identifies a teaser.
 */

import { wordCount } from './line-text.ts';

const OPENING_QUOTES = '“"„«‘‚‹';
const CLOSING_QUOTES = '”"»’‘›“';

// “quotation”/ description: the quotation opens near the start, the slash follows its closing mark.
const SLASH_TEASER = new RegExp(
  `^[^${OPENING_QUOTES}]{0,80}[${OPENING_QUOTES}].*?[${CLOSING_QUOTES}]\\s*/\\s*(.+)$`,
  'u',
);
// A description is a headline's second half; a long tail means a paragraph that happens to hold
// "”/" (“Kremlin”/“White House”).
const MAX_DESCRIPTION_WORDS = 25;

// “A quotation cut off with an ellipsis…” or Who: “a quotation cut off…”, with nothing after it.
const TRUNCATED_QUOTE_TEASER = new RegExp(
  `^(?:[^${OPENING_QUOTES}]{1,160}:\\s*)?` + // an optional speaker: "Dëshmia e rrallë …: "
    `[${OPENING_QUOTES}].+(?:…|\\.\\.\\.)\\s*[${CLOSING_QUOTES}]$`,
  'u',
);

/** Whether a line has the quotation-then-slash shape of a headline ("“…”/ Description"). */
export function isSlashTeaser(line: string): boolean {
  const description = SLASH_TEASER.exec(line.trim())?.[1] ?? '';
  const words = wordCount(description);
  return /^[\p{L}\p{N}“"„«‘]/u.test(description) && words <= MAX_DESCRIPTION_WORDS;
}

/**
 * Whether a line looks like another article's headline: the slash shape, or a quotation cut off
 * with an ellipsis and nothing after it. The second shape also fits some real sentences, so it is
 * only trusted inside tickers and "read also" insertions.
 */
export function isTeaser(line: string): boolean {
  const text = line.trim();
  return isSlashTeaser(text) || TRUNCATED_QUOTE_TEASER.test(text);
}

/**
 * Whether a group of consecutive lines (no blank line between them) is a ticker or card list:
 * at least two lines, and at least half of them teasers.
 */
export function isTicker(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const teasers = lines.filter(isTeaser).length;
  return teasers * 2 >= lines.length;
}

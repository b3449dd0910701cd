import { normalizeCharacters } from '../text-rules/text-rules.ts';

/**
 * Character-level facts about text copied out of a browser: layout spaces, invisible characters,
 * and the folded form of a line that the lexicon is matched against.
 */

/**
 * One line as a reader sees it: the characters as `normalizeCharacters` leaves them (NFC, no
 * invisible or control characters, layout no-break spaces made spaces), runs of spaces
 * collapsed, ends trimmed.
 */
export function normalizeLine(line: string): string {
  return normalizeCharacters(line).replace(/ +/g, ' ').trim();
}

/**
 * The form of a line the lexicon is matched against: lower case, surrounding punctuation and
 * symbols removed (":", "…", "»", "*"), single spaces. "  View All Result » " → "view all result".
 */
export function foldLine(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}\p{S}]+/u, '')
    .replace(/[\s\p{P}\p{S}]+$/u, '')
    .trim();
}

/** Number of whitespace-separated words. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Whether the text is a bare domain name as a site logo shows it ("Memorie.al", "bbc.co.uk"). */
export function isDomainName(text: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u.test(text.trim());
}

/** Whether the text ends a sentence: . ! ? or …, maybe followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?…][\s”’"'»›)\]]*$/u.test(text.trim());
}

/** Whether the text starts as a title or sentence does: a capital or digit, after any quote. */
export function startsCapitalized(text: string): boolean {
  return /^[“"„«‘'([]?[\p{Lu}\p{Nd}]/u.test(text.trim());
}

/** The text with every regular-expression metacharacter escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

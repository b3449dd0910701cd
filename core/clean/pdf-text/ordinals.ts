/**
 * Repair of ordinal suffixes that PDF extraction turned into a glyph: a superscript `th` or `st`
 * came out as `"` or `™` (`August 18" 1955`, `May 25™ 1959`, `the 2" of April`).
 */

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December';

// `™` never follows a number in running prose, so it is always a lost suffix. A `"` after a
// number may close a quotation, so it counts as a suffix only after a month name or an article
// or conjunction that introduces a day (`the 2"`, `and 27"`).
const TRADEMARK_ORDINAL = /(?<![\p{L}\p{N}])(\d{1,3})™/gu;
const QUOTE_ORDINAL = new RegExp(
  `(?<=\\b(?:${MONTHS}|the|and|to|from)\\s+\\uE000?)(\\d{1,3})"`,
  'gu',
);

/** The English ordinal suffix of a number: `st`, `nd`, `rd` or `th` (11–13 take `th`). */
export function ordinalSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/**
 * Restores the suffix from the number (`18"` → `18th`, `21"` → `21st`, `2™` → `2nd`). A glyph with
 * no number before it (`July ™`) is left alone: the day is lost, and only a recipe can say so.
 */
export function repairOrdinals(text: string): string {
  const restore = (_match: string, digits: string): string =>
    `${digits}${ordinalSuffix(Number(digits))}`;
  return text.replace(TRADEMARK_ORDINAL, restore).replace(QUOTE_ORDINAL, restore);
}

/**
 * Character-level facts about text copied out of a browser: layout spaces, invisible characters,
 * and the folded form of a line that the lexicon is matched against.
 */

const NO_BREAK_SPACES = /[\u00A0\u202F\u2007]/g;
// Invisible characters a page uses for layout or line-breaking hints; none of them is text.
const INVISIBLES = /[\u200B\u2060\uFEFF\u00AD]/g;
const DIGIT = /\p{Nd}/u;

/**
 * Whether a no-break space at `offset` is typography rather than layout: it groups the digits of
 * a number ("50 000"), or keeps French punctuation with its word ("« Non »", "Non !").
 */
function isTypographicNbsp(text: string, offset: number): boolean {
  const before = text[offset - 1] ?? '';
  const after = text[offset + 1] ?? '';
  if (DIGIT.test(before) && DIGIT.test(after)) return true;
  if (before.trim() !== '' && after !== '' && ';:!?»›'.includes(after)) return true;
  return before !== '' && after.trim() !== '' && '«‹'.includes(before);
}

/**
 * One line as a reader sees it: NFC, invisible characters removed, layout no-break spaces turned
 * into ordinary spaces (typographic ones kept), runs of spaces collapsed, ends trimmed.
 */
export function normalizeLine(line: string): string {
  return line
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(NO_BREAK_SPACES, (nbsp, offset: number, whole: string) =>
      isTypographicNbsp(whole, offset) ? nbsp : ' ',
    )
    .replace(/[ \t]+/g, ' ')
    .trim();
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

/**
 * Small typographic rules shared by the cleaners: spacing around punctuation, dashes and ellipses.
 *
 * Every rule only removes or inserts spaces next to the characters it is about, so that it leaves
 * already-clean text unchanged: applying a rule to its own output changes nothing.
 */

/**
 * Removes the spaces around every en dash and em dash, so that `1955 – 1961` and `Albania — the`
 * print as `1955–1961` and `Albania—the` (unspaced, as English Wikipedia prints them).
 */
export function joinSpacedDashes(text: string): string {
  return text.replace(/[ \t]*([–—])[ \t]*/g, '$1');
}

/**
 * Attaches tokenised punctuation to the word before it: `word , word` → `word, word`,
 * `42 %` → `42%`, `( word )` → `(word)`. A full stop or comma that starts a number (`.45`) is left
 * alone, and nothing at the very start of the text moves.
 */
export function attachSpacedPunctuation(text: string): string {
  return text
    .replace(/(?<=\S)[ \t]+(?=[,.;:!?](?!\d))/g, '')
    .replace(/(?<=\d)[ \t]+%/g, '%')
    .replace(/([([])[ \t]+/g, '$1')
    .replace(/(?<=\S)[ \t]+([)\]])/g, '$1');
}

/** Writes three full stops as one ellipsis character (`...` → `…`); spacing is left as it was. */
export function toEllipsisCharacter(text: string): string {
  return text.replace(/\.\.\./g, '…');
}

/**
 * Spaces every ellipsis character as Wikipedia's style does: one space on each side
 * (`Stalin… could` → `Stalin … could`), except next to an opening or closing quotation mark or
 * bracket, a punctuation mark, or the start or end of the text. Straight quotes are left as they
 * stand, since their direction is not known yet.
 */
export function spaceEllipses(text: string): string {
  return text
    .replace(/(?<=[\p{L}\p{N})\]”’])[ \t]*…/gu, ' …')
    .replace(/…[ \t]*(?=[\p{L}\p{N}([“‘])/gu, '… ');
}

/** Collapses runs of spaces and tabs into one space and trims both ends. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

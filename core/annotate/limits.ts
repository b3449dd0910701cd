/**
 * How much one annotation may hold. The limits refuse runaway input (a book pasted into a note,
 * a malformed request), never a historian's real work; the contract, the project store and the
 * model's own validator all check these same values.
 */

/** Characters in a note (Markdown). */
export const MAX_NOTE_LENGTH = 200_000;

/** Characters in a tag name. */
export const MAX_TAG_NAME_LENGTH = 200;

/** Characters in a highlighted passage. */
export const MAX_QUOTE_LENGTH = 1_000_000;

/** Characters of context kept on each side of a highlighted passage (far more than is ever saved). */
export const MAX_CONTEXT_LENGTH = 1000;

/** Tags on one annotation. */
export const MAX_TAGS_PER_ANNOTATION = 500;

/** A limit as a sentence gives it: "200,000". */
export function formatLimit(limit: number): string {
  return limit.toLocaleString('en');
}

/**
 * The few words every writer prints around the data, kept in one place so the formats agree.
 */

/** Printed beside an orphan's quotation. */
export const ORPHAN_MARK =
  'Quoted as saved: this passage is no longer found in the current text of the source.';

/** "Tags: a, b". */
export function tagLine(tags: readonly string[]): string {
  return `Tags: ${tags.join(', ')}`;
}

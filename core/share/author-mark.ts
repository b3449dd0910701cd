/** How many author colours the app has (`author-0` … `author-5` in the page's styles). */
export const AUTHOR_COLORS = 6;

/**
 * The colour another member's highlights are marked with: the same for a name on every
 * computer, so a group talks of "anna's blue" alike.
 */
export function authorColor(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % AUTHOR_COLORS;
}

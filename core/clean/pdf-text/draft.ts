/**
 * A paragraph being assembled: its lines as printed, each marked if a printed page begins there.
 */

/** One printed line of a paragraph in progress. */
export interface DraftLine {
  text: string;
  /** A printed page begins with this line. */
  pageStart: boolean;
}

/**
 * What a draft is before the final block types are assigned: running text, a list item (bullet
 * removed), or a heading-like line (a numbered section title, or a short standalone line).
 */
export type DraftRole = 'text' | 'item' | 'heading';

/** A paragraph in progress: one or more printed lines, possibly from several pages. */
export interface Draft {
  role: DraftRole;
  lines: DraftLine[];
}

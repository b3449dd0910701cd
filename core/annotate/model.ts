/**
 * The Annotation and Tag model (docs/architecture.md §3 follows one through the app), as plain JSON-serialisable data.
 *
 * An annotation is anchored by two W3C-style selectors: a quote (what the user highlighted, with
 * context) and a position (offsets into the source's reading text). Positions go stale whenever a
 * source is re-cleaned; the quote is what lets `anchor` find the passage again.
 */
import type { Color } from './palette.ts';

/**
 * What the user highlighted, with up to `CONTEXT_LENGTH` characters of context on each side
 * (fewer only where the reading text begins or ends).
 */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A half-open range `[start, end)` of UTF-16 offsets into a source's reading text. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/**
 * Words the historian left out of the quotation: a half-open range `[start, end)` of offsets into
 * the annotation's `quote.exact`. Relative to the quote, not the source, so that re-anchoring,
 * which moves the position but never rewrites the quote, cannot make them point at other words.
 */
export interface Omission {
  start: number;
  end: number;
}

/** Both selectors of one highlighted range. */
export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Every outcome of re-anchoring, from best to worst. */
export const ANCHOR_STATUSES = ['anchored', 'moved', 'orphaned'] as const;

/**
 * Result of the last re-anchoring: `anchored` (the text at `position` is exactly `quote.exact`),
 * `moved` (`position` is the closest approximate match; the text there differs from
 * `quote.exact`), `orphaned` (no acceptable match; `position` is only the last known place).
 */
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/**
 * A highlight with its colour, tags and note.
 *
 * `quote.exact` is always what the user highlighted and is never rewritten by re-anchoring, so a
 * citation quotes what the historian read; `position` is where it sits in the current text.
 */
export interface Annotation {
  /** A UUID, assigned once. */
  id: string;
  sourceId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: Color;
  /** Tag ids, each at most once, in the order the user added them. */
  tags: string[];
  /** Markdown. */
  note: string;
  /** Cuts in the quotation, sorted and apart (see `checkOmissions`); empty for a full quote. */
  omissions: Omission[];
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  anchor: AnchorStatus;
  /** In a corpus shared with a group: the member who made it, when that is not this project's user. */
  author?: string;
  /**
   * In a shared corpus: deleted by its author on one computer while edited on another, so kept
   * for the author to keep or delete again.
   */
  review?: boolean;
}

/**
 * A tag. `name` is unique among tags ignoring case (see `tagNameKey`); `parent`, when present, is
 * the id of another tag, and following parents never loops.
 */
export interface Tag {
  id: string;
  name: string;
  color: Color;
  parent?: string;
}

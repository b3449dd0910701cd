/** What callers pass to the project store's annotation actions. */
import type { Annotation, Omission } from '../../../core/annotate/model.ts';
import type { Color } from '../../../core/annotate/palette.ts';

/** A new highlight: what the reader knows when the user highlights a passage. */
export interface AnnotationInput {
  sourceId: string;
  quote: Annotation['quote'];
  position: Annotation['position'];
  /** Defaults to `DEFAULT_COLOR`. */
  color?: Color;
  /** Tag ids, in order; repeats are dropped. */
  tags?: string[];
  /** Markdown; defaults to empty. */
  note?: string;
  /** Defaults to `anchored`: a fresh highlight is where the user made it. */
  anchor?: Annotation['anchor'];
  /** When a highlight made in another tool was made there (ISO 8601); defaults to now. */
  created?: string;
  /** When it was last changed there; defaults to `created`. */
  modified?: string;
}

/** What `update` may change. Absent fields stay as they are. */
export interface AnnotationPatch {
  note?: string;
  color?: Color;
  /** The complete new list of tag ids, in order. */
  tags?: string[];
  /** The complete new list of cuts in the quotation (ranges of `quote.exact`); [] restores it. */
  omissions?: Omission[];
}

/** One re-anchoring result, as `core/annotate`'s `anchor` computed it. */
export interface AnchorUpdate {
  id: string;
  position: Annotation['position'];
  anchor: Annotation['anchor'];
}

/** Where a restored annotation now sits: its record re-anchored against the source's current text. */
export interface Placement {
  position: Annotation['position'];
  anchor: Annotation['anchor'];
}

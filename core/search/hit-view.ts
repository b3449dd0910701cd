/** One search result as the result list shows it: the one shape the app, the contract and the CLI share. */
import type { Hit, MatchField } from './hits.ts';
import type { Snippet } from './snippet.ts';

/** One search result ready for display; `page` and `section` are null when unknown. */
export interface SearchHitView {
  ref: string;
  kind: Hit['kind'];
  sourceId: string;
  /** The source's title, or its id when the source is no longer in the corpus. */
  sourceTitle: string;
  /** Set for an annotation kept in the project whose source is no longer in the corpus. */
  sourceMissing?: true;
  blockId?: string;
  annotationId?: string;
  score: number;
  /** An excerpt of the block text, or of the annotation's quote, note or tags, its matches marked. */
  snippet: Snippet;
  /** Which text the excerpt comes from. */
  snippetField: MatchField;
  /** "p. 380" or "pp. 385–86"; null for an unpaginated source or an unknown page. */
  page: string | null;
  /** The enclosing section heading, given when `page` is null. */
  section: string | null;
  /** Where the matches lie in the source's reading text (for an annotation: its range), so the reader can mark them all. */
  ranges: { start: number; end: number }[];
  /** An annotation's tag names (a passage found by `tag:` shows its quotation as the snippet). */
  tags?: string[];
  /**
   * For an annotation whose quotation is no longer the source's wording: `moved` (the passage is
   * found with other words) or `orphaned` (it is no longer found). Absent when it reads as quoted.
   */
  anchor?: 'moved' | 'orphaned';
}

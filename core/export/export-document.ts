/**
 * The assembled export: the highlights in order, each with its quotation, note, tags and footnote,
 * grouped under headings, then the bibliography. Every writer renders this one value.
 */
import type { Annotation, TextQuoteSelector } from '../annotate/model.ts';
import type { BibliographyEntry, Cluster } from '../cite/cite-document.ts';
import type { Rich } from '../cite/rich.ts';
import type { CslItem } from '../corpus/model.ts';
import type { StyleName } from '../cite/style.ts';
import type { ExportLocator } from './locator.ts';
import type { Quotation } from './quotation.ts';

/** One exported highlight and its footnote. */
export interface ExportEntry {
  /** The footnote number: 1, 2, … in document order. */
  noteIndex: number;
  annotation: Annotation;
  /** The cited source's metadata. */
  item: CslItem;
  quotation: Quotation;
  /**
   * The highlight's range counted in Unicode code points, as W3C TextPositionSelector counts;
   * null for an orphan, whose saved range no longer points at its words.
   */
  codePoints: { start: number; end: number } | null;
  /**
   * The words at the highlight's range in the current text, with their context: what
   * `codePoints` selects. It differs from `annotation.quote` where the wording changed since the
   * highlight was made. Null for an orphan.
   */
  textQuote: TextQuoteSelector | null;
  /** The historian's note, Markdown, as saved. */
  note: string;
  /** Tag names, in the annotation's order. */
  tags: string[];
  /**
   * What the reader should know about the quotation's words: that they come from a derivative
   * source, or that the source's text was corrected in the passage while cleaning it.
   */
  provenance: string[];
  locator: ExportLocator | null;
  /** The citation cluster of this entry's footnote. */
  cluster: Cluster;
  /** The footnote as formatted in sequence (full, short or consecutive form). */
  citation: Rich;
  /** The full-note form of the same citation, for writers whose rows stand alone (CSV). */
  fullCitation: Rich;
}

/** Entries under one heading (a source's title or a tag name); null for no heading. */
export interface ExportGroup {
  heading: string | null;
  /** The heading's depth: 1 at the top, 2 for a tag under a tag, and so on. */
  level: number;
  entries: ExportEntry[];
}

/** An export ready for any writer. */
export interface ExportDocument {
  title: string;
  style: StyleName;
  groups: ExportGroup[];
  /**
   * Every entry in footnote order (the groups' entries, concatenated). Grouped by tag, a highlight
   * with several tags has an entry under each.
   */
  entries: ExportEntry[];
  bibliography: BibliographyEntry[];
}

/**
 * The assembled export: the highlights in order, each with its quotation, note, tags and footnote,
 * grouped under headings, then the bibliography. Every writer renders this one value.
 */
import type { Annotation } from '../annotate/model.ts';
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
  /** The historian's note, Markdown, as saved. */
  note: string;
  /** Tag names, in the annotation's order. */
  tags: string[];
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
  entries: ExportEntry[];
}

/** An export ready for any writer. */
export interface ExportDocument {
  title: string;
  style: StyleName;
  groups: ExportGroup[];
  /** Every entry in footnote order (the groups' entries, concatenated). */
  entries: ExportEntry[];
  bibliography: BibliographyEntry[];
}

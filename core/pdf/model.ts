/**
 * What PDF layout analysis works on and produces. Plain data, so that pages extracted by pdf.js in
 * a worker thread cross to the analysis unchanged, and tests can build pages by hand.
 *
 * Coordinates are PDF user-space points with the origin at the page's bottom-left corner: `y` is
 * a baseline and grows upwards.
 */

/** One piece of text as the PDF draws it, with its font's size and style. */
export interface PdfItem {
  text: string;
  /** Left end of the baseline. */
  x: number;
  /** The baseline. */
  y: number;
  /** Advance width of the whole piece. */
  width: number;
  /** Font size in points (the height of an em). */
  size: number;
  bold: boolean;
  italic: boolean;
  /** Set right to left (Arabic, Hebrew), as pdf.js reads the item's direction. */
  rtl?: boolean;
}

/** The text of one page: its size and every horizontal text item, in content-stream order. */
export interface PdfPageText {
  width: number;
  height: number;
  items: PdfItem[];
}

/** A run of one line's text in one style; `sup` when raised and smaller (a note marker, an ordinal's suffix). */
export interface PdfRun {
  text: string;
  bold: boolean;
  italic: boolean;
  sup: boolean;
}

/** Which column a line stands in: 0 across the whole text width, 1 the left, 2 the right. */
export type ColumnSide = 0 | 1 | 2;

/** One printed line of text, rebuilt from the items on one baseline within one column. */
export interface PdfLine {
  runs: PdfRun[];
  /** The runs' text joined, spaces included. */
  text: string;
  /** Where the line begins and ends across the page; on a page set right to left, measured from its right edge. */
  x0: number;
  x1: number;
  /** The baseline of the line's main (not raised) text. */
  y: number;
  /** The font size of the line's main text. */
  size: number;
  column: ColumnSide;
}

/** One page after layout analysis: its lines in reading order. */
export interface PageLayout {
  width: number;
  height: number;
  lines: PdfLine[];
  /** Number of visible characters; a page with almost none has no text layer (a scan). */
  chars: number;
  /** Where the gutter between its two columns stands, if it has two. */
  gutter?: number;
}

/** What the Node driver and the page script of `bench:reader` say to each other. */

/** A highlight in reading-text offsets, as the reader takes it. */
export interface BenchHighlight {
  id: string;
  start: number;
  end: number;
  color: string;
}

/** Which view a page measures: the Apparatus reader, or a bare ProseMirror view as its peer. */
export type ViewKind = 'reader' | 'bare';

/** The timings of one added highlight: synchronous dispatch, and dispatch through the next paint. */
export interface AddTiming {
  dispatchMs: number;
  paintMs: number;
}

/** What one fresh page measured. */
export interface PageSample {
  kind: ViewKind;
  /** From starting to build the view to the first paint after it. */
  firstPaintMs: number;
  /** One entry per highlight added after the first paint. */
  adds: AddTiming[];
  /** Highlight elements in the DOM after the first paint: a check that highlights were drawn. */
  highlightElements: number;
}

/** The API the page script puts on `window.bench`. */
export interface PageBench {
  /** Parses the Source and highlights and computes the reading-text spans (untimed). */
  prepare(sourceJson: string, highlightsJson: string): void;
  /** Builds the view of `kind`, waits for its first paint, and returns the elapsed time. */
  mount(kind: ViewKind): Promise<{ firstPaintMs: number; highlightElements: number }>;
  /** Adds one highlight (reader) or dispatches an empty transaction (bare), through the next paint. */
  addOne(highlight: BenchHighlight): Promise<AddTiming>;
}

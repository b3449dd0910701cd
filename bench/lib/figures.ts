/** What one engine measured at one scale; a missing figure is null with the reason in `notes`. */
export interface EngineFigures {
  sources: number;
  documents: number;
  /** From the cleaned files to a saved, searchable index. */
  buildMs: number;
  diskBytes: number | null;
  /** Loading the saved index in a running process (Apparatus: checking the corpus included). */
  loadMs: number | null;
  /** A fresh command-line process: load plus one query, wall clock. */
  processMs: number | null;
  processRssBytes: number | null;
  /** `heapUsed + arrayBuffers` after a collection, with the index loaded. */
  heapBytes: number | null;
  peakRssBytes: number;
  /** p50 and p95 over the whole query mix, then by kind. */
  queries: { kind: string; p50Ms: number; p95Ms: number }[];
  /** The slowest of three runs of each wide query (`19*`, `a* b* c*`, `x~2`). */
  wide: { query: string; ms: number }[];
  /** Editing one source until a search finds the new text (median). */
  sourceUpdateMs: number | null;
  /** With 5,000 annotations: one annotation created, edited, deleted until a search sees it (medians). */
  annotationMs: { create: number; edit: number; delete: number } | null;
  hits: number;
  notes: string[];
}

/** The messages between the PDF extraction worker and the thread that started it. */
import type { CleanedBody } from '../../../../core/clean/cleaned-body.ts';
import type { CslItem } from '../../../../core/corpus/model.ts';
import type { PageLabelSource } from '../../../../core/pdf/index.ts';
import type { WorkerMessage } from '../run-worker.ts';

/** What the worker is given: the file to read. */
export interface PdfWorkerInput {
  path: string;
}

/** Why the worker could not read a PDF. */
export type PdfFailure = 'encrypted' | 'damaged' | 'truncated' | 'not-pdf';

/** What a PDF gave: its cleaned body, its metadata, and how its pages were read. */
export interface PdfExtraction {
  body: CleanedBody;
  /** CSL variables the PDF states (information dictionary, XMP, DOI and journal lines). */
  found: Partial<CslItem>;
  pages: number;
  /** Page indexes (1-based) of pages without a text layer. */
  textless: number[];
  labelSource: PageLabelSource;
  /** The printed page of each PDF page (null where none is known), as the page milestones carry them. */
  pageLabels: (string | null)[];
  /** What a reader must know before citing a page, when the pages are not printed pages. */
  caveats: string[];
}

/** A message from the worker: pages done, the extraction, or why the PDF cannot be read. */
export type PdfWorkerMessage = WorkerMessage<{ done: number; total: number }, PdfExtraction, { failure: PdfFailure; detail: string }>;

/**
 * The PDF extraction worker: reads one PDF with pdf.js (its legacy build, the one that runs in
 * Node) page by page, lays each page out as soon as it is read (so only lines are kept, never a
 * page's items), reports progress after every page, and posts the assembled body at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractPdf } from './extract-pdf.ts';
import type { PdfWorkerInput, PdfWorkerMessage } from './pdf-protocol.ts';

const input = workerData as PdfWorkerInput;
const post = (message: PdfWorkerMessage): void => parentPort?.postMessage(message);

const outcome = await extractPdf(input.path, (done, total) => post({ type: 'progress', progress: { done, total } }));
post(outcome.ok ? { type: 'done', result: outcome.result } : { type: 'refused', refusal: { failure: outcome.failure, detail: outcome.detail } });

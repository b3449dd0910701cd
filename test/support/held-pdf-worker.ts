/**
 * The app's PDF extraction, held by the test: after each page it waits while a file named like the
 * PDF plus `.hold` exists, so a test can press Cancel (or read the progress) while the read is
 * certainly still running, however fast the machine. Cancel terminates this worker as it does the
 * app's own.
 */
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { extractPdf } from '../../electron/services/import/pdf/extract-pdf.ts';
import type { PdfWorkerInput, PdfWorkerMessage } from '../../electron/services/import/pdf/pdf-protocol.ts';

const input = workerData as PdfWorkerInput;
const post = (message: PdfWorkerMessage): void => parentPort?.postMessage(message);
const pause = new Int32Array(new SharedArrayBuffer(4));

const outcome = await extractPdf(input.path, (done, total) => {
  post({ type: 'progress', progress: { done, total } });
  while (existsSync(`${input.path}.hold`)) Atomics.wait(pause, 0, 0, 20);
});
post(outcome.ok ? { type: 'done', result: outcome.result } : { type: 'refused', refusal: { failure: outcome.failure, detail: outcome.detail } });

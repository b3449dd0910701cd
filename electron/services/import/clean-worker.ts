/**
 * The import worker for text files: reads, checks and cleans one file (`cleanImportFile`) off the
 * thread that asked, reporting each stage, and posts the result, or the refusal written for the
 * user. A crash (a stack overflow in a parser) ends the worker; the thread that started it says so.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cleanImportFile, type CleanedFile, type CleanFileInput, type CleanProgress } from './clean-file.ts';
import { ImportError } from './import-error.ts';
import type { CleanRefusal } from './clean-protocol.ts';
import { ConversionNeeded } from './read-import-file.ts';
import type { WorkerMessage } from './run-worker.ts';

const post = (message: WorkerMessage<CleanProgress, CleanedFile, CleanRefusal>, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(message, transfer);

try {
  const result = cleanImportFile(workerData as CleanFileInput, (progress) => post({ type: 'progress', progress }));
  // The cleaned text is moved to the thread that asked, not copied.
  post({ type: 'done', result }, [result.body.text.buffer as ArrayBuffer]);
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  post({ type: 'refused', refusal: { code: error.code, message: error.message, ...(error instanceof ConversionNeeded ? { encoding: error.encoding } : {}) } });
}

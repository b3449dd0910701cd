/** Finding the PDF worker's script (see `findWorkerFile`). */
import { findWorkerFile } from '../worker-file.ts';

/** The worker script to use when none is given, or undefined when none can be found. */
export function defaultPdfWorkerFile(): string | undefined {
  return findWorkerFile(typeof import.meta.url === 'string' ? import.meta.url : undefined, 'pdf-worker');
}

/**
 * The app's text cleaning worker, held by the test: at each stage (reading, then cleaning) it
 * reports the stage and then waits while a file named like the imported file plus `.hold-<stage>`
 * exists (`.hold-reading`, `.hold-cleaning`), and once a large page's cleaning is half done while
 * `.hold-cleaning-half` exists, so a test can press Cancel (or read the progress) while the import is certainly still running,
 * however fast the machine. The cleaning itself is the app's own; Cancel terminates this worker as
 * it does the app's.
 */
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { cleanImportFile, type CleanedFile, type CleanFileInput, type CleanProgress } from '../../electron/services/import/clean-file.ts';
import type { CleanRefusal } from '../../electron/services/import/clean-protocol.ts';
import { ImportError } from '../../electron/services/import/import-error.ts';
import type { WorkerMessage } from '../../electron/services/import/run-worker.ts';

const input = workerData as CleanFileInput;
const post = (message: WorkerMessage<CleanProgress, CleanedFile, CleanRefusal>, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(message, transfer);
const pause = new Int32Array(new SharedArrayBuffer(4));

try {
  const result = cleanImportFile(input, (progress) => {
    post({ type: 'progress', progress });
    // Held as a stage begins; a large page's cleaning also reports how far it has come, and is held at each report.
    while (existsSync(`${input.path}.hold-${progress.stage}`)) Atomics.wait(pause, 0, 0, 20);
    if ((progress.fraction ?? 0) >= 0.5) while (existsSync(`${input.path}.hold-cleaning-half`)) Atomics.wait(pause, 0, 0, 20);
  });
  post({ type: 'done', result }, [result.body.text.buffer as ArrayBuffer]);
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  post({ type: 'refused', refusal: { code: error.code, message: error.message } });
}

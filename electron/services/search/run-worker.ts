/** Running one batch of shard builds in a `worker_threads` Worker, off the calling thread. */
import { Worker } from 'node:worker_threads';
import { SearchServiceError } from './errors.ts';
import type { BuildJob, WorkerInput, WorkerMessage } from './worker-protocol.ts';

/** A running batch: its outcome, and a way to stop it early. */
export interface WorkerRun {
  /** Every job's message in job order; rejects with a `SearchServiceError` if the worker dies. */
  result: Promise<WorkerMessage[]>;
  /** Stops the worker; `result` then rejects. */
  stop(): Promise<void>;
}

/**
 * Starts a Worker on `workerFile` that builds `jobs` into `folder`, calling `onMessage` as each
 * job finishes. Nothing is indexed on the calling thread.
 */
export function runIndexWorker(
  workerFile: string | URL,
  folder: string,
  jobs: readonly BuildJob[],
  onMessage: (message: WorkerMessage) => void,
): WorkerRun {
  const input: WorkerInput = { folder, jobs: [...jobs] };
  const worker = new Worker(workerFile, { workerData: input });
  const messages: WorkerMessage[] = [];
  const result = new Promise<WorkerMessage[]>((resolve, reject) => {
    let failure: Error | undefined;
    worker.on('message', (message: WorkerMessage) => {
      messages.push(message);
      onMessage(message);
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (failure === undefined && code === 0 && messages.length === jobs.length) {
        resolve(messages);
        return;
      }
      const reason = failure?.message ?? `it stopped early (exit code ${code})`;
      reject(
        new SearchServiceError(
          'index-build-failed',
          `The search index could not be built: ${reason}. Searching uses what was indexed before.`,
        ),
      );
    });
  });
  return {
    result,
    stop: async () => {
      await worker.terminate();
    },
  };
}

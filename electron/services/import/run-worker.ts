/**
 * Running one import step in a worker thread, so the process that asked (the app's main process,
 * which also serves the window) never stalls: progress messages are passed on, the step is
 * stopped at once when its signal aborts or its time budget runs out, and every way the worker can
 * end settles the returned promise exactly once.
 */
import { type ResourceLimits, Worker } from 'node:worker_threads';

/** What a worker posts: progress, its result, or a refusal it explains itself. */
export type WorkerMessage<Progress, Result, Refusal> =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: Result }
  | { type: 'refused'; refusal: Refusal };

/** How one worker run reports, stops and fails. */
export interface WorkerRun<Progress, Refusal> {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Stop the worker after this many milliseconds; none by default. */
  timeoutMs?: number;
  /** The error for a refusal the worker posted. */
  refused: (refusal: Refusal) => Error;
  /** The error when the signal aborts. */
  cancelled: () => Error;
  /** The error when the time budget runs out. */
  timedOut?: () => Error;
  /** The error when the worker crashes or stops without an answer. */
  crashed: (detail: string) => Error;
  /** Limits of the worker's heap (`Worker`'s `resourceLimits`). */
  resourceLimits?: ResourceLimits;
}

/** Runs `file` with `data` in a worker thread and resolves to the result it posts. */
export function runWorker<Progress, Result, Refusal>(file: string, data: unknown, run: WorkerRun<Progress, Refusal>): Promise<Result> {
  if (run.signal?.aborted) return Promise.reject(run.cancelled());
  const worker = new Worker(file, { workerData: data, ...(run.resourceLimits ? { resourceLimits: run.resourceLimits } : {}) });
  return new Promise<Result>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const onAbort = (): void => settle(() => reject(run.cancelled()));
    run.signal?.addEventListener('abort', onAbort, { once: true });
    if (run.timeoutMs !== undefined) {
      const timedOut = run.timedOut ?? (() => run.crashed('it took too long'));
      timer = setTimeout(() => settle(() => reject(timedOut())), run.timeoutMs);
    }
    worker.on('message', (message: WorkerMessage<Progress, Result, Refusal>) => {
      if (message.type === 'progress') {
        if (!settled) run.onProgress?.(message.progress);
      } else if (message.type === 'done') {
        settle(() => resolve(message.result));
      } else {
        settle(() => reject(run.refused(message.refusal)));
      }
    });
    worker.on('error', (error) => settle(() => reject(run.crashed(error.message))));
    worker.on('exit', (code) => settle(() => reject(run.crashed(`the reader stopped early (exit code ${code})`))));
  });
}

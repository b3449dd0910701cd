/**
 * The index worker, seen from the service: a `worker_threads` Worker started on first use and
 * kept for later jobs (so editing one source does not pay for starting a thread), asked one
 * request at a time. It holds the process open only while it has work.
 */
import { Worker } from 'node:worker_threads';
import { SearchServiceError } from './errors.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'job'> : never) : never;

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
}

/** A persistent index worker; see the module comment. */
export class IndexWorker {
  readonly #file: string | URL;
  #worker: Worker | undefined;
  #next = 0;
  readonly #pending = new Map<number, Pending>();

  constructor(file: string | URL) {
    this.#file = file;
  }

  /** Sends a request; resolves with its reply, rejects with a `SearchServiceError` if the worker dies. */
  run(request: Request): Promise<WorkerReply> {
    const worker = this.#start();
    const job = this.#next++;
    const reply = new Promise<WorkerReply>((resolve, reject) => this.#pending.set(job, { resolve, reject }));
    worker.ref();
    worker.postMessage({ ...request, job } as WorkerRequest);
    return reply;
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#file);
    this.#worker = worker;
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.#pending.get(reply.job);
      this.#pending.delete(reply.job);
      if (this.#pending.size === 0) worker.unref();
      pending?.resolve(reply);
    });
    let failure: Error | undefined;
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = undefined;
      const reason = failure?.message ?? `it stopped (exit code ${code})`;
      const error = new SearchServiceError(
        'index-build-failed',
        `The search index could not be built: ${reason}. Searching uses what was indexed before.`,
      );
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
    return worker;
  }

  /** Stops the worker; pending requests reject. */
  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }
}

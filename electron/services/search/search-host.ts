/**
 * The search service as the app's main process uses it: the service itself runs in a thread of
 * its own (host-thread.ts), and this object only passes messages, so loading the index, running
 * queries and re-indexing an annotation never block the main process's event loop. Same calls
 * as `SearchService`, answered asynchronously.
 */
import { Worker } from 'node:worker_threads';
import type { AnnotationChange } from './annotation-index.ts';
import type { SearchAnnotationInput } from './annotation-input.ts';
import { SearchServiceError, type SearchServiceErrorCode } from './errors.ts';
import type { HostInput, HostMessage, HostRequest } from './host-protocol.ts';
import type { IndexProgress, IndexReport, IndexStatus, SearchResponse } from './search-service.ts';
import { defaultWorkerFile } from './worker-file.ts';

/** Options of a `SearchHost`. */
export interface SearchHostOptions {
  /** The search threads' script (`search-worker.cjs` when bundled). */
  workerFile?: string;
  snippetLength?: number;
  /** Told whenever the index's state changes. */
  onStatus?: (status: IndexStatus) => void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: IndexProgress) => void;
}

const SERVICE_CODES: readonly string[] = ['index-not-ready', 'index-build-failed', 'cache-unwritable'];

/** A `SearchService` in a thread of its own; see the module comment. */
export class SearchHost {
  readonly #worker: Worker;
  readonly #annotations: () => readonly SearchAnnotationInput[];
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  #exited = false;
  #status: IndexStatus = { phase: 'idle', searchable: 0, total: 0, indexed: { done: 0, total: 0 }, segments: [] };

  constructor(
    corpusFolder: string,
    cacheFolder: string,
    annotations: () => readonly SearchAnnotationInput[],
    options: SearchHostOptions = {},
  ) {
    this.#annotations = annotations;
    const workerFile = options.workerFile ?? defaultWorkerFile();
    if (workerFile === undefined) {
      throw new SearchServiceError('index-build-failed', 'The search index cannot be built: its worker script is missing from this installation.');
    }
    const input: HostInput = {
      role: 'search-host',
      corpusFolder,
      cacheFolder,
      workerFile,
      ...(options.snippetLength === undefined ? {} : { snippetLength: options.snippetLength }),
    };
    this.#worker = new Worker(workerFile, { workerData: input });
    this.#worker.unref();
    this.#worker.on('message', (message: HostMessage) => {
      if (message.type === 'status') {
        this.#status = message.status;
        options.onStatus?.(message.status);
        return;
      }
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      if (message.type === 'progress') {
        pending.onProgress?.(message.progress);
        return;
      }
      this.#settle(message.id);
      if (message.type === 'answer') pending.resolve(message.value);
      else {
        const code = SERVICE_CODES.includes(message.code) ? (message.code as SearchServiceErrorCode) : 'index-build-failed';
        pending.reject(new SearchServiceError(code, message.message));
      }
    });
    // A thread that dies of an uncaught error (its script missing from a broken installation, a
    // bug) emits 'error' before 'exit': without a listener that error would bring down the main
    // process. 'exit' then tells every waiting caller that search stopped.
    this.#worker.on('error', () => {});
    this.#worker.on('exit', () => {
      this.#exited = true;
      for (const pending of this.#pending.values()) {
        pending.reject(stopped());
      }
      this.#pending.clear();
    });
  }

  #settle(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  #ask<T>(request: HostRequest & { id: number }, onProgress?: (progress: IndexProgress) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // A thread that has stopped answers nothing: a question asked after it is refused at once.
      if (this.#exited) {
        reject(stopped());
        return;
      }
      this.#pending.set(request.id, { resolve: resolve as (value: unknown) => void, reject, ...(onProgress ? { onProgress } : {}) });
      this.#worker.ref();
      this.#worker.postMessage(request);
    });
  }

  /** As `SearchService.ready`; reads the annotations once, here, to hand them over. */
  ready(onProgress?: (progress: IndexProgress) => void): Promise<IndexReport> {
    return this.#ask({ type: 'ready', id: this.#next++, annotations: [...this.#annotations()] }, onProgress);
  }

  /** As `SearchService.search`, answered by the host thread. */
  search(query: string, options: { limit?: number; offset?: number } = {}): Promise<SearchResponse> {
    const { limit, offset } = options;
    return this.#ask({ type: 'search', id: this.#next++, query, ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) });
  }

  /**
   * As `SearchService.annotationsChanged`: with `change`, only those annotations cross over (a
   * message, nothing more on this thread); without, the whole list is read here and compared
   * there.
   */
  annotationsChanged(change?: AnnotationChange): void {
    const request: HostRequest = change ? { type: 'annotations', change } : { type: 'annotations', list: [...this.#annotations()] };
    this.#worker.postMessage(request);
  }

  /** The last state the host reported. */
  status(): IndexStatus {
    return this.#status;
  }

  /** Resolves once every update and background merge asked for so far has finished. */
  idle(): Promise<void> {
    return this.#ask({ type: 'idle', id: this.#next++ });
  }

  /** Stops the host and its index worker. */
  async close(): Promise<void> {
    try {
      await this.#ask({ type: 'close', id: this.#next++ });
    } catch {
      // Already gone.
    }
    await this.#worker.terminate();
  }
}

function stopped(): SearchServiceError {
  return new SearchServiceError('index-build-failed', 'The search index stopped working. Restart Apparatus to search again.');
}

import type { SearchProgress, SearchResults } from '../../../core/api.ts';
import { UserFacingError } from '../../errors.ts';
import type { AnnotationChange } from './annotation-index.ts';
import type { IndexProgress, IndexReport, IndexStatus, SearchResponse } from './search-service.ts';

/**
 * What `AppSearch` needs of a search service: a `SearchService` in this thread (tests, the
 * command line) or a `SearchHost` running one in a thread of its own (the app).
 */
export interface SearchBackend {
  ready(onProgress?: (progress: IndexProgress) => void): Promise<IndexReport>;
  search(query: string, options?: { limit?: number }): SearchResponse | Promise<SearchResponse>;
  annotationsChanged(change?: AnnotationChange): void;
  status(): IndexStatus;
  close(): Promise<void>;
}

/**
 * Search as the window uses it: the index is brought up to date in the background as soon as
 * the app starts (progress reported as it goes, per segment) and again whenever the corpus
 * changes; a query waits for the latest update, or, when the window asks for partial results,
 * is answered at once from what is searchable with a note saying so; annotation edits reach the
 * index at once.
 */
export class AppSearch {
  readonly #service: SearchBackend;
  readonly #onProgress: (progress: SearchProgress) => void;
  readonly #log: (error: unknown) => void;
  #ready: Promise<boolean>;
  #updating = true;
  #closed = false;

  constructor(service: SearchBackend, onProgress: (progress: SearchProgress) => void = () => {}, log: (error: unknown) => void = console.error) {
    this.#service = service;
    this.#onProgress = onProgress;
    this.#log = log;
    this.#ready = this.#update();
  }

  /**
   * Brings the index up to date with the corpus folder after a source was added or its file
   * rewritten (import, metadata edit); queries wait for it, so they find the new text.
   */
  corpusChanged(): void {
    this.#ready = this.#update();
  }

  #progress(done: number, total: number): SearchProgress {
    const status = this.#service.status();
    return {
      done,
      total,
      phase: status.phase,
      searchable: status.searchable,
      sources: status.total,
      segments: status.segments,
      ...(status.warning === undefined ? {} : { warning: status.warning }),
    };
  }

  #update(): Promise<boolean> {
    this.#updating = true;
    const run = this.#service
      .ready(({ done, total }) => this.#onProgress(this.#progress(done, total)))
      .then(() => {
        this.#onProgress(this.#progress(1, 1));
        return true;
      })
      .catch((error: unknown) => {
        // An update cut short by closing (the app quitting) is not a failure worth reporting.
        if (!this.#closed) this.#log(error);
        return false;
      });
    void run.then(() => {
      if (this.#ready === run) this.#updating = false;
    });
    return run;
  }

  /** Stops any index update in progress; later failures of it are not reported. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#service.close();
  }

  /**
   * Runs a query once the index is ready; with `partial`, at once while it is being loaded or
   * built, the results then carrying a `loading` note.
   */
  async query(query: string, limit: number, partial = false): Promise<SearchResults> {
    if (!(partial && this.#updating) && !(await this.#ready)) {
      throw new UserFacingError('internal', 'The search index could not be built. Restart Apparatus to try again.');
    }
    return this.#service.search(query, { limit });
  }

  /**
   * Re-indexes annotations after an annotation or tag action: with `change`, only those
   * annotations (created, edited or deleted); without, all of them are compared.
   */
  annotationsChanged(change?: AnnotationChange): void {
    void this.#ready.then((ok) => ok && this.#service.annotationsChanged(change)).catch(this.#log);
  }
}

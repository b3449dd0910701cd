import type { SearchProgress, SearchResults } from '../../../core/api.ts';
import { UserFacingError } from '../../errors.ts';
import type { SearchService } from './search-service.ts';

/**
 * Search as the window uses it: the index is brought up to date in the background as soon as
 * the app starts (progress reported as it goes) and again whenever the corpus changes, a query
 * waits for the latest update, and annotation edits reach the index at once.
 */
export class AppSearch {
  readonly #service: SearchService;
  readonly #onProgress: (progress: SearchProgress) => void;
  readonly #log: (error: unknown) => void;
  #ready: Promise<boolean>;
  #closed = false;

  constructor(service: SearchService, onProgress: (progress: SearchProgress) => void = () => {}, log: (error: unknown) => void = console.error) {
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

  #update(): Promise<boolean> {
    return this.#service
      .ready(({ done, total }) => this.#onProgress({ done, total }))
      .then(() => {
        this.#onProgress({ done: 1, total: 1 });
        return true;
      })
      .catch((error: unknown) => {
        // An update cut short by closing (the app quitting) is not a failure worth reporting.
        if (!this.#closed) this.#log(error);
        return false;
      });
  }

  /** Stops any index update in progress; later failures of it are not reported. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#service.close();
  }

  /** Runs a query once the index is ready. */
  async query(query: string, limit: number): Promise<SearchResults> {
    if (!(await this.#ready)) throw new UserFacingError('internal', 'The search index could not be built. Restart Apparatus to try again.');
    return this.#service.search(query, { limit });
  }

  /** Re-indexes the annotations (after any annotation or tag action). */
  annotationsChanged(): void {
    void this.#ready.then((ok) => ok && this.#service.annotationsChanged()).catch(this.#log);
  }
}

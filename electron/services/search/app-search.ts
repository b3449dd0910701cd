import type { SearchProgress, SearchResults, UnreadableSource } from '../../../core/api.ts';
import { describeUnreadable } from '../../../core/corpus/problem.ts';
import { DomainError } from '../../../core/errors.ts';
import type { ServiceEmitter } from '../events.ts';
import type { SearchService } from './search-service.ts';

/** What search as the window uses it needs besides the search service. */
export interface AppSearchOptions {
  /** The corpus files that cannot be read (so are not searched), as the corpus service last found them. */
  unreadable?: () => readonly UnreadableSource[];
  onProgress?: (progress: SearchProgress) => void;
  log?: (error: unknown) => void;
}

/**
 * Search as the window uses it: the index is brought up to date in the background as soon as
 * the app starts (progress reported as it goes) and again whenever the corpus changes, a query
 * waits for the latest update, and annotation edits reach the index at once. Every answer names
 * the sources that could not be searched, and why.
 */
export class AppSearch {
  readonly #service: SearchService;
  readonly #unreadable: () => readonly UnreadableSource[];
  readonly #onProgress: (progress: SearchProgress) => void;
  readonly #log: (error: unknown) => void;
  #ready: Promise<boolean>;
  #failed: string[] = [];
  #closed = false;

  constructor(service: SearchService, options: AppSearchOptions = {}) {
    this.#service = service;
    this.#unreadable = options.unreadable ?? (() => []);
    this.#onProgress = options.onProgress ?? (() => {});
    this.#log = options.log ?? console.error;
    this.#ready = this.#update();
  }

  /** Keeps the index in step with what the services announce; returns a function that stops it. */
  follow(events: ServiceEmitter): () => void {
    const stops = [
      events.on('corpus.changed', () => this.corpusChanged()),
      events.on('annotations.changed', () => this.annotationsChanged()),
      events.on('tags.changed', (change) => {
        if (change.annotations) this.annotationsChanged();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /**
   * Brings the index up to date with the corpus after a source was added, rewritten or removed;
   * queries wait for it, so they find the new text.
   */
  corpusChanged(): void {
    this.#ready = this.#update();
  }

  #update(): Promise<boolean> {
    return this.#service
      .ready(({ done, total }) => this.#onProgress({ done, total }))
      .then((report) => {
        this.#failed = report.failed.map((failure) => failure.message);
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

  /** Runs a query once the index is ready; the message names what could not be searched. */
  async query(query: string, limit?: number): Promise<SearchResults> {
    if (!(await this.#ready)) throw new DomainError('internal', 'The search index could not be built. Restart Apparatus to try again.');
    const result = this.#service.search(query, limit === undefined ? {} : { limit });
    const message = searchNotes(result.message, this.#unreadable(), this.#failed);
    return { ...result, ...(message === undefined ? {} : { message }) };
  }

  /** Re-indexes the annotations (after any annotation or tag action). */
  annotationsChanged(): void {
    void this.#ready.then((ok) => ok && this.#service.annotationsChanged()).catch(this.#log);
  }
}

/**
 * What to tell the searcher besides the hits: the note about the query, if any, then every
 * source that could not be searched and why (unreadable files, sources the index could not take).
 */
export function searchNotes(query: string | undefined, unreadable: readonly UnreadableSource[], failed: readonly string[]): string | undefined {
  const notes = [query, describeUnreadable(unreadable, 'searched'), ...failed].filter((note) => note !== undefined);
  return notes.length > 0 ? notes.join(' ') : undefined;
}

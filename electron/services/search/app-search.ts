import type { SearchProgress, SearchResults, UnreadableSource } from '../../../core/api.ts';
import { describeUnreadable } from '../../../core/corpus/problem.ts';
import { DomainError } from '../../../core/errors.ts';
import type { ServiceEmitter } from '../events.ts';
import type { AnnotationChange } from './annotation-index.ts';
import type { IndexProgress, IndexReport, IndexStatus, SearchResponse } from './search-service.ts';

/**
 * What `AppSearch` needs of a search service: a `SearchService` in this thread (tests, the
 * command line) or a `SearchHost` running one in a thread of its own (the app).
 */
export interface SearchBackend {
  ready(onProgress?: (progress: IndexProgress) => void): Promise<IndexReport>;
  search(query: string, options?: { limit?: number; offset?: number }): SearchResponse | Promise<SearchResponse>;
  annotationsChanged(change?: AnnotationChange): void;
  status(): IndexStatus;
  close(): Promise<void>;
}

/** What search as the window uses it needs besides the search service. */
export interface AppSearchOptions {
  /**
   * The annotations `ids` as search takes them, read after they were created, edited or deleted;
   * without it every annotation change compares the whole list.
   */
  annotationChange?: (ids: readonly string[]) => AnnotationChange;
  onProgress?: (progress: SearchProgress) => void;
  log?: (error: unknown) => void;
}

/**
 * Search as the window uses it: the index is brought up to date in the background as soon as
 * the app starts (progress reported as it goes, per segment) and again whenever the corpus
 * changes; a query waits for the latest update, or, when the window asks for partial results,
 * is answered at once from what is searchable with a note saying so; annotation edits reach the
 * index at once. Every answer names the sources that could not be searched, and why.
 */
export class AppSearch {
  readonly #service: SearchBackend;
  readonly #annotationChange: ((ids: readonly string[]) => AnnotationChange) | undefined;
  readonly #onProgress: (progress: SearchProgress) => void;
  readonly #log: (error: unknown) => void;
  #ready: Promise<boolean>;
  #updating = true;
  #unreadable: readonly UnreadableSource[] = [];
  #failed: string[] = [];
  #closed = false;
  #last: SearchProgress | null = null;

  constructor(service: SearchBackend, options: AppSearchOptions = {}) {
    this.#service = service;
    this.#annotationChange = options.annotationChange;
    const onProgress = options.onProgress ?? (() => {});
    this.#onProgress = (progress) => {
      this.#last = progress;
      onProgress(progress);
    };
    this.#log = options.log ?? console.error;
    this.#ready = this.#update();
  }

  /**
   * Keeps the index in step with what the services announce: annotation edits update those
   * annotations alone, tag actions that change what annotations say compare them all, corpus
   * changes bring the index up to date. Returns a function that stops it.
   */
  follow(events: ServiceEmitter): () => void {
    const stops = [
      events.on('corpus.changed', () => this.corpusChanged()),
      events.on('annotations.changed', ({ ids }) => this.annotationsChanged(this.#annotationChange?.(ids))),
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

  /**
   * Tells the window of a change of the index's state that no source built marks: a segment
   * loaded or merged, a phase begun or ended, the cache found unwritable.
   */
  statusChanged(status: IndexStatus): void {
    const idle = status.phase === 'idle';
    this.#onProgress(progressOf(status, idle ? 1 : status.indexed.done, idle ? 1 : status.indexed.total));
  }

  #progress(done: number, total: number): SearchProgress {
    return progressOf(this.#service.status(), done, total);
  }

  #update(): Promise<boolean> {
    this.#updating = true;
    const run = this.#service
      .ready(({ done, total }) => this.#onProgress(this.#progress(done, total)))
      .then((report) => {
        this.#unreadable = report.unreadable ?? [];
        this.#failed = report.failed.map((failure) => failure.message);
        this.#onProgress(this.#progress(1, 1));
        return true;
      })
      .catch((error: unknown) => {
        // After close, an interrupted build is expected, not a failure worth reporting.
        if (!this.#closed) this.#log(error);
        return false;
      });
    void run.then(() => {
      if (this.#ready === run) this.#updating = false;
    });
    return run;
  }

  /** The last progress reported (null before any): a window opened meanwhile shows it. */
  progress(): SearchProgress | null {
    return this.#last;
  }

  /** Stops any index update in progress; later failures of it are not reported. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#service.close();
  }

  /**
   * Runs a query once the index is ready; with `partial`, at once while it is being loaded or
   * built, the results then carrying a `loading` note. The message names what could not be
   * searched. With `offset`, the hits after the first `offset` (the next page of a long answer).
   */
  async query(query: string, limit?: number, partial = false, offset?: number): Promise<SearchResults> {
    if (!(partial && this.#updating) && !(await this.#ready)) {
      throw new DomainError('internal', 'The search index could not be built. Restart Apparatus to try again.');
    }
    const result = await this.#service.search(query, { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) });
    const message = searchNotes(result.message, this.#unreadable, this.#failed);
    return { ...result, ...(message === undefined ? {} : { message }) };
  }

  /**
   * Re-indexes annotations after an annotation or tag action: with `change`, only those
   * annotations (created, edited or deleted); without, all of them are compared.
   */
  annotationsChanged(change?: AnnotationChange): void {
    void this.#ready.then((ok) => ok && this.#service.annotationsChanged(change)).catch(this.#log);
  }
}

/** The index's state as the window's progress display shows it. */
function progressOf(status: IndexStatus, done: number, total: number): SearchProgress {
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

/**
 * What to tell the searcher besides the hits: the note about the query, if any, then every
 * source that could not be searched and why (unreadable files, sources the index could not take).
 */
export function searchNotes(query: string | undefined, unreadable: readonly UnreadableSource[], failed: readonly string[]): string | undefined {
  const notes = [query, describeUnreadable(unreadable, 'searched'), ...failed].filter((note) => note !== undefined);
  return notes.length > 0 ? notes.join(' ') : undefined;
}

/**
 * The search service of the main process: one cached shard per source, built off-thread in a
 * worker when stale, plus an in-memory annotation shard rebuilt whenever annotations change.
 * Cache layout and invalidation rules: README.md beside this file.
 */
import { readFileSync, rmSync } from 'node:fs';
import {
  buildShard,
  documentsForAnnotations,
  loadShards,
  search,
  SEARCH_PIPELINE_VERSION,
  updateShards,
  type LoadResult,
  type SearchShards,
} from '../../../core/search/index.ts';
import type { SearchAnnotationInput } from './annotation-input.ts';
import { sourceShardId } from './build-shard-file.ts';
import { listShardFiles, removeOtherVersions, shardFile, versionFolder } from './cache-layout.ts';
import type { CorpusFile, SearchCorpus } from '../corpus-service.ts';
import { toHitView, type SearchHitView } from './display-hit.ts';
import { SearchServiceError } from './errors.ts';
import { runIndexWorker, type WorkerRun } from './run-worker.ts';
import { defaultWorkerFile } from './worker-file.ts';

/** Options of a `SearchService`; every one has a default. */
export interface SearchServiceOptions {
  /** The index worker script; required when the service runs from a CommonJS bundle. */
  workerFile?: string | URL;
  /** Length of result excerpts in characters (default 160). */
  snippetLength?: number;
  /** Where to report sources that could not be indexed (default `console.warn`). */
  log?: (message: string) => void;
}

/** Progress of an index build: `done` of `total` stale shards, the last one being `sourceId`. */
export interface IndexProgress {
  done: number;
  total: number;
  sourceId: string;
}

/** What `ready` did, by source id. */
export interface IndexReport {
  /** Shards built in the worker because they were missing or stale. */
  built: string[];
  /** Shards taken from memory or from the disk cache. */
  reused: string[];
  /** Shards dropped because their source left the corpus. */
  removed: string[];
  /** Sources that could not be indexed, with the reason. */
  failed: { sourceId: string; message: string }[];
}

/** Search results for display, with the total number of matching passages. */
export interface SearchResponse {
  hits: SearchHitView[];
  total: number;
  /** What to tell the user about the query (e.g. a part that was ignored). */
  message?: string;
}

const ANNOTATION_SHARD = 'annotations';

/** Keeps the corpus searchable: see the module comment. One instance per corpus and cache. */
export class SearchService {
  readonly #cacheFolder: string;
  readonly #annotationSource: () => readonly SearchAnnotationInput[];
  readonly #options: SearchServiceOptions;
  readonly #corpus: SearchCorpus;
  #shards: SearchShards = loadShards([]).shards;
  /** Source id → content hash of the shard in `#shards`. */
  readonly #loaded = new Map<string, string>();
  #files = new Map<string, CorpusFile>();
  #annotations = new Map<string, SearchAnnotationInput>();
  #isReady = false;
  #queue: Promise<unknown> = Promise.resolve();
  #running: WorkerRun | undefined;

  constructor(
    corpus: SearchCorpus,
    cacheFolder: string,
    annotations: () => readonly SearchAnnotationInput[],
    options: SearchServiceOptions = {},
  ) {
    this.#cacheFolder = cacheFolder;
    this.#annotationSource = annotations;
    this.#options = options;
    this.#corpus = corpus;
  }

  /**
   * Brings the index up to date with the corpus folder: reuses shards whose source is unchanged,
   * builds missing or stale ones in a Worker (reporting progress after each), drops those of
   * deleted sources. Calls run one after another. Rejects with a `SearchServiceError` only when
   * the corpus cannot be read or the worker dies; a single bad source is reported in `failed`.
   */
  ready(onProgress?: (progress: IndexProgress) => void): Promise<IndexReport> {
    const run = this.#queue.then(() => this.#refresh(onProgress));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Re-reads the annotations and re-indexes them at once (on this thread: they are small). */
  annotationsChanged(): void {
    const list = this.#annotationSource();
    this.#annotations = new Map(list.map((annotation) => [annotation.id, annotation]));
    const result =
      list.length === 0
        ? updateShards(this.#shards, [], [ANNOTATION_SHARD])
        : updateShards(this.#shards, [
            buildShard(documentsForAnnotations(list), { id: ANNOTATION_SHARD }),
          ]);
    this.#shards = result.shards;
  }

  /**
   * Runs a query (syntax of core/search/query.ts) over every source and annotation; hits come in
   * the engine's order with excerpts and page labels. Throws `index-not-ready` before the first
   * `ready` has finished.
   */
  search(query: string, options: { limit?: number } = {}): SearchResponse {
    if (!this.#isReady) {
      throw new SearchServiceError(
        'index-not-ready',
        'The search index is still being prepared; please try again in a moment.',
      );
    }
    const result = search(this.#shards, query, options);
    const snippetLength = this.#options.snippetLength ?? 160;
    const hits = result.hits.map((hit) =>
      toHitView(hit, {
        source: this.#corpus.source(hit.sourceId),
        annotation: hit.annotationId === undefined ? undefined : this.#annotations.get(hit.annotationId),
        snippetLength,
      }),
    );
    return { hits, total: result.total, ...(result.message === undefined ? {} : { message: result.message }) };
  }

  /** Stops a build in progress; the index keeps what it had. */
  async close(): Promise<void> {
    await this.#running?.stop();
  }

  async #refresh(onProgress?: (progress: IndexProgress) => void): Promise<IndexReport> {
    const folder = versionFolder(this.#cacheFolder, SEARCH_PIPELINE_VERSION);
    removeOtherVersions(this.#cacheFolder, folder);
    const files = await this.#corpus.scan();
    this.#files = new Map(files.map((file) => [file.sourceId, file]));
    const report: IndexReport = { built: [], reused: [], removed: [], failed: [] };

    const removeIds: string[] = [];
    for (const sourceId of [...this.#loaded.keys()]) {
      if (this.#files.has(sourceId)) continue;
      this.#loaded.delete(sourceId);
      removeIds.push(sourceShardId(sourceId));
      report.removed.push(sourceId);
    }
    for (const cached of listShardFiles(folder)) {
      const current = this.#files.get(cached.sourceId);
      if (current?.hash === cached.hash) continue;
      rmSync(cached.file, { force: true });
      if (!current && !report.removed.includes(cached.sourceId)) report.removed.push(cached.sourceId);
    }

    const fromDisk: { file: CorpusFile; shard: unknown }[] = [];
    const stale: CorpusFile[] = [];
    for (const file of files) {
      if (this.#loaded.get(file.sourceId) === file.hash) report.reused.push(file.sourceId);
      else {
        const shard = readShard(shardFile(folder, file.sourceId, file.hash), file.sourceId);
        if (shard === undefined) stale.push(file);
        else fromDisk.push({ file, shard });
      }
    }
    let result = updateShards(this.#shards, fromDisk.map((entry) => entry.shard), removeIds);
    const rejected = new Set(result.rejected.map((shard) => shard.id));
    for (const { file } of fromDisk) {
      if (rejected.has(sourceShardId(file.sourceId))) {
        rmSync(shardFile(folder, file.sourceId, file.hash), { force: true });
        stale.push(file);
      } else {
        this.#loaded.set(file.sourceId, file.hash);
        report.reused.push(file.sourceId);
      }
    }
    if (stale.length > 0) result = await this.#build(folder, stale, result, report, onProgress);
    this.#shards = result.shards;
    this.annotationsChanged();
    this.#isReady = true;
    return report;
  }

  async #build(
    folder: string,
    stale: readonly CorpusFile[],
    current: LoadResult,
    report: IndexReport,
    onProgress?: (progress: IndexProgress) => void,
  ): Promise<LoadResult> {
    const workerFile = this.#options.workerFile ?? defaultWorkerFile();
    if (workerFile === undefined) {
      throw new SearchServiceError(
        'index-build-failed',
        'The search index cannot be built: its worker script is missing from this installation.',
      );
    }
    let done = 0;
    const jobs = stale.map(({ sourceId, file }) => ({ sourceId, file }));
    const run = runIndexWorker(workerFile, folder, jobs, (message) => {
      done += 1;
      onProgress?.({ done, total: jobs.length, sourceId: message.sourceId });
    });
    this.#running = run;
    try {
      const messages = await run.result;
      const add: unknown[] = [];
      const drop: string[] = [];
      for (const message of messages) {
        const shard = message.type === 'built' ? readShard(message.file, message.sourceId) : undefined;
        if (message.type === 'built' && shard !== undefined) {
          add.push(shard);
          this.#loaded.set(message.sourceId, message.hash);
          report.built.push(message.sourceId);
        } else {
          const reason = message.type === 'failed' ? message.message : `${message.sourceId} was not indexed.`;
          (this.#options.log ?? console.warn)(reason);
          report.failed.push({ sourceId: message.sourceId, message: reason });
          // An older shard would point at passages that no longer exist.
          this.#loaded.delete(message.sourceId);
          drop.push(sourceShardId(message.sourceId));
        }
      }
      return updateShards(current.shards, add, drop);
    } finally {
      this.#running = undefined;
    }
  }
}

/** A cached shard file's JSON, or undefined when it is missing, unreadable or not this source's. */
function readShard(file: string, sourceId: string): unknown {
  try {
    const shard: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const id = typeof shard === 'object' && shard !== null && 'id' in shard ? shard.id : undefined;
    return id === sourceShardId(sourceId) ? shard : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The search service: the library as a few Lunr segments on disk (built and merged in a worker,
 * tiered as Lucene does), plus the annotations in memory, changed incrementally. Searching never
 * depends on the cache: a segment that cannot be saved is searched from memory, a damaged one is
 * rebuilt, and the user is told when the cache could not be written. Layout, rules and the
 * reasons for them: README.md beside this file.
 */
import { rmSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { UnreadableSource } from '../../../core/api.ts';
import {
  assemble,
  decodeSegment,
  encodeSegment,
  loadedShard,
  mergeSegments,
  planMerges,
  reconcileSources,
  search,
  SEARCH_PIPELINE_VERSION,
  SearchIndexError,
  segmentBytes,
  type LoadedShard,
  type MergePolicy,
  type SearchResult,
  type SearchShards,
  type StoredSegment,
} from '../../../core/search/index.ts';
import { AnnotationIndex, type AnnotationChange } from './annotation-index.ts';
import type { SearchAnnotationInput } from './annotation-input.ts';
import { cacheWriteProblem, listCache, removeAbandonedTemporaries, removeOtherVersions, versionFolder } from './cache-layout.ts';
import { CorpusService, type CorpusFile, type SearchCorpus } from '../corpus-service.ts';
import { toHitView, type SearchHitView } from './display-hit.ts';
import { SearchServiceError } from './errors.ts';
import { IndexWorker } from './run-worker.ts';
import { decodeSegmentFile } from './segment-file.ts';
import { defaultWorkerFile } from './worker-file.ts';
import type { WorkerReply } from './worker-protocol.ts';

/** Options of a `SearchService`; every one has a default. */
export interface SearchServiceOptions {
  /** The index worker script; required when the service runs from a CommonJS bundle. */
  workerFile?: string | URL;
  /** Length of result excerpts in characters (default 160). */
  snippetLength?: number;
  /** Where to report sources that could not be indexed (default `console.warn`). */
  log?: (message: string) => void;
  /** The tiered merge policy's settings (tests lower the factor to see merges on a few sources). */
  mergePolicy?: MergePolicy;
  /** Told whenever the index's state changes: progress, segments, cache problems. */
  onStatus?: (status: IndexStatus) => void;
}

/** Progress of an index build: `done` of `total` sources to index, the last one being `sourceId`. */
export interface IndexProgress {
  done: number;
  total: number;
  sourceId: string;
}

/** What `ready` did, by source id. */
export interface IndexReport {
  /** Sources indexed in the worker because no segment held their current text. */
  built: string[];
  /** Sources served by segments in memory or in the cache. */
  reused: string[];
  /** Sources that left the corpus since they were indexed. */
  removed: string[];
  /** Sources that could not be indexed, with the reason. */
  failed: { sourceId: string; message: string }[];
  /** Source files that cannot be read or parsed, so are not searched: what is wrong and how to repair it (given when there are any). */
  unreadable?: UnreadableSource[];
  /** Set when the cache could not be written: searching works, the next start indexes again. */
  warning?: string;
}

/** One segment as the status shows it. */
export interface SegmentStatus {
  id: string;
  sources: number;
  documents: number;
  /** Documents masked (edited or removed sources, changed annotations) until a merge drops them. */
  masked: number;
  bytes: number;
  kind: 'sources' | 'annotations';
}

/** The state of the index: what is searchable, what is being done, and the segments. */
export interface IndexStatus {
  phase: 'idle' | 'loading' | 'indexing' | 'merging';
  /** Sources searchable so far, of the sources in the corpus. */
  searchable: number;
  total: number;
  /** Sources indexed in the current run, of those that need it. */
  indexed: { done: number; total: number };
  segments: SegmentStatus[];
  warning?: string;
}

/** Search results for display, with the total number of matching passages. */
export interface SearchResponse {
  hits: SearchHitView[];
  total: number;
  /** What to tell the user about the query (e.g. a part that was ignored). */
  message?: string;
  /** When nothing matched: queries with the nearest spellings in the library, best first. */
  suggestions?: string[];
  /** While the library is still being loaded or indexed: results cover part of it. */
  loading?: { done: number; total: number; message: string };
  /** The cache could not be written (results are complete). */
  warning?: string;
}

/** The files a segment in memory was read from (each with the sources it holds), or its bytes. */
interface Kept {
  files: { file: string; sources: string[] }[];
  /** The bytes of a segment that is in no file (the cache could not be written). */
  stored?: StoredSegment;
}

// While indexing, what is searchable is republished at most this often.
const PUBLISH_INTERVAL_MS = 200;
// Parsed sources a search thread keeps for excerpts and page labels; a query shows few sources at a time.
const PARSED_LIMIT = 64;
const DEFAULT_FACTOR = 10;
// Segments smaller than this are searched as one segment in memory, while on disk each stays in
// its own file (so editing a source replaces one small file).
const DEFAULT_FLOOR = 256 * 1024;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * The corpus as a search thread of its own reads it: the corpus service's class and rules over
 * the same folder, keeping only the few parsed sources a query shows.
 */
export function searchCorpus(folder: string): CorpusService {
  return new CorpusService(folder, undefined, { keepParsed: PARSED_LIMIT });
}

/** Keeps the corpus searchable: see the module comment. One instance per corpus and cache. */
export class SearchService {
  readonly #cacheFolder: string;
  readonly #annotationSource: () => readonly SearchAnnotationInput[];
  readonly #options: SearchServiceOptions;
  readonly #corpus: SearchCorpus;
  readonly #annotations = new AnnotationIndex();
  #sourceShards: LoadedShard[] = [];
  readonly #kept = new Map<string, Kept>();
  #current = new Map<string, string>();
  #files = new Map<string, CorpusFile>();
  #served = new Set<string>();
  #shards: SearchShards = assemble([]);
  #loading: { done: number; total: number } | undefined;
  #indexed = { done: 0, total: 0 };
  #phase: IndexStatus['phase'] = 'idle';
  #warning: string | undefined;
  #writable = true;
  #started = false;
  #closed = false;
  #lastPublish = 0;
  #combined = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #merging: Promise<void> | undefined;
  #annotationMerge: ReturnType<typeof setTimeout> | undefined;
  readonly #workers: IndexWorker[] = [];

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
   * Brings the index up to date with the corpus folder: loads the cached segments, indexes in
   * the worker the sources no segment holds in their current text (reporting progress after
   * each), masks edited and removed ones, then merges segments in the background. Calls run
   * one after another; queries meanwhile are answered from what is loaded, with a note. Rejects
   * with a `SearchServiceError` only when the corpus cannot be read or the worker dies; a
   * single bad source is reported in `failed`.
   */
  ready(onProgress?: (progress: IndexProgress) => void): Promise<IndexReport> {
    this.#started = true;
    // Until the update has looked at the corpus, what is searchable is what was before.
    if (this.#loading === undefined) {
      this.#loading = { done: this.#served.size, total: Math.max(this.#served.size, this.#current.size) };
      this.#shards = assemble([...this.#sourceShards, ...this.#annotations.shards], this.#loading);
    }
    const run = this.#queue.then(() => this.#refresh(onProgress));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every update and background merge asked for so far has finished. */
  async idle(): Promise<void> {
    for (;;) {
      await this.#queue;
      const merging = this.#merging;
      if (!merging) return;
      await merging;
    }
  }

  /**
   * Brings the annotations' index up to date, incrementally: with `change`, exactly those
   * annotations; without, the list read from the annotation source is compared with the
   * current one. Runs on this thread and costs about one annotation's indexing per change.
   */
  annotationsChanged(change?: AnnotationChange): void {
    const applied = this.#annotations.apply(change ?? this.#annotations.diff(this.#annotationSource()));
    if (!applied) return;
    this.#publish(true);
    if (this.#annotations.needsMerge() && this.#annotationMerge === undefined) {
      this.#annotationMerge = setTimeout(() => {
        this.#annotationMerge = undefined;
        this.#annotations.merge();
        this.#publish(true);
      }, 0);
      this.#annotationMerge.unref?.();
    }
  }

  /** The current state of the index (segments, progress, cache warning). */
  status(): IndexStatus {
    const segments: SegmentStatus[] = [
      ...this.#sourceShards.map((shard) => segmentStatus(shard, 'sources')),
      ...this.#annotations.shards.map((shard) => segmentStatus(shard, 'annotations')),
    ];
    return {
      phase: this.#phase,
      searchable: this.#loading?.done ?? this.#served.size,
      total: this.#loading?.total ?? this.#current.size,
      indexed: { ...this.#indexed },
      segments,
      ...(this.#warning === undefined ? {} : { warning: this.#warning }),
    };
  }

  /**
   * Runs a query (syntax of core/search/query.ts) over every source and annotation; hits come in
   * the engine's order with excerpts and page labels. Throws `index-not-ready` before the first
   * `ready` was asked for; while it runs, answers from what is searchable so far, with a note.
   */
  search(query: string, options: { limit?: number; offset?: number } = {}): SearchResponse {
    const result = this.searchHits(query, options);
    const snippetLength = this.#options.snippetLength ?? 160;
    const hits = result.hits.map((hit) =>
      toHitView(hit, {
        source: this.#corpus.source(hit.sourceId),
        annotation: hit.annotationId === undefined ? undefined : this.#annotations.get(hit.annotationId),
        snippetLength,
      }),
    );
    const loading = result.loading;
    return {
      hits,
      total: result.total,
      ...(result.message === undefined ? {} : { message: result.message }),
      ...(result.suggestions === undefined ? {} : { suggestions: result.suggestions }),
      ...(loading === undefined
        ? {}
        : {
            loading: {
              ...loading,
              message:
                loading.total === 0
                  ? 'The library is still being indexed: results will appear as it goes, and be complete when it is done.'
                  : `Still indexing the library: ${loading.done.toLocaleString('en')} of ${loading.total.toLocaleString('en')} sources are searched so far. The results will be complete when it is done.`,
            },
          }),
      ...(this.#warning === undefined ? {} : { warning: this.#warning }),
    };
  }

  /**
   * The engine's answer alone: ranked hits with their ranges, without excerpts or page labels
   * (which read the sources). For callers that need only where the passages are.
   */
  searchHits(query: string, options: { limit?: number; offset?: number } = {}): SearchResult {
    if (!this.#started) {
      throw new SearchServiceError('index-not-ready', 'The search index is still being prepared; please try again in a moment.');
    }
    return search(this.#shards, query, options);
  }

  /** Stops indexing and merging; the index keeps what it had. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#annotationMerge !== undefined) clearTimeout(this.#annotationMerge);
    await Promise.all(this.#workers.map((worker) => worker.stop()));
  }

  // -------------------------------------------------------------------------------------------

  /**
   * The index workers, started on first use: the first does merges and small builds; a bulk
   * build also uses up to two more where there are cores to spare (one is left for the app).
   */
  #workersFor(count: number): IndexWorker[] {
    const wanted = Math.max(1, Math.min(count, 3, availableParallelism() - 1));
    while (this.#workers.length < wanted) this.#workers.push(this.#newWorker());
    return this.#workers.slice(0, wanted);
  }

  #workerOrThrow(): IndexWorker {
    return this.#workersFor(1)[0] as IndexWorker;
  }

  #newWorker(): IndexWorker {
    const file = this.#options.workerFile ?? defaultWorkerFile();
    if (file === undefined) {
      throw new SearchServiceError(
        'index-build-failed',
        'The search index cannot be built: its worker script is missing from this installation.',
      );
    }
    return new IndexWorker(file);
  }

  #warn(message: string): void {
    if (this.#warning === undefined) (this.#options.log ?? console.warn)(message);
    this.#warning = message;
  }

  #tryDelete(file: string | undefined): void {
    if (file === undefined || !this.#writable) return;
    try {
      rmSync(file, { force: true });
    } catch {
      // A file that cannot be deleted is masked or superseded all the same.
    }
  }

  /**
   * Masks what the corpus no longer has, drops empty segments, and deletes every file none of
   * whose sources is served any more (a source's older text, a removed source).
   */
  #reconcile(): string[] {
    const { shards, dead, missing } = reconcileSources(this.#sourceShards, this.#current);
    this.#sourceShards = shards;
    for (const id of dead) {
      for (const { file } of this.#kept.get(id)?.files ?? []) this.#tryDelete(file);
      this.#kept.delete(id);
    }
    for (const shard of shards) {
      const kept = this.#kept.get(shard.id);
      if (!kept) continue;
      const served = new Set(shard.liveSources.map((source) => source.id));
      const [live, gone] = partition(kept.files, ({ sources }) => sources.some((id) => served.has(id)));
      if (gone.length === 0) continue;
      for (const { file } of gone) this.#tryDelete(file);
      this.#kept.set(shard.id, { ...kept, files: live });
    }
    return missing;
  }

  /** Searches the segments below the floor as one: fewer segments for every query to visit. */
  #combineSmall(): void {
    const floor = this.#options.mergePolicy?.floorBytes ?? DEFAULT_FLOOR;
    const small = this.#sourceShards.filter((shard) => segmentBytes(shard.segment) < floor);
    if (small.length < 2) return;
    const combined = loadedShard(mergeSegments(small, `memory.${this.#combined++}`));
    const ids = new Set(small.map((shard) => shard.id));
    const files = small.flatMap((shard) => this.#kept.get(shard.id)?.files ?? []);
    this.#sourceShards = this.#sourceShards.filter((shard) => !ids.has(shard.id));
    for (const id of ids) this.#kept.delete(id);
    this.#add(combined, { files });
    this.#reconcile();
  }

  #publish(force = false): void {
    const now = Date.now();
    if (!force && now - this.#lastPublish < PUBLISH_INTERVAL_MS) return;
    this.#lastPublish = now;
    if (this.#loading) {
      const served = new Set(this.#sourceShards.flatMap((shard) => shard.liveSources.map((source) => source.id)));
      this.#loading = { done: [...this.#current.keys()].filter((id) => served.has(id)).length, total: this.#current.size };
    }
    this.#shards = assemble([...this.#sourceShards, ...this.#annotations.shards], this.#loading);
    this.#options.onStatus?.(this.status());
  }

  #add(shard: LoadedShard, kept: Kept): void {
    this.#sourceShards = [...this.#sourceShards.filter((known) => known.id !== shard.id), shard];
    this.#kept.set(shard.id, kept);
  }

  #setFiles(files: readonly CorpusFile[]): void {
    this.#files = new Map(files.map((file) => [file.sourceId, file]));
    this.#current = new Map(files.map((file) => [file.sourceId, file.hash]));
  }

  async #refresh(onProgress?: (progress: IndexProgress) => void): Promise<IndexReport> {
    const folder = versionFolder(this.#cacheFolder, SEARCH_PIPELINE_VERSION);
    // A cache that could not be written before (a full disk since cleared) is tried again.
    this.#warning = undefined;
    try {
      await mkdir(folder, { recursive: true });
      this.#writable = true;
    } catch (error) {
      this.#writable = false;
      this.#warn(cacheWriteProblem(folder, error));
    }
    if (this.#writable) {
      removeOtherVersions(this.#cacheFolder, folder);
      removeAbandonedTemporaries(folder);
    }
    // The files and their hashes first, none parsed: the cached segments hold most sources at
    // their current bytes, parsed when they were indexed, and parsing a large library costs seconds.
    this.#setFiles(await this.#corpus.scan({ check: () => false }));
    const previouslyServed = this.#served;
    const removed = new Set<string>();
    this.#phase = 'loading';
    this.#loading = { done: 0, total: this.#current.size };
    this.#publish(true);

    await this.#loadCache(folder, removed);
    // Whatever the cache held is searchable from now on, however fast it loaded.
    this.#publish(true);
    // Only what no segment holds is parsed, by the corpus's own rules: a file that cannot be
    // read leaves the corpus as search sees it, and is reported.
    const unheld = new Set(this.#reconcile());
    this.#setFiles(await this.#corpus.scan({ check: (id, hash) => unheld.has(id) || this.#current.get(id) !== hash }));
    const missing = this.#reconcile();
    for (const id of previouslyServed) if (!this.#current.has(id)) removed.add(id);

    const needed = new Set(missing);
    const report: IndexReport = {
      built: [],
      reused: [...this.#current.keys()].filter((id) => !needed.has(id)).sort(),
      removed: [...removed].filter((id) => !this.#current.has(id)).sort(),
      failed: [],
    };
    const unreadable = this.#corpus.unreadable();
    if (unreadable.length > 0) report.unreadable = unreadable;
    if (missing.length > 0) await this.#build(folder, missing, report, onProgress);
    this.#served = new Set([...this.#current.keys()].filter((id) => !report.failed.some((f) => f.sourceId === id)));
    this.annotationsChanged();
    this.#loading = undefined;
    this.#phase = 'idle';
    this.#publish(true);
    this.#scheduleMerges(folder);
    return this.#warning === undefined ? report : { ...report, warning: this.#warning };
  }

  /**
   * Loads the segment files not yet in memory, answering queries as they come in. A file that
   * vanished meanwhile was merged away by another process: the folder is listed again (a few
   * times at most) to read its successor instead of indexing its sources again.
   */
  async #loadCache(folder: string, removed: Set<string>): Promise<void> {
    for (let pass = 0; pass < 3; pass += 1) {
      if (!(await this.#loadListed(folder, removed))) return;
    }
  }

  /** One pass of `#loadCache`; true when a listed file had vanished. */
  async #loadListed(folder: string, removed: Set<string>): Promise<boolean> {
    let vanished = false;
    const known = new Set([...this.#kept.values()].flatMap((kept) => kept.files.map(({ file }) => file)));
    for (const entry of listCache(folder)) {
      if (entry.kind === 'temporary' || known.has(entry.file)) continue;
      if (entry.kind === 'source' && this.#current.get(entry.sourceId) !== entry.hash) {
        // A source's own segment of an older text, or of a source that left: never needed again.
        if (!this.#current.has(entry.sourceId)) removed.add(entry.sourceId);
        this.#tryDelete(entry.file);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(entry.file);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') vanished = true;
        else this.#tryDelete(entry.file);
        continue;
      }
      let shard: LoadedShard;
      try {
        shard = loadedShard(decodeSegmentFile(bytes));
      } catch (error) {
        if (!(error instanceof SearchIndexError)) throw error;
        this.#tryDelete(entry.file);
        continue;
      }
      for (const source of shard.segment.sources) if (!this.#current.has(source.id)) removed.add(source.id);
      this.#add(shard, { files: [{ file: entry.file, sources: shard.segment.sources.map((source) => source.id) }] });
      this.#reconcile();
      this.#publish();
    }
    return vanished;
  }

  /** Indexes the missing sources in the worker: one segment each, or ten at a time in bulk. */
  async #build(
    folder: string,
    missing: readonly string[],
    report: IndexReport,
    onProgress?: (progress: IndexProgress) => void,
  ): Promise<void> {
    this.#phase = 'indexing';
    this.#indexed = { done: 0, total: missing.length };
    const factor = this.#options.mergePolicy?.factor ?? DEFAULT_FACTOR;
    // Many sources at once (a first start, a large import) are indexed a tier's worth per
    // segment, sparing the first round of merges; a few go into a segment each.
    const batches: string[][] = [];
    let at = 0;
    if (missing.length >= factor) for (; at + factor <= missing.length; at += factor) batches.push(missing.slice(at, at + factor));
    for (; at < missing.length; at += 1) batches.push([missing[at] as string]);
    const workers = this.#workersFor(batches.length);
    const requests = batches.map((batch, i) =>
      (workers[i % workers.length] as IndexWorker).run({
        type: 'build',
        sources: batch.map((sourceId) => ({ sourceId, file: (this.#files.get(sourceId) as CorpusFile).file })),
        folder: this.#writable ? folder : null,
      }),
    );
    // Wait for every request, even after a failure, so none is left running unobserved.
    const settled = Promise.allSettled(requests);
    try {
      for (const request of requests) {
        const reply = await request;
        this.#takeBuilt(reply, report, onProgress);
      }
    } finally {
      await settled;
    }
  }

  #takeBuilt(reply: WorkerReply, report: IndexReport, onProgress?: (progress: IndexProgress) => void): void {
    if (reply.type === 'merged') return;
    const failures = reply.type === 'failed' ? reply.failures : reply.failed;
    for (const failure of failures) {
      (this.#options.log ?? console.warn)(failure.message);
      report.failed.push(failure);
    }
    if (reply.type === 'built') {
      if (reply.writeError) this.#warn(reply.writeError);
      // The worker hashed the bytes it read: if the file changed since the scan, that is now
      // the current text.
      for (const { sourceId, hash } of reply.built) this.#current.set(sourceId, hash);
      const shard = loadedShard(decodeSegment(reply.stored));
      const sources = reply.built.map((built) => built.sourceId);
      this.#add(shard, reply.file === undefined ? { files: [], stored: reply.stored } : { files: [{ file: reply.file, sources }] });
      this.#reconcile();
      report.built.push(...sources);
    }
    const sourceIds = [...(reply.type === 'built' ? reply.built.map((b) => b.sourceId) : []), ...failures.map((f) => f.sourceId)];
    for (const sourceId of sourceIds) {
      this.#indexed.done += 1;
      onProgress?.({ done: this.#indexed.done, total: this.#indexed.total, sourceId });
    }
    this.#publish();
  }

  #scheduleMerges(folder: string): void {
    if (this.#merging || this.#closed) return;
    this.#merging = this.#mergeLoop(folder)
      .catch((error: unknown) => (this.#options.log ?? console.warn)(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        this.#merging = undefined;
      });
  }

  async #mergeLoop(folder: string): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      const plan = planMerges(
        this.#sourceShards.map((shard) => ({ id: shard.id, bytes: segmentBytes(shard.segment), docCount: shard.segment.docCount, live: shard.live })),
        this.#options.mergePolicy,
      );
      const group = plan[0];
      if (group === undefined) break;
      this.#phase = 'merging';
      this.#publish(true);
      if (!(await this.#mergeGroup(folder, group))) break;
    }
    // What the policy leaves below the floor is searched as one segment; with nothing to merge
    // this happens before `ready` resolves.
    this.#combineSmall();
    this.#phase = 'idle';
    this.#publish(true);
  }

  /** Merges one group in the worker and swaps it in; false when it could not be done. */
  async #mergeGroup(folder: string, group: readonly string[]): Promise<boolean> {
    const shards = group.map((id) => this.#sourceShards.find((shard) => shard.id === id));
    if (shards.some((shard) => shard === undefined)) return true;
    const inputs = (shards as LoadedShard[]).map((shard) => {
      const kept = this.#kept.get(shard.id) ?? { files: [] };
      const served = new Set(shard.liveSources.map((source) => source.id));
      // A segment read from one file is read again by the worker; any other is sent whole.
      const [only] = kept.files;
      const whole = kept.files.length === 1 && only && kept.stored === undefined;
      return {
        ...(whole ? { file: only.file } : { stored: kept.stored ?? encodeSegment(shard.segment) }),
        ...(shard.deleted ? { deleted: shard.deleted } : {}),
        maskedSources: shard.segment.sources.map((source) => source.id).filter((id) => !served.has(id)),
      };
    });
    const reply = await this.#workerOrThrow().run({ type: 'merge', inputs, folder: this.#writable ? folder : null });
    if (reply.type !== 'merged') {
      if (reply.type === 'failed') (this.#options.log ?? console.warn)(reply.failures.map((f) => f.message).join(' '));
      return false;
    }
    if (reply.writeError) this.#warn(reply.writeError);
    const merged = loadedShard(decodeSegment(reply.stored));
    const present = new Set(this.#sourceShards.map((shard) => shard.id));
    if (!group.every((id) => present.has(id))) return true;
    this.#sourceShards = this.#sourceShards.filter((shard) => !group.includes(shard.id));
    const sources = merged.segment.sources.map((source) => source.id);
    const inputFiles = group.flatMap((id) => this.#kept.get(id)?.files ?? []);
    for (const id of group) this.#kept.delete(id);
    if (reply.file !== undefined) {
      // Inputs leave the disk only once their successor is there.
      for (const { file } of inputFiles) this.#tryDelete(file);
      this.#add(merged, { files: [{ file: reply.file, sources }] });
    } else {
      this.#add(merged, { files: inputFiles, stored: reply.stored });
    }
    this.#reconcile();
    this.#publish(true);
    return true;
  }
}

function partition<T>(items: readonly T[], keep: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (keep(item) ? yes : no).push(item);
  return [yes, no];
}

function segmentStatus(shard: LoadedShard, kind: SegmentStatus['kind']): SegmentStatus {
  return {
    id: shard.id,
    sources: shard.liveSources.length,
    documents: shard.live,
    masked: shard.segment.docCount - shard.live,
    bytes: segmentBytes(shard.segment),
    kind,
  };
}

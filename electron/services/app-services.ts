/**
 * The composition root of the main process: every service built once, from the corpus folder,
 * the project file, the cache folder and what the platform provides. The Electron shell, the
 * command line and the tests all build their services here, so the wiring they run is the same.
 */
import { existsSync } from 'node:fs';
import type { AnnotationImportProgress, ImportProgress, SearchProgress, ZoteroProgress } from '../../core/api.ts';
import { DomainError } from '../../core/errors.ts';
import { AnnotationService } from './annotation-service.ts';
import { CitationService, type Citation } from './citation-service.ts';
import { CorpusService, type CorpusWrite } from './corpus-service.ts';
import { DesktopService } from './desktop-service.ts';
import { Emitter, type ServiceEmitter, type ServiceEvents } from './events.ts';
import { ExportService } from './export-service.ts';
import { HistoryLabelsService } from './history-labels.ts';
import { ImportSessions } from './import-sessions.ts';
import { ImportService } from './import/import-service.ts';
import { AnnotationImporter } from './interop/annotation-import.ts';
import { AnnotationImportSessions } from './interop/annotation-sessions.ts';
import { ReferenceImportService } from './interop/reference-import.ts';
import { ReferenceImportSessions } from './interop/reference-sessions.ts';
import { DEFAULT_ZOTERO_URL, ZoteroClient } from './interop/zotero-client.ts';
import { ZoteroImporter } from './interop/zotero-import.ts';
import { ZoteroService } from './interop/zotero-service.ts';
import { ProjectService } from './project-service.ts';
import { ReaderService } from './reader-service.ts';
import { annotationChangeFromStore, annotationsFromStore } from './search/annotation-input.ts';
import { AppSearch } from './search/app-search.ts';
import { SearchHost } from './search/search-host.ts';
import { SearchService } from './search/search-service.ts';
import { SourcePdfs } from './source-pdf.ts';
import type { ChangeGate } from './sync/change-gate.ts';
import { SyncService } from './sync/sync-service.ts';
import { openProjectForReading, openProjectStore, StoreError, type ProjectStore } from './store/index.ts';
import { TagService } from './tag-service.ts';

/** What only the desktop app can do: dialogs, the clipboard, the browser, the window. */
export interface Platform {
  /** Opens an http(s) URL in the system's browser. */
  openExternal(url: string): Promise<void>;
  /** Asks the user for a file to import (the system's open dialog); null if cancelled. */
  chooseImportFile(): Promise<string | null>;
  /** Asks the user where to save a file (the system's save dialog, which confirms replacing one); null if cancelled. */
  chooseSaveFile(defaultName: string): Promise<string | null>;
  /** Asks the user for a reference file or an annotation file to import (the system's open dialog); null if cancelled. */
  chooseInteropFile(kind: 'references' | 'annotations'): Promise<string | null>;
  /** Asks the user for a folder to write notes into (the system's folder dialog); null if cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Puts a citation on the system clipboard, as HTML and plain text. */
  writeClipboard(citation: Citation): void;
  /** The page has saved everything pending (asked before the window closes). */
  flushed(): void;
}

/** Where the services work, and how. */
export interface AppConfig {
  corpusFolder: string;
  /** The project database file. */
  projectFile: string;
  /** Where the search index is cached. */
  cacheFolder: string;
  /** The desktop's own actions; without them (the command line) the calls that need them are refused. */
  platform?: Platform;
  /**
   * `write` (default) opens the project, creating it if needed; `read` opens an existing one
   * read-only (bringing an older one up to date first), and a missing one counts as empty where
   * that makes sense (search finds no annotations).
   */
  projectAccess?: 'write' | 'read';
  /** Opens the project (default `openProjectStore`); the app passes its own, which offers a backup of a damaged one. */
  openStore?: (file: string) => ProjectStore;
  /** Watch the corpus folder for changes made by other programs (the app does; the command line does not). */
  watchCorpus?: boolean;
  /** The search threads' script (the host and its index workers), where the default cannot find it (a packaged app). */
  searchWorkerFile?: string;
  /** Search index progress, for the window. */
  onSearchProgress?: (progress: SearchProgress) => void;
  /** The PDF reading worker script, where the default cannot find it (a packaged app). */
  pdfWorkerFile?: string;
  /** The text import worker script, where the default cannot find it (a packaged app). */
  cleanWorkerFile?: string;
  /** How far reading a PDF to import has come, for the window. */
  onImportProgress?: (progress: ImportProgress) => void;
  /** Where Zotero listens (default Zotero's own address, `http://127.0.0.1:23119`). */
  zoteroUrl?: string;
  /** How far a Zotero import has come, for the window. */
  onZoteroProgress?: (progress: ZoteroProgress) => void;
  /** How far an annotation import has come, for the window. */
  onAnnotationImportProgress?: (progress: AnnotationImportProgress) => void;
  /** How long the window's annotation import runs between two turns of the process (default 50 ms; tests shorten it). */
  annotationImportTurnMs?: number;
  /** Where failures that reach no caller are reported (default `console.error`). */
  log?: (error: unknown) => void;
  /** The environment (default `process.env`): `$APPARATUS_SYNC_TOKEN` may hold the sync token. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Keep syncing with the group the corpus is shared with (the app), rather than on request (the command line). */
  keepSyncing?: boolean;
  /** The sync engine's reconnection delays and checkpoint interval (tests shorten them). */
  syncEngine?: { reconnect?: { minDelayMs: number; maxDelayMs: number }; checkpointMs?: number };
}

/**
 * Every service of one process, each made on first use: a command that only lists the corpus
 * never opens the project. There is one project store connection, shared by every service.
 */
export class AppServices {
  readonly events: ServiceEmitter;
  readonly corpus: CorpusService;
  readonly #config: AppConfig;
  readonly #log: (error: unknown) => void;
  #store: ProjectStore | undefined;
  #closed = false;
  #annotations: AnnotationService | undefined;
  #tags: TagService | undefined;
  #reader: ReaderService | undefined;
  #citations: CitationService | undefined;
  #desktop: DesktopService | undefined;
  #history: HistoryLabelsService | undefined;
  #imports: ImportSessions | undefined;
  #importer: ImportService | undefined;
  #exports: ExportService | undefined;
  #referenceImports: ReferenceImportService | undefined;
  #annotationImports: AnnotationImporter | undefined;
  #referenceSessions: ReferenceImportSessions | undefined;
  #annotationSessions: AnnotationImportSessions | undefined;
  #zotero: ZoteroService | undefined;
  #searchIndex: SearchService | undefined;
  #search: AppSearch | undefined;
  #pdfs: SourcePdfs | undefined;
  #project: ProjectService | undefined;
  #sync: SyncService | undefined;
  // Every change of annotations and tags is put to the rules of the group the corpus is shared with.
  readonly #gate: ChangeGate = {
    check: (change) => this.sync.check(change),
    record: (change) => this.sync.record(change),
  };

  constructor(config: AppConfig) {
    this.#config = config;
    this.#log = config.log ?? console.error;
    this.events = new Emitter<ServiceEvents>(this.#log);
    this.corpus = new CorpusService(config.corpusFolder, this.events, { guard: (write) => this.#guardCorpus(write) });
    for (const note of this.corpus.recover()) this.#log(note);
    if (config.watchCorpus) this.corpus.watch((message) => this.#log(message));
  }

  /** The project store: opened on first use, then shared. */
  get store(): ProjectStore {
    if (this.#closed) throw new DomainError('storage', 'The project is closed.');
    if (!this.#store) {
      const { projectFile, openStore, projectAccess } = this.#config;
      this.#store = openStore ? openStore(projectFile) : projectAccess === 'read' ? openProjectForReading(projectFile) : openProjectStore(projectFile);
    }
    return this.#store;
  }

  get annotations(): AnnotationService {
    return (this.#annotations ??= new AnnotationService(this.corpus, this.store, this.events, this.#gate));
  }

  get tags(): TagService {
    return (this.#tags ??= new TagService(this.store, this.events, this.#gate));
  }

  /** Sharing the corpus with a group through a sync server: joining, syncing, the group's rules. */
  get sync(): SyncService {
    return (this.#sync ??= new SyncService({
      projectFile: this.#config.projectFile,
      env: this.#config.env ?? process.env,
      store: () => this.store,
      corpus: this.corpus,
      annotations: () => this.annotations,
      tags: () => this.tags,
      events: this.events,
      keepSyncing: this.#config.keepSyncing ?? false,
      log: (line) => this.#log(line),
      ...(this.#config.syncEngine ? { engine: this.#config.syncEngine } : {}),
    }));
  }

  get reader(): ReaderService {
    return (this.#reader ??= new ReaderService(this.store));
  }

  get citations(): CitationService {
    return (this.#citations ??= new CitationService(this.corpus, (id) => this.annotations.get(id), (citation) => this.#platform().writeClipboard(citation)));
  }

  get desktop(): DesktopService {
    return (this.#desktop ??= new DesktopService({ openExternal: (url) => this.#platform().openExternal(url), flushed: () => this.#platform().flushed() }));
  }

  get history(): HistoryLabelsService {
    return (this.#history ??= new HistoryLabelsService(this.events));
  }

  /** Imports as the command line makes them: a file named by path. */
  get importer(): ImportService {
    const { pdfWorkerFile, cleanWorkerFile } = this.#config;
    return (this.#importer ??= new ImportService(this.corpus, {
      ...(pdfWorkerFile === undefined ? {} : { pdfWorkerFile }),
      ...(cleanWorkerFile === undefined ? {} : { cleanWorkerFile }),
    }));
  }

  /** Imports as the window makes them: the file chosen in main's own dialog. */
  get imports(): ImportSessions {
    return (this.#imports ??= new ImportSessions(
      this.importer,
      // A reader is told before the file dialog opens.
      () => (this.corpus.assertWritable('sources'), this.#platform().chooseImportFile()),
      this.#config.onImportProgress,
    ));
  }

  /** The PDFs sources were imported from, for the page view. */
  get pdfs(): SourcePdfs {
    return (this.#pdfs ??= new SourcePdfs(this.corpus));
  }

  get exports(): ExportService {
    return (this.#exports ??= new ExportService({
      corpus: this.corpus,
      project: () => this.store,
      annotations: () => this.annotations,
      chooseSaveFile: (name) => this.#platform().chooseSaveFile(name),
      chooseFolder: () => this.#platform().chooseFolder(),
    }));
  }

  /** Reference files (CSL-JSON, BibTeX, RIS) into the corpus's metadata and references without text. */
  get referenceImports(): ReferenceImportService {
    return (this.#referenceImports ??= new ReferenceImportService(this.corpus));
  }

  /** Annotations made in other tools (Hypothesis, W3C Web Annotations), placed by our anchoring. */
  get annotationImports(): AnnotationImporter {
    return (this.#annotationImports ??= new AnnotationImporter(this.corpus, this.annotations, this.tags));
  }

  /** Reference files imported from the window: the file chosen in main's own dialog, the plan confirmed in the page. */
  get referenceSessions(): ReferenceImportSessions {
    return (this.#referenceSessions ??= new ReferenceImportSessions(this.referenceImports, () => (this.corpus.assertWritable('references'), this.#platform().chooseInteropFile('references'))));
  }

  /** Annotation files imported from the window: the file chosen in main's own dialog, the sources confirmed in the page. */
  get annotationSessions(): AnnotationImportSessions {
    return (this.#annotationSessions ??= new AnnotationImportSessions({
      corpus: this.corpus,
      importer: this.annotationImports,
      chooseFile: () => (this.corpus.assertWritable('annotations'), this.#platform().chooseInteropFile('annotations')),
      ...(this.#config.onAnnotationImportProgress ? { onProgress: this.#config.onAnnotationImportProgress } : {}),
      ...(this.#config.annotationImportTurnMs === undefined ? {} : { turnEveryMs: this.#config.annotationImportTurnMs }),
    }));
  }

  /** The Zotero running on this computer: its library browsed and imported, references sent to it. */
  get zotero(): ZoteroService {
    if (!this.#zotero) {
      const client = new ZoteroClient(this.#config.zoteroUrl ?? DEFAULT_ZOTERO_URL);
      // Made on first import: browsing Zotero or sending to it never opens the project.
      const importer = () =>
        new ZoteroImporter({ client, corpus: this.corpus, importer: this.importer, references: this.referenceImports, annotations: this.annotations, tags: this.tags });
      this.#zotero = new ZoteroService({ client, importer, corpus: this.corpus, ...(this.#config.onZoteroProgress ? { onProgress: this.#config.onZoteroProgress } : {}) });
    }
    return this.#zotero;
  }

  /** The search index itself, in this thread (the command line reads its report); the window uses `search`. */
  get searchIndex(): SearchService {
    return (this.#searchIndex ??= new SearchService(this.corpus, this.#config.cacheFolder, () => this.#searchAnnotations(), {
      ...(this.#config.searchWorkerFile === undefined ? {} : { workerFile: this.#config.searchWorkerFile }),
      log: () => {},
    }));
  }

  /**
   * Search as the window uses it: in a thread of its own, so loading the index, queries and
   * annotation updates never hold up this event loop; kept up to date in the background,
   * following every change. The thread reads the corpus folder through a corpus service of its own.
   */
  get search(): AppSearch {
    if (!this.#search) {
      const host = new SearchHost(this.corpus.folder, this.#config.cacheFolder, () => this.#searchAnnotations(), {
        ...(this.#config.searchWorkerFile === undefined ? {} : { workerFile: this.#config.searchWorkerFile }),
        onStatus: (status) => this.#search?.statusChanged(status),
      });
      this.#search = new AppSearch(host, {
        annotationChange: (ids) => (this.#closed ? { upserted: [], removed: [] } : annotationChangeFromStore(this.store, ids, (id) => this.annotations.get(id))),
        ...(this.#config.onSearchProgress ? { onProgress: this.#config.onSearchProgress } : {}),
        log: this.#log,
      });
      this.#search.follow(this.events);
    }
    return this.#search;
  }

  /** File ▸ Project: the project's check, its backups, and restoring one (the project is reopened after). */
  get project(): ProjectService {
    return (this.#project ??= new ProjectService(this.#config.projectFile, (work) => this.#whileClosed(work), () => this.#store?.stopped));
  }

  /** Starts what the window keeps going in the background: the search index is brought up to date now, reporting progress. */
  startIndexing(): void {
    void this.search;
  }

  /** Stops importing, watching and indexing, and closes the project; later calls that need the project are refused. */
  async close(): Promise<void> {
    // A file still being read for import is let go: its worker stops now, not when it is done.
    this.#imports?.close();
    // An annotation import stops before its next annotation: the ones saved are kept.
    this.#annotationSessions?.close();
    // Sharing first: changes still arriving are taken into the project before it closes. Without
    // it nothing is awaited, so callers that do not wait still find the project closed on return.
    if (this.#sync?.active()) await this.#sync.close();
    this.#closed = true;
    this.corpus.close();
    this.#store?.close();
    await this.#search?.close();
    await this.#searchIndex?.close();
  }

  // Closes the project for `work` (a restore), then opens the project as `work` left it. The
  // services that hold the store are made again from the new one, and search compares every
  // annotation. Where `work` fails, the project that was there is opened again.
  #whileClosed<T>(work: () => T): T {
    if (this.#closed) throw new DomainError('storage', 'The project is closed.');
    // The group's copy would bring back what the restore takes away, and the restore would take
    // away what the group has acknowledged: a shared project is restored only after leaving.
    if (this.#sync?.active()) {
      throw new DomainError('conflict', 'This project shares its corpus with a group. Leave the group (File ▸ Share Corpus…) before restoring a copy: nothing was changed.');
    }
    this.#annotationSessions?.close();
    this.#store?.close();
    this.#store = undefined;
    this.#annotations = this.#tags = this.#reader = undefined;
    this.#annotationImports = undefined;
    this.#annotationSessions = undefined;
    let result: T;
    try {
      result = work();
    } catch (error) {
      try {
        this.#reopen();
      } catch (reopening) {
        this.#log(reopening);
      }
      throw error;
    }
    this.#reopen();
    return result;
  }

  #reopen(): void {
    void this.store;
    this.#search?.annotationsChanged();
  }

  // After closing, or without a project to read, search finds no annotations.
  #searchAnnotations() {
    if (this.#closed) return [];
    // Searching where no project was ever made finds no annotations, and makes no project (on
    // a full disk, making one would fail the search).
    if (this.#config.projectAccess === 'read' && !this.#store && !existsSync(this.#config.projectFile)) return [];
    try {
      return annotationsFromStore(this.store, this.annotations.list({}));
    } catch (error) {
      // Reading where no project was ever made finds nothing; one that existed and is gone is refused by the store.
      if (this.#config.projectAccess === 'read' && error instanceof StoreError && error.code === 'not-found') return [];
      throw error;
    }
  }

  // A corpus shared with a group is changed here only as the member's role allows. Where no
  // project was ever made, nothing is shared, and none is made to learn it.
  #guardCorpus(write: CorpusWrite): void {
    if (this.#closed || (!this.#store && !existsSync(this.#config.projectFile))) return;
    this.sync.checkCorpusWrite(write);
  }

  #platform(): Platform {
    if (!this.#config.platform) throw new DomainError('internal', 'This needs the Apparatus window; it cannot be done from the command line.');
    return this.#config.platform;
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppServices, type AppConfig } from '../../electron/services/app-services.ts';

/** The repository's corpus folder. */
export const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

/** The real main-process services over a corpus folder and a fresh project in a temporary folder. */
export interface TestServices {
  services: AppServices;
  /** URLs the app asked the system to open, in order. */
  opened: string[];
  /** Files the "open file" dialogs (a source, references, annotations) will answer with, in order; empty means the user cancels. */
  filesToChoose: string[];
  /** Which open-file dialogs main showed, in order ("source", "references", "annotations"). */
  dialogsShown: string[];
  /** Folders the "choose folder" dialog will answer with, in order; empty means the user cancels. */
  foldersToChoose: string[];
  /** How often the page said it had saved everything before closing. */
  flushes: { count: number };
  /** Files the "save" dialog will answer with, in order; empty means the user cancels. */
  filesToSave: string[];
  /** What was put on the clipboard, in order. */
  clipboard: { text: string; html: string }[];
  projectDir: string;
  /** Closes the services (so the project can be reopened, as after a restart); resolves once their threads have stopped. */
  close(): Promise<void>;
  /** Closes the services, waits for their threads to stop, then deletes the temporary project. */
  dispose(): Promise<void>;
}

/** What a test may set of the app's surroundings. */
export interface TestServiceOptions {
  /** Where "Zotero" listens (a loopback server of the test); default an address where nothing does. */
  zoteroUrl?: string;
  /** Receives the progress events of a Zotero import, as the window would. */
  onZoteroProgress?: AppConfig['onZoteroProgress'];
  /** Receives the progress events of reading a file to import (a long PDF), as the window would. */
  onImportProgress?: AppConfig['onImportProgress'];
  /** Receives the progress events of an annotation import, as the window would. */
  onAnnotationImportProgress?: AppConfig['onAnnotationImportProgress'];
  /** How long an annotation import runs between two turns (default the app's 50 ms). */
  annotationImportTurnMs?: number;
  /** The PDF extraction worker's script (default: the app's own). */
  pdfWorkerFile?: string;
  /** The text cleaning worker's script (default: the app's own). */
  cleanWorkerFile?: string;
  /** Receives the search index's progress events, as the window would. */
  onSearchProgress?: AppConfig['onSearchProgress'];
  /** Keep syncing with the group the corpus is shared with, as the app does (default: exchange on request). */
  keepSyncing?: boolean;
}

// Port 1 (tcpmux) is unused on any machine the tests run on: nothing answers there, as when Zotero is not running.
const NO_ZOTERO = 'http://127.0.0.1:1';

/** Builds the services through the same composition root as Electron's main process, with recording platform actions. */
export function openServices(corpusDir = CORPUS_DIR, projectDir = mkdtempSync(join(tmpdir(), 'apparatus-project-')), options: TestServiceOptions = {}): TestServices {
  const opened: string[] = [];
  const filesToChoose: string[] = [];
  const dialogsShown: string[] = [];
  const foldersToChoose: string[] = [];
  const flushes = { count: 0 };
  const clipboard: { text: string; html: string }[] = [];
  const filesToSave: string[] = [];
  const services = new AppServices({
    corpusFolder: corpusDir,
    projectFile: join(projectDir, 'project.sqlite'),
    cacheFolder: join(projectDir, 'cache'),
    watchCorpus: true,
    zoteroUrl: options.zoteroUrl ?? NO_ZOTERO,
    ...(options.onZoteroProgress ? { onZoteroProgress: options.onZoteroProgress } : {}),
    ...(options.onImportProgress ? { onImportProgress: options.onImportProgress } : {}),
    ...(options.onAnnotationImportProgress ? { onAnnotationImportProgress: options.onAnnotationImportProgress } : {}),
    ...(options.annotationImportTurnMs === undefined ? {} : { annotationImportTurnMs: options.annotationImportTurnMs }),
    ...(options.pdfWorkerFile ? { pdfWorkerFile: options.pdfWorkerFile } : {}),
    ...(options.cleanWorkerFile ? { cleanWorkerFile: options.cleanWorkerFile } : {}),
    ...(options.onSearchProgress ? { onSearchProgress: options.onSearchProgress } : {}),
    ...(options.keepSyncing ? { keepSyncing: true, env: {}, syncEngine: { reconnect: { minDelayMs: 50, maxDelayMs: 300 }, checkpointMs: 50 } } : {}),
    platform: {
      openExternal: async (url) => {
        opened.push(url);
      },
      chooseImportFile: async () => {
        dialogsShown.push('source');
        return filesToChoose.shift() ?? null;
      },
      chooseSaveFile: async () => filesToSave.shift() ?? null,
      chooseInteropFile: async (kind) => {
        dialogsShown.push(kind);
        return filesToChoose.shift() ?? null;
      },
      chooseFolder: async () => foldersToChoose.shift() ?? null,
      writeClipboard: (citation) => clipboard.push(citation),
      flushed: () => {
        flushes.count += 1;
      },
    },
  });
  // Opened and started now, as the app does before its window.
  void services.store;
  services.startIndexing();
  // Without sharing the project is closed at once (AppServices.close closes it before it awaits
  // anything); the promise settles once syncing and the search threads have stopped, so a test that
  // awaits it before deleting the folders or ending its file leaves no thread working in them.
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= services.close());
  return {
    services,
    filesToSave,
    clipboard,
    flushes,
    opened,
    filesToChoose,
    dialogsShown,
    foldersToChoose,
    projectDir,
    close,
    dispose: async () => {
      await close();
      rmSync(projectDir, { recursive: true, force: true });
    },
  };
}

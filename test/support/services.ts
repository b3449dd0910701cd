import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Services } from '../../electron/handlers.ts';
import { AnnotationService } from '../../electron/services/annotation-service.ts';
import { CorpusService } from '../../electron/services/corpus-service.ts';
import { ExportService } from '../../electron/services/export-service.ts';
import { MetadataService } from '../../electron/services/metadata-service.ts';
import { ImportService } from '../../electron/services/import/import-service.ts';
import { ImportSessions } from '../../electron/services/import-sessions.ts';
import { annotationsFromStore } from '../../electron/services/search/annotation-input.ts';
import { AppSearch } from '../../electron/services/search/app-search.ts';
import { SearchService } from '../../electron/services/search/search-service.ts';
import { openProjectStore } from '../../electron/services/store/index.ts';

/** The repository's corpus folder. */
export const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

/** The real main-process services over a corpus folder and a fresh project in a temporary folder. */
export interface TestServices {
  services: Services;
  /** URLs the app asked the system to open, in order. */
  opened: string[];
  /** Files the "open file" dialog will answer with, in order; empty means the user cancels. */
  filesToChoose: string[];
  /** How often the page said it had saved everything before closing. */
  flushes: { count: number };
  /** Files the "save" dialog will answer with, in order; empty means the user cancels. */
  filesToSave: string[];
  /** What was put on the clipboard, in order. */
  clipboard: { text: string; html: string }[];
  projectDir: string;
  /** Closes the store (so the project can be reopened, as after a restart). */
  close(): void;
  /** Closes the store and deletes the temporary project. */
  dispose(): void;
}

/** Opens the services as Electron's main process wires them. */
export function openServices(corpusDir = CORPUS_DIR, projectDir = mkdtempSync(join(tmpdir(), 'apparatus-project-'))): TestServices {
  const store = openProjectStore(join(projectDir, 'project.sqlite'));
  const corpus = new CorpusService(corpusDir, () => {});
  let open = true;
  const opened: string[] = [];
  const filesToChoose: string[] = [];
  const flushes = { count: 0 };
  const clipboard: { text: string; html: string }[] = [];
  const filesToSave: string[] = [];
  // After close, a late re-index (the index finishing its first build) finds no annotations.
  const searchService = new SearchService(corpusDir, join(projectDir, 'cache'), () => (open ? annotationsFromStore(store) : []));
  const search = new AppSearch(searchService);
  const close = () => {
    if (open) store.close();
    open = false;
    void search.close();
  };
  return {
    services: {
      corpus,
      store,
      annotations: new AnnotationService(corpus, store),
      openExternal: async (url) => {
        opened.push(url);
      },
      imports: new ImportSessions(new ImportService(corpusDir), async () => filesToChoose.shift() ?? null),
      search,
      flushed: () => {
        flushes.count += 1;
      },
      writeClipboard: (citation) => clipboard.push(citation),
      exporter: new ExportService({ corpusFolder: corpusDir, projectFile: join(projectDir, 'project.sqlite') }),
      chooseSaveFile: async () => filesToSave.shift() ?? null,
      metadata: new MetadataService(corpusDir),
    },
    filesToSave,
    clipboard,
    flushes,
    opened,
    filesToChoose,
    projectDir,
    close,
    dispose: () => {
      close();
      rmSync(projectDir, { recursive: true, force: true });
    },
  };
}

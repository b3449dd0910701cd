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
  /** Files the "open file" dialog will answer with, in order; empty means the user cancels. */
  filesToChoose: string[];
  /** How often the page said it had saved everything before closing. */
  flushes: { count: number };
  /** Files the "save" dialog will answer with, in order; empty means the user cancels. */
  filesToSave: string[];
  /** What was put on the clipboard, in order. */
  clipboard: { text: string; html: string }[];
  projectDir: string;
  /** Closes the services (so the project can be reopened, as after a restart). */
  close(): void;
  /** Closes the services and deletes the temporary project. */
  dispose(): void;
}

/** What a test may add to the services' configuration: where progress reports go, as main sends them to the window. */
export type TestConfig = Pick<AppConfig, 'onImportProgress'>;

/** Builds the services through the same composition root as Electron's main process, with recording platform actions. */
export function openServices(corpusDir = CORPUS_DIR, projectDir = mkdtempSync(join(tmpdir(), 'apparatus-project-')), config: TestConfig = {}): TestServices {
  const opened: string[] = [];
  const filesToChoose: string[] = [];
  const flushes = { count: 0 };
  const clipboard: { text: string; html: string }[] = [];
  const filesToSave: string[] = [];
  const services = new AppServices({
    corpusFolder: corpusDir,
    projectFile: join(projectDir, 'project.sqlite'),
    cacheFolder: join(projectDir, 'cache'),
    watchCorpus: true,
    ...config,
    platform: {
      openExternal: async (url) => {
        opened.push(url);
      },
      chooseImportFile: async () => filesToChoose.shift() ?? null,
      chooseSaveFile: async () => filesToSave.shift() ?? null,
      writeClipboard: (citation) => clipboard.push(citation),
      flushed: () => {
        flushes.count += 1;
      },
    },
  });
  // Opened and started now, as the app does before its window.
  void services.store;
  services.startIndexing();
  let closed = false;
  const close = () => {
    if (!closed) void services.close();
    closed = true;
  };
  return {
    services,
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

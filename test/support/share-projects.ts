/**
 * Projects that share their corpus through a test sync server: each with its own corpus folder
 * (a copy of the repository's, or an empty one) and project, built through the same composition
 * root as the app and the command line, with short reconnection delays.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppServices } from '../../electron/services/app-services.ts';
import { CORPUS_DIR } from './services.ts';

/** One member's project. */
export interface SharedProject {
  label: string;
  services: AppServices;
  corpus: string;
  projectDir: string;
  /** What the services reported that reached no caller (never a token). */
  logs: string[];
  /** Notices the sync service gave the user. */
  notices: string[];
  close(): Promise<void>;
}

/**
 * Opens a project under `root/label` with a copy of the repository's corpus (or an empty one);
 * with `reuse`, opens the one already there, as the app does after a restart.
 */
export function openSharedProject(root: string, label: string, options: { emptyCorpus?: boolean; keepSyncing?: boolean; reuse?: boolean } = {}): SharedProject {
  const corpus = join(root, label, 'corpus');
  const projectDir = join(root, label, 'project');
  if (options.reuse) {
    // As it was left.
  } else if (options.emptyCorpus) mkdirSync(corpus, { recursive: true });
  else cpSync(CORPUS_DIR, corpus, { recursive: true });
  mkdirSync(projectDir, { recursive: true });
  const logs: string[] = [];
  const services = new AppServices({
    corpusFolder: corpus,
    projectFile: join(projectDir, 'project.sqlite'),
    cacheFolder: join(projectDir, 'cache'),
    env: {},
    keepSyncing: options.keepSyncing ?? false,
    syncEngine: { reconnect: { minDelayMs: 50, maxDelayMs: 300 }, checkpointMs: 50 },
    log: (error) => logs.push(error instanceof Error ? error.message : String(error)),
  });
  const notices: string[] = [];
  services.sync.onNotice((message) => notices.push(message));
  return { label, services, corpus, projectDir, logs, notices, close: () => services.close() };
}

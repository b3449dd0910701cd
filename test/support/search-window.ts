/**
 * What the window tests of search share: the search index's progress sent to the page as
 * Electron's main process sends it, a copy of the real corpus, and what "shown" means.
 */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { SearchProgress } from '../../core/api.ts';
import type { AppPage } from './app-page.ts';
import { CORPUS_DIR } from './services.ts';

/** An answer comes through the IPC bridge from the index, on a busy machine sometimes past expect.poll's one second. */
export const ANSWER = { timeout: 15_000 };

/**
 * The search index's progress as Electron's main process sends it to the window: each event
 * emitted to the page once it is open; those sent before are lost, as they are in the app (the
 * window asks `search.status` for where the index stands).
 */
export function searchProgressToPage(): { onSearchProgress(progress: SearchProgress): void; attach(app: AppPage): Promise<void> } {
  let page: AppPage | undefined;
  return {
    onSearchProgress(progress) {
      // A page closed meanwhile has nothing left to show it on.
      if (page) page.emit('search.progress', progress).catch(() => {});
    },
    async attach(app) {
      page = app;
    },
  };
}

/** Copies the repository's cleaned sources (but `except`) into the new folder `to`. */
export function copyCleanedCorpus(to: string, except?: string): void {
  mkdirSync(to);
  for (const name of readdirSync(CORPUS_DIR)) {
    if (name.endsWith('.md') && name !== 'README.md' && name !== `${except}.md`) cpSync(join(CORPUS_DIR, name), join(to, name));
  }
}

/** Shown: laid out with a size, and not hidden by style. */
export async function shown(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const style = await locator.evaluate((node) => {
    const computed = getComputedStyle(node);
    return { display: computed.display, visibility: computed.visibility };
  });
  return box !== null && box.width > 0 && box.height > 0 && style.display !== 'none' && style.visibility === 'visible';
}

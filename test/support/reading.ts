import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openApp, type AppPage } from './app-page.ts';
import { CORPUS_DIR, type TestServices } from './services.ts';
import { resizeWindow } from './window-size.ts';

/** Opens the app at 1400×900 with a source open in the reader, as a reader test begins. */
export async function openReading(browser: Browser, backend: TestServices, sourceId: string): Promise<AppPage> {
  const app = await openApp(browser, backend.services);
  await resizeWindow(app.page, 1400, 900);
  await app.page.click(`[data-source-id="${sourceId}"] .source-open`);
  await app.page.waitForSelector('.reading');
  return app;
}

/** Closes what a test opened, as far as it got. */
export async function closeAll(app: AppPage | undefined, browser: Browser | undefined, backend: TestServices | undefined): Promise<void> {
  await app?.close();
  await browser?.close();
  await backend?.dispose();
}

/** A copy of the repository's corpus in a temporary folder, for a test that changes files. */
export function tempCorpus(prefix: string): { folder: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), prefix));
  const folder = join(parent, 'corpus');
  cpSync(CORPUS_DIR, folder, { recursive: true });
  return { folder, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

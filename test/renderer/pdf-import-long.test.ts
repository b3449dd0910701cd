import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { contentOf, folderState } from '../support/folder-state.ts';
import { blockMainThread, watchLongTasks, type LongTaskLog } from '../support/long-tasks.ts';
import { inkOnPage } from '../support/page-canvas.ts';
import { longPdf } from '../support/pdf-fixtures.ts';
import { closeAll } from '../support/reading.ts';
import { seenWhole } from '../support/visible.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

// A window task longer than this is a freeze the user feels; none may happen while a PDF of
// 2,000 pages is read and imported. (Opening so long a source in the reader afterwards is the
// reader's work, measured by bench/huge-source.ts.)
const FROZEN_MS = 200;
const PAGES = 2000;
// The app's extraction, which waits after each page while `<file>.hold` exists: the tests press
// Cancel and read the progress while the read is certainly running, on a fast machine too.
const HELD_WORKER = fileURLToPath(new URL('../support/held-pdf-worker.ts', import.meta.url));

describe('a 2,000-page PDF in File ▸ Import Source…', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage | undefined;
  let folder: string;
  let corpus: string;
  let file: string;
  let tasks: LongTaskLog;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-long-pdf-ui-'));
    corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    file = join(folder, 'collected-reports.pdf');
    writeFileSync(file, await longPdf(PAGES));
    browser = await launchChromium();
    // Main tells the window how far it has read, as Electron's main process does.
    backend = openServices(corpus, undefined, {
      onImportProgress: (progress) => void app?.emit('import.progress', progress),
      pdfWorkerFile: HELD_WORKER,
    });
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
    await app.page.waitForSelector('.source');
    tasks = await watchLongTasks(app.page);
  }, 120_000);
  afterAll(async () => {
    await closeAll(app, browser, backend);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('stops reading when the user presses Cancel, and adds nothing', async () => {
    const page = app!.page;
    const before = contentOf(folderState(corpus));
    writeFileSync(`${file}.hold`, '');
    backend.filesToChoose.push(file);
    await app!.emit('menu.import');
    await page.waitForSelector('.import-progress:not([hidden])');
    // The progress and its Cancel button are in sight in a small window, and pass axe-core.
    await resizeWindow(page, 900, 600);
    expect(await seenWhole(page.locator('.import-progress button:has-text("Cancel")'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await resizeWindow(page, 1400, 900);
    await page.click('.import-progress button:has-text("Cancel")');
    rmSync(`${file}.hold`);
    await expect.poll(() => page.locator('.toast').textContent()).toBe('The import was cancelled; nothing was added to the corpus.');
    expect(await page.locator('.import-progress').isHidden()).toBe(true);
    expect(await page.locator('.import-dialog').count()).toBe(0);
    expect(app!.calls.map((call) => call.name)).toContain('corpus.importCancel');
    expect(contentOf(folderState(corpus))).toEqual(before);
  }, 120_000);

  it('shows the pages read of the total as it reads, and the window never freezes while the PDF is read and imported', async () => {
    const page = app!.page;
    const start = await tasks.now();
    writeFileSync(`${file}.hold`, '');
    backend.filesToChoose.push(file);
    await app!.emit('menu.import');
    await page.waitForSelector('.import-progress:not([hidden])');
    const label = page.locator('.import-progress-label');
    await expect.poll(() => label.textContent()).toMatch(/^Reading the PDF: page [\d,]+ of 2,000$/);
    const bar = page.locator('.import-bar');
    const first = await bar.evaluate((element: HTMLProgressElement) => element.value);
    expect(await bar.evaluate((element: HTMLProgressElement) => element.max)).toBe(PAGES);
    // The bar, its count and its Cancel button are on the screen, not only in the page.
    for (const shown of [bar, label, page.locator('.import-progress button:has-text("Cancel")')]) {
      const box = (await shown.boundingBox())!;
      expect(await shown.isVisible()).toBe(true);
      expect(box.width).toBeGreaterThan(0);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
    }
    rmSync(`${file}.hold`);
    await expect.poll(() => bar.evaluate((element: HTMLProgressElement) => element.value), { timeout: 60_000 }).toBeGreaterThan(first);

    await page.waitForSelector('.import-dialog', { timeout: 120_000 });
    expect(await page.locator('.import-progress').isHidden()).toBe(true);
    expect(await page.locator('.import-dialog .import-summary').nth(1).textContent()).toBe('2,000 pages. Page numbers: the PDF gives none, so its pages are counted from 1.');
    await page.fill('.import-dialog label:has-text("Title") input', 'Collected Reports');
    await page.fill('.import-dialog label:has-text("Id in the corpus") input', 'reports');
    // The import ends when the dialog closes on the source added: the page notes the moment.
    await page.evaluate(() => {
      const watch = new MutationObserver(() => {
        if (document.querySelector('.import-dialog')) return;
        (window as unknown as { importedAt: number }).importedAt = performance.now();
        watch.disconnect();
      });
      watch.observe(document.body, { childList: true });
    });
    await page.click('.import-dialog button[type="submit"]');
    await page.waitForFunction(() => (window as unknown as { importedAt?: number }).importedAt !== undefined, undefined, { timeout: 60_000 });
    const imported = await page.evaluate(() => (window as unknown as { importedAt: number }).importedAt);
    expect(readdirSync(corpus)).toContain('reports.md');
    const during = await tasks.between(start, imported);
    expect(during.filter((task) => task.duration > FROZEN_MS)).toEqual([]);
  }, 240_000);

  it('opens the imported source, whose page view has its 2,000 pages', async () => {
    const page = app!.page;
    await expect.poll(() => page.locator('.reader-title').textContent(), { timeout: 60_000 }).toBe('Collected Reports');
    await page.click('[data-action="page-view"]');
    await expect.poll(() => page.locator('.page-where').textContent(), { timeout: 60_000 }).toMatch(/^PDF page \d+ of 2000$/);
    await expect.poll(() => inkOnPage(page)).toBeGreaterThan(0.001);
  }, 120_000);

  it('would have seen a frozen window: the long-task log records a 250 ms block', async () => {
    const start = await tasks.now();
    await blockMainThread(app!.page, 250);
    const seen = await tasks.between(start);
    expect(seen.some((task) => task.duration > FROZEN_MS)).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(app!.errors).toEqual([]);
  });
});

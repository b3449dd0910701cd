import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { contentOf, folderState } from '../support/folder-state.ts';
import { MB, writeHugeSource } from '../support/huge-source.ts';
import { blockMainThread, watchLongTasks, type LongTaskLog } from '../support/long-tasks.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

// A 20 MB source is refused with a message naming the limit, and the window
// never freezes on the way. (How a source at the text limit, 2 million characters, fares is
// measured by bench/huge-source.ts, `npm run bench:huge`: a timing is not asserted in a test.)
const FROZEN_MS = 200;

describe('a 20 MB source in File ▸ Import Source…', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let folder: string;
  let corpus: string;
  let tasks: LongTaskLog;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-huge-ui-'));
    corpus = join(folder, 'corpus');
    mkdirSync(join(folder, 'in'));
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    browser = await launchChromium();
    backend = openServices(corpus);
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
    await app.page.waitForSelector('.source');
    tasks = await watchLongTasks(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('is refused naming the 10 MB limit, the corpus byte-identical, the window never frozen', async () => {
    const { page } = app;
    const file = join(folder, 'in', 'collected-papers.txt');
    const size = writeHugeSource(file, 20 * MB);
    expect(size).toBeGreaterThan(19.9 * MB);
    const before = contentOf(folderState(corpus));
    const sourcesBefore = await page.locator('.source').count();
    const start = await tasks.now();

    backend.filesToChoose.push(file);
    await app.emit('menu.import');
    await expect.poll(() => page.locator('.toast').textContent()).toContain('larger than the 10 MB import limit');
    const message = await page.locator('.toast').textContent();
    expect(message).toContain('“collected-papers.txt” is 20 MB');
    expect(message).toMatch(/Split it into parts/);
    expect(await page.locator('.import-dialog').count()).toBe(0);
    // The library is as it was: nothing was added, nothing went missing.
    expect(await page.locator('.source').count()).toBe(sourcesBefore);

    const during = await tasks.between(start);
    expect(backend.filesToChoose).toEqual([]);
    expect(app.calls.map((call) => call.name)).toContain('corpus.importChoose');
    expect(app.calls.filter((call) => call.name === 'corpus.importCommit')).toEqual([]);
    expect(contentOf(folderState(corpus))).toEqual(before);
    expect(during.filter((task) => task.duration > FROZEN_MS)).toEqual([]);
  });

  it('would have seen a frozen window: the long-task log records a 250 ms block', async () => {
    const start = await tasks.now();
    await blockMainThread(app.page, 250);
    const seen = await tasks.between(start);
    expect(seen.some((task) => task.duration > FROZEN_MS)).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});

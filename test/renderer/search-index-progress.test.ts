/**
 * The search index as the window shows it while it loads and builds, in the built app: what is
 * searchable of the library and each segment, the app usable meanwhile, answers at once from
 * what is searchable with a note saying so, then complete once the index is. The search service
 * is the real one over a copy of the real corpus, whose cache holds four of the five sources;
 * its corpus is on a "slow disk" whose second look at the folder waits for the test, so the
 * index stays loading until the test lets it go on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnreadableSource } from '../../core/api.ts';
import type { Source } from '../../core/corpus/model.ts';
import type { Services } from '../../electron/handlers.ts';
import { CorpusService, type CorpusFile, type ScanOptions, type SearchCorpus } from '../../electron/services/corpus-service.ts';
import { AppSearch } from '../../electron/services/search/app-search.ts';
import { SearchService } from '../../electron/services/search/search-service.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { ANSWER, copyCleanedCorpus, searchProgressToPage, shown } from '../support/search-window.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const HELD_BACK = 'memorie-kapo';

/** A corpus on a slow disk: its second scan (the one after the cache is loaded) waits for `release`. */
class SlowCorpus implements SearchCorpus {
  readonly #corpus: CorpusService;
  #scans = 0;
  release: () => void = () => {};
  readonly #released = new Promise<void>((resolve) => (this.release = resolve));

  constructor(corpus: CorpusService) {
    this.#corpus = corpus;
  }

  async scan(options?: ScanOptions): Promise<CorpusFile[]> {
    this.#scans += 1;
    if (this.#scans === 2) await this.#released;
    return this.#corpus.scan(options);
  }

  source(sourceId: string): Source | undefined {
    return this.#corpus.source(sourceId);
  }

  unreadable(): UnreadableSource[] {
    return this.#corpus.unreadable();
  }
}

describe('the search index while it loads', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let root: string;
  let corpus: SlowCorpus;
  let search: AppSearch | undefined;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-search-progress-'));
    const cache = join(root, 'cache');
    // The cache as a previous run left it, before the fifth source was added.
    copyCleanedCorpus(join(root, 'four'), HELD_BACK);
    const earlier = new SearchService(new CorpusService(join(root, 'four')), cache, () => [], { log: () => {} });
    await earlier.ready();
    await earlier.idle();
    await earlier.close();
    copyCleanedCorpus(join(root, 'corpus'));

    const progress = searchProgressToPage();
    backend = openServices(join(root, 'corpus'), join(root, 'project'));
    corpus = new SlowCorpus(new CorpusService(join(root, 'corpus')));
    const service = new SearchService(corpus, cache, () => [], { log: () => {}, onStatus: (status) => search?.statusChanged(status) });
    search = new AppSearch(service, { onProgress: progress.onSearchProgress });
    const withSearch = search;
    const services = new Proxy(backend.services, {
      get: (target, name) => (name === 'search' ? withSearch : Reflect.get(target, name)),
    }) as Services;
    browser = await launchChromium();
    app = await openApp(browser, services);
    await progress.attach(app);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    corpus?.release();
    await search?.close();
    await app?.close();
    await browser?.close();
    await backend?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows how much of the library is searchable, and each segment on demand', async () => {
    const { page } = app;
    const summary = page.locator('.index-summary');
    await expect.poll(() => summary.textContent(), ANSWER).toBe('Loading the search index: 4 of 5 sources searchable');
    expect(await shown(summary)).toBe(true);
    const bar = page.locator('.index-progress');
    expect(await shown(bar)).toBe(true);
    expect(await bar.evaluate((node: HTMLProgressElement) => [node.value, node.max])).toEqual([4, 5]);
    expect(await bar.getAttribute('aria-label')).toBe('Loading the search index: 4 of 5 sources searchable');

    // Opened from the keyboard: the segments, what each holds, one line each.
    const list = page.locator('.index-segment-list');
    expect(await list.isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(list), ANSWER).toBe(true);
    const lines = await list.locator('li').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    const parts = lines.map((line) => line.match(/^(\d+) sources?, (\d+) passages?(?:, \d+ masked)? · \d+(?:\.\d)? (?:KB|MB)$/));
    expect(parts.every((part) => part !== null), lines.join('\n')).toBe(true);
    expect(parts.reduce((sum, part) => sum + Number(part?.[1]), 0)).toBe(4);
    expect(parts.every((part) => Number(part?.[2]) > 0)).toBe(true);
    // Every line within the library column, nothing cut off or scrolled aside.
    expect(await page.locator('.index-segments').evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
    const column = await page.locator('.search-box').boundingBox();
    for (const line of await list.locator('li').all()) {
      const box = await line.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(column!.x + column!.width + 0.5);
    }
  });

  it('stays usable meanwhile: a source opens in the reader', async () => {
    const { page } = app;
    await page.click('[data-source-id="edemskiy-2019"] .source-open');
    await page.waitForSelector('.reading');
    expect(await shown(page.locator('.reading'))).toBe(true);
    // A 900-pixel window folds the library away while reading; it comes back beside the text.
    await page.click('[data-action="toggle-library"]');
    await expect.poll(() => shown(page.locator('.index-summary'))).toBe(true);
  });

  it('answers at once from what is searchable, says so, and completes the results once the index is ready', async () => {
    const { page } = app;
    await page.fill('.search-input', 'Tirana');
    const note = page.locator('.search-results .search-loading');
    await expect.poll(() => note.textContent(), ANSWER).toBe(
      'Still indexing the library: 4 of 5 sources are searched so far. The results will be complete when it is done.',
    );
    expect(await shown(note)).toBe(true);
    const status = page.locator('.search-results .status');
    const partial = Number((await status.textContent())?.match(/^(\d+) passages found/)?.[1]);
    expect(partial).toBeGreaterThan(0);
    // What the app's own search, over the whole library, finds.
    const complete = await backend.services.search.query('Tirana', 200);
    const heldBack = complete.hits.find((hit) => hit.sourceId === HELD_BACK)?.sourceTitle;
    expect(heldBack).toBeDefined();
    const sources = () => page.locator('.search-results .result-source').allTextContents();
    expect(await sources()).not.toContain(heldBack);

    // The user moves into the partial results from the keyboard meanwhile.
    await page.focus('.search-input');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    const ref = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ref);
    expect(ref).toBeDefined();

    corpus.release();
    await expect.poll(() => note.count(), ANSWER).toBe(0);
    // The complete list replaces the partial one, and the focus stays on the hit the user was on.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ref)).toBe(ref);
    expect(await seenWhole(page.locator('.search-results button.result:focus'))).toBe(true);
    expect(complete.total).toBeGreaterThan(partial);
    expect(await sources()).toContain(heldBack);
    expect(await status.textContent()).toBe(`${complete.total} passages found.`);
    expect(await page.locator('.search-results .result').count()).toBe(complete.hits.length);
    await expect.poll(() => page.locator('.index-status').isVisible(), ANSWER).toBe(false);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

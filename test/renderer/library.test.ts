import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusService } from '../../electron/services/corpus-service.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

describe('the library sidebar', () => {
  let browser: Browser;
  let app: AppPage;
  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, { corpus: new CorpusService(CORPUS) });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('lists the five corpus sources, fed by the real corpus service', async () => {
    const items = app.page.locator('.source-list .source');
    await expect.poll(() => items.count()).toBe(5);
    const ids = await items.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.sourceId));
    expect(ids.sort()).toEqual(['edemskiy-2019', 'memorie-kapo', 'pilaca-nako-2021', 'resexcellence-2021', 'wikipedia-split']);
    expect(app.calls.map((call) => call.name)).toContain('corpus.list');
  });

  it('shows author, short title, year and a reliability badge', async () => {
    const edemskiy = app.page.locator('[data-source-id="edemskiy-2019"]');
    await expect.poll(() => edemskiy.textContent()).toContain('Andrey Edemskiy');
    expect(await edemskiy.textContent()).toContain('2019');
    expect(await edemskiy.locator('.badge').textContent()).toBe('Primary');
  });

  it('says what a derivative source derives from', async () => {
    const paraphrase = app.page.locator('[data-source-id="resexcellence-2021"]');
    expect(await paraphrase.locator('.badge').textContent()).toBe('Derivative');
    expect(await paraphrase.locator('.source-derivation').textContent()).toMatch(/Soviet–Albanian split/);
  });

  it('runs under the strict Content-Security-Policy without errors', () => {
    expect(app.errors).toEqual([]);
  });
});

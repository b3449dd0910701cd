import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { openServices, type TestServices } from '../support/services.ts';

describe('the library sidebar', () => {
  let browser: Browser;
  let app: AppPage;
  let backend: TestServices;
  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openApp(browser, backend.services);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
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

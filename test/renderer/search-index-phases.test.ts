/**
 * The search index's building and tidying as the window shows them, in the built app: main sends
 * `search.progress` events as the search service reports its phases (their order and payloads are
 * the service's, tested in test/electron/search/), and the window says what is happening, in a
 * 900×600 window, with a bar a screen reader names.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchProgress } from '../../core/api.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll } from '../support/reading.ts';
import { ANSWER, shown } from '../support/search-window.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

const SEGMENTS: SearchProgress['segments'] = [
  { id: 's1', kind: 'sources', sources: 900, documents: 52_000, masked: 12, bytes: 31_000_000 },
  { id: 's2', kind: 'sources', sources: 60, documents: 3_400, masked: 0, bytes: 2_100_000 },
  { id: 'a1', kind: 'annotations', sources: 0, documents: 5_000, masked: 0, bytes: 400_000 },
];

describe('the search index while it builds and tidies', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(() => closeAll(app, browser, backend));

  it('counts the sources indexed of those to index, with what is searchable meanwhile', async () => {
    const { page } = app;
    await app.emit('search.progress', { phase: 'indexing', done: 40, total: 1_000, searchable: 960, sources: 1_000, segments: SEGMENTS });
    const summary = page.locator('.index-summary');
    await expect.poll(() => summary.textContent(), ANSWER).toBe('Indexing sources: 40 of 1,000 done (960 of 1,000 sources searchable)');
    expect(await shown(summary)).toBe(true);
    const bar = page.locator('.index-progress');
    expect(await shown(bar)).toBe(true);
    expect(await bar.evaluate((node: HTMLProgressElement) => [node.value, node.max, node.position])).toEqual([40, 1_000, 0.04]);
    expect(await bar.getAttribute('aria-label')).toBe('Indexing sources: 40 of 1,000 done (960 of 1,000 sources searchable)');

    await app.emit('search.progress', { phase: 'indexing', done: 41, total: 1_000, searchable: 961, sources: 1_000, segments: SEGMENTS });
    await expect.poll(() => bar.evaluate((node: HTMLProgressElement) => node.value), ANSWER).toBe(41);
    expect(await summary.textContent()).toBe('Indexing sources: 41 of 1,000 done (961 of 1,000 sources searchable)');
  });

  it('says it is tidying while segments merge, with a bar that shows work without a count', async () => {
    const { page } = app;
    await app.emit('search.progress', { phase: 'merging', done: 1, total: 1, searchable: 1_000, sources: 1_000, segments: SEGMENTS });
    const summary = page.locator('.index-summary');
    await expect.poll(() => summary.textContent(), ANSWER).toBe('Tidying the search index (1,000 of 1,000 sources searchable)');
    expect(await shown(summary)).toBe(true);
    const bar = page.locator('.index-progress');
    expect(await shown(bar)).toBe(true);
    // An indeterminate bar: no value, so no false "done" or "0 %" while merging.
    expect(await bar.evaluate((node: HTMLProgressElement) => node.position)).toBe(-1);

    // The segments, from the keyboard, masked passages said.
    const list = page.locator('.index-segment-list');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(list), ANSWER).toBe(true);
    expect(await list.locator('li').allTextContents()).toEqual([
      '900 sources, 52,000 passages, 12 masked · 29.6 MB',
      '60 sources, 3,400 passages · 2.0 MB',
      'Annotations, 5,000 passages · 391 KB',
    ]);
  });

  it('goes away when the index is idle, leaving the search box alone', async () => {
    const { page } = app;
    await app.emit('search.progress', { phase: 'idle', done: 1, total: 1, searchable: 1_000, sources: 1_000 });
    await expect.poll(() => page.locator('.index-status').isVisible(), ANSWER).toBe(false);
    expect(await shown(page.locator('.search-input'))).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

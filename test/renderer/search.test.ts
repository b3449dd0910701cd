import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('searching in the browser', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
  });

  it('finds a name whatever its accents, grouped by source with pages and marked terms', async () => {
    const { page } = app;
    await page.fill('.search-input', 'mehilli');
    await page.waitForSelector('.search-results .result');
    const sources = await page.locator('.result-source').allTextContents();
    expect(sources).toContain('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
    const marks = await page.locator('.search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toBe('mehilli');
    expect(await page.locator('.result-place').first().textContent()).toMatch(/^(Annotation · )?(pp?\. \d|[A-Z])/);
  });

  it('opens a result from the keyboard with the passage in view and every match marked', async () => {
    const { page } = app;
    await page.focus('.search-input');
    await page.keyboard.press('Enter');
    const first = page.locator('.search-results button.result').first();
    await expect.poll(() => first.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.reading .search-match.current');
    const current = page.locator('.reading .search-match.current');
    expect((await current.textContent())?.normalize('NFD').replace(/\p{M}/gu, '')).toBe('Mehilli');
    const box = await current.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y).toBeLessThan(900);
    expect(await page.locator('.reading .search-match').count()).toBeGreaterThan(1);
  });

  it('steps to the next and previous match with F3', async () => {
    const { page } = app;
    const count = page.locator('.match-count');
    const before = await count.textContent();
    await page.locator('.reading').focus();
    await page.keyboard.press('F3');
    await expect.poll(() => count.textContent()).not.toBe(before);
    await page.keyboard.press('Shift+F3');
    await expect.poll(() => count.textContent()).toBe(before);
  });

  it('finds an annotation by a word of its note, at once', async () => {
    const { page } = app;
    const created = await page.evaluate(() =>
      window.apparatus!.annotations.create({ sourceId: 'wikipedia-split', start: 4, end: 30, note: 'A palimpsest of earlier claims' }),
    );
    expect(created.ok).toBe(true);
    await page.fill('.search-input', 'palimpsest');
    await expect.poll(() => page.locator('.search-results .result').allTextContents()).toEqual([
      expect.stringMatching(/^Annotation.*palimpsest of earlier claims/),
    ]);
  });

  it('names each source once, its hits under it, though the engine ranks the sources’ hits in turn', async () => {
    const { page } = app;
    await page.fill('.search-input', 'Albania');
    // The answer for this query, not the last one's: its first hit is marked "Albania".
    await expect.poll(() => page.locator('.search-results .result mark').first().textContent(), { timeout: 20_000 }).toBe('Albania');
    const sources = await page.locator('.result-source').allTextContents();
    expect(sources).toHaveLength(5);
    expect(new Set(sources).size).toBe(5);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

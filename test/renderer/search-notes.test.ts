import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('a search hit in a source’s own notes', () => {
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
  afterAll(() => closeAll(app, browser, backend));

  it('is labelled with its note as well as its page', async () => {
    await app.page.fill('.search-input', 'Velichanskaia');
    // The index is built as the app starts: the first answer may take a moment.
    await app.page.waitForSelector('.search-results .result');
    const places = app.page.locator('.search-results .result-place');
    await expect.poll(() => places.allTextContents()).toContain('p. 382 n. 12');
    // The same name in the bibliography is in the body: its page alone.
    expect(await places.allTextContents()).toContain('p. 395');
  });

  it('opens with the match on screen at the first click', async () => {
    const { page } = app;
    await page.locator('.search-results .result').filter({ hasText: 'p. 382 n. 12' }).click();
    const current = page.locator('.reading .search-match.current');
    await expect.poll(() => seenWhole(current)).toBe(true);
    expect(await current.textContent()).toBe('Velichanskaia');
    expect(await current.evaluate((node) => node.closest('.note')?.getAttribute('data-label'))).toBe('12');
    // And it stays there once the blocks around it have been laid out.
    await page.waitForTimeout(500);
    expect(await seenWhole(current)).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

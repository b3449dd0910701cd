import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { seenWhole, sight, unseen } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';
const text = readingText(parseSource(readFileSync(join(CORPUS_DIR, `${SOURCE}.md`), 'utf8'))).text;

describe('finding one’s way in a source', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openReading(browser, backend, SOURCE);
  });
  afterAll(() => closeAll(app, browser, backend));

  const pageField = () => app.page.locator('.page-input');

  it('lists the headings under Contents, and goes to the one chosen', async () => {
    const { page } = app;
    await page.click('[data-action="outline"]');
    const entries = page.locator('.outline .outline-entry');
    const headings = await page.locator('.reading h1, .reading h2, .reading h3, .reading h4').allTextContents();
    expect(await entries.allTextContents()).toEqual([...headings, 'Notes']);
    const last = headings.at(-1)!;
    await entries.filter({ hasText: last }).click();
    expect(await unseen(page.locator('.outline'))).toBe(true);
    const heading = page.locator('.reading h1, .reading h2, .reading h3, .reading h4').filter({ hasText: last });
    await expect.poll(async () => (await sight(heading)).partly).toBe(true);
    expect(await page.locator('.reading').evaluate((node) => node === document.activeElement)).toBe(true);
  });

  it('goes through Contents from the keyboard: the arrows, Home to the first heading and End to the notes', async () => {
    const { page } = app;
    const focusedEntry = () => page.evaluate(() => (document.activeElement?.classList.contains('outline-entry') ? document.activeElement.textContent : null));
    await page.locator('[data-action="outline"]').focus();
    await page.keyboard.press('Enter');
    const entries = await page.locator('.outline .outline-entry').allTextContents();
    expect(entries.length).toBeGreaterThan(2);
    expect(await focusedEntry()).toBe(entries[0]);
    await page.keyboard.press('End');
    expect(await focusedEntry()).toBe('Notes');
    expect(await seenWhole(page.locator(':focus'))).toBe(true);
    await page.keyboard.press('Home');
    expect(await focusedEntry()).toBe(entries[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedEntry()).toBe(entries[1]);
    await page.keyboard.press('Escape');
    expect(await unseen(page.locator('.outline'))).toBe(true);
    expect(await page.locator('[data-action="outline"]').evaluate((node) => node === document.activeElement)).toBe(true);
  });

  it('shows the printed page while scrolling, and goes to the page typed (Ctrl+G)', async () => {
    const { page } = app;
    // The user wheels back to the top at once, while the heading just gone to may still be settling.
    await page.hover('.reader-scroll');
    await page.mouse.wheel(0, -1_000_000);
    await expect.poll(() => page.locator('.reader-scroll').evaluate((node) => node.scrollTop)).toBe(0);
    await expect.poll(() => pageField().inputValue()).toBe('375');
    await page.keyboard.press('Control+g');
    expect(await pageField().evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.type('382');
    await page.keyboard.press('Enter');
    const milestone = page.locator('.reading .page-milestone[data-page="382"]');
    await expect.poll(async () => (await sight(milestone)).partly).toBe(true);
    await expect.poll(() => pageField().inputValue()).toMatch(/^38[12]$/);
    // Read on with the wheel, as a user does, even if the page gone to is still settling on screen.
    const height = await page.locator('.reader-scroll').evaluate((node) => node.clientHeight);
    await page.hover('.reader-scroll');
    await page.mouse.wheel(0, height * 3);
    await expect.poll(() => pageField().inputValue()).not.toMatch(/^38[12]$/);
  });

  it('says so when there is no such page', async () => {
    const { page } = app;
    await page.keyboard.press('Control+g');
    await page.keyboard.type('999');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.toast').textContent()).toBe('There is no page 999 in this source; its pages run from 375 to 396.');
    await page.keyboard.press('Escape');
  });

  it('finds words in this source with Ctrl+F, counting the matches, whatever the case and accents', async () => {
    const { page } = app;
    await page.locator('.reader-scroll').evaluate((node) => (node.scrollTop = 0));
    await page.keyboard.press('Control+f');
    await page.keyboard.type('mehilli');
    const expected = (text.normalize('NFD').replace(/\p{M}/gu, '').match(/mehilli/gi) ?? []).length;
    expect(expected).toBeGreaterThan(1);
    await expect.poll(() => page.locator('.find-count').textContent()).toBe(`1 of ${expected}`);
    expect(await page.locator('.reading .search-match').count()).toBeGreaterThanOrEqual(expected);
    const current = page.locator('.reading .search-match.current');
    await expect.poll(() => seenWhole(current)).toBe(true);
    expect((await current.textContent())?.normalize('NFD').replace(/\p{M}/gu, '')).toBe('Mehilli');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.find-count').textContent()).toBe(`2 of ${expected}`);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => page.locator('.find-count').textContent()).toBe(`1 of ${expected}`);
    await page.keyboard.press('Escape');
    expect(await unseen(page.locator('.find-bar'))).toBe(true);
    await expect.poll(() => page.locator('.reading .search-match').count()).toBe(0);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

describe('starting again where the user left off', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    for (const phrase of ['The situation changed in the spring of 1960', 'In early June Soviet leaders came up with the idea']) {
      backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, phrase) });
    }
  });
  afterAll(() => closeAll(app, browser, backend));

  it('says, before any source was opened, that none is open rather than that there are no annotations', async () => {
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
    const empty = app.page.locator('.annotations-panel > .status');
    await expect.poll(() => empty.textContent()).toBe('No source is open: choose one in the library to see its highlights, or show those of every source.');
    await app.page.click('.annotations-panel button:has-text("Show the highlights of all sources")');
    await expect.poll(() => app.page.locator('.annotation-open').count()).toBe(2);
  });

  it('reopens the last source at the place it was read, its annotations listed', async () => {
    const { page } = app;
    await page.click(`[data-source-id="${SOURCE}"] .source-open`);
    await page.waitForSelector('.reading');
    await page.locator('.reader-scroll').evaluate((node) => (node.scrollTop = node.scrollHeight / 2));
    await expect.poll(() => backend.services.store.getSetting(`reader.position:${SOURCE}`)).toBeGreaterThan(1000);
    await app.close();
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
    await app.page.waitForSelector('.reading');
    expect(await app.page.locator('.reader-title').textContent()).toBe('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
    await expect.poll(() => app.page.locator('.reader-scroll').evaluate((node) => node.scrollTop)).toBeGreaterThan(1000);
    await app.page.selectOption('.filter-bar select[aria-label="Show"]', 'source');
    await expect.poll(() => app.page.locator('.annotation-open').count()).toBe(2);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

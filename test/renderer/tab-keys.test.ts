import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange, sentences } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';

// The side panel's tabs and the highlight's colours are rows of which one is chosen, announced as
// a tab list and a radio group: the arrows must move along them (they did nothing), and Tab reach
// the chosen item only (each was a stop of its own).
describe('tabs and colours from the keyboard', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const focusedText = () => app.page.evaluate(() => document.activeElement?.textContent ?? null);
  /** The tab the user sees chosen (selected), and the pane they see. */
  const shownTab = async () => ({
    selected: await app.page.locator('.side-tabs [aria-selected="true"]').textContent(),
    tags: await app.page.locator('.side-body[data-pane="tags"]').isVisible(),
  });

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const [phrase] = sentences(SOURCE, 1);
    backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, phrase!) });
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(() => closeAll(app, browser, backend));

  it('moves between the Annotations and Tags tabs with the arrows, Home and End', async () => {
    const { page } = app;
    await page.locator('.side-tabs [data-side="annotations"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedText()).toBe('Tags');
    expect(await shownTab()).toMatchObject({ selected: 'Tags', tags: true });
    expect(await page.locator('.side-body[data-pane="annotations"]').isVisible()).toBe(false);
    await page.keyboard.press('ArrowRight');
    expect(await focusedText()).toBe('Annotations');
    expect(await shownTab()).toMatchObject({ selected: 'Annotations', tags: false });
    await page.keyboard.press('ArrowLeft');
    expect(await focusedText()).toBe('Tags');
    await page.keyboard.press('Home');
    expect(await focusedText()).toBe('Annotations');
    await page.keyboard.press('End');
    expect(await focusedText()).toBe('Tags');
    expect(await shownTab()).toMatchObject({ selected: 'Tags', tags: true });
  });

  it('lets Tab reach only the chosen tab', async () => {
    const { page } = app;
    // From the tab chosen, Shift+Tab leaves the tab list instead of stopping at the other tab.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
    await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Tags');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('tab');
    await page.locator('.side-tabs [data-side="tags"]').focus();
    await page.keyboard.press('Home');
    expect(await shownTab()).toMatchObject({ selected: 'Annotations', tags: false });
  });

  it('changes the colour of a highlight with the arrows in its colour choice', async () => {
    const { page } = app;
    await page.locator('.annotation-open').first().focus();
    await page.keyboard.press('Enter');
    const checked = page.locator('.color-choice [aria-checked="true"]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('yellow');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => checked.getAttribute('aria-label')).toBe('green');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('green');
    await expect.poll(() => backend.services.store.list({ sourceId: SOURCE })[0]?.color).toBe('green');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => checked.getAttribute('aria-label')).toBe('orange');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('orange');
    // Tab leaves the colours at once: the other five are not stops of their own.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.color-choice'))).toBeNull();
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

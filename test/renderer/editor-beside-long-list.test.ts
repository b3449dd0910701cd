import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange, sentences } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole, sight } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';
const HIGHLIGHTS = 60;

// A historian with many highlights in a source opens one from the list at 900 × 600 and works in
// its editor: the editor keeps room for its controls however long the list below it is.
describe('the highlight editor above a long annotations list', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const focusedInEditor = () => app.page.evaluate(() => document.activeElement?.closest('.annotation-editor') !== null);

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    for (const phrase of sentences(SOURCE, HIGHLIGHTS)) backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, phrase) });
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(() => closeAll(app, browser, backend));

  it('shows every control the Tab key reaches in the editor, uncovered', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('.annotations-panel .annotation-item').count()).toBeGreaterThanOrEqual(HIGHLIGHTS / 2);
    await page.locator('.annotation-open').nth(3).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.annotation-editor');
    await expect.poll(focusedInEditor).toBe(true);
    const unseenStops: string[] = [];
    for (let i = 0; i < 30 && (await focusedInEditor()); i++) {
      const focused = page.locator(':focus');
      const seen = await sight(focused);
      if (!seen.partly || !seen.onTop) unseenStops.push((await focused.getAttribute('aria-label')) ?? (await focused.evaluate((node) => node.outerHTML.slice(0, 60))));
      await page.keyboard.press('Tab');
    }
    expect(unseenStops).toEqual([]);
  });

  it('has room to show the whole note field once it is scrolled to', async () => {
    const note = app.page.locator('.annotation-editor .note-input');
    await note.focus();
    // As the user scrolls the editor to the field: it fits only if the editor was given the room.
    await note.evaluate((field) => field.scrollIntoView({ block: 'nearest' }));
    expect(await seenWhole(note)).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

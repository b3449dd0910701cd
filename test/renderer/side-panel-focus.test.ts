import type { Browser, ElementHandle } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange, sentences } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';

const SOURCE = 'edemskiy-2019';
const CYCLES = 5;

// Fifty actions on highlights, done as a user does them, each followed by what the user sees: the
// control they are in still has the focus, and the annotations list has not moved.
describe('the side panel while the user works on highlights', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const phrases = sentences(SOURCE, 30 + CYCLES);
  const existing = phrases.slice(0, 30);
  const fresh = phrases.slice(30);

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    backend.services.store.createTag('Bucharest', 'blue');
    for (const phrase of existing) backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, phrase) });
    app = await openReading(browser, backend, SOURCE);
  });
  afterAll(() => closeAll(app, browser, backend));

  const stored = () => backend.services.store.list({ sourceId: SOURCE });
  let newestId = '';
  const newest = () => stored().find((a) => a.id === newestId);

  /** Where the list is scrolled, and where a row in the middle of it sits within the list. */
  const listPlace = () =>
    app.page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('.annotations-panel')!;
      const row = list.querySelectorAll('.annotation-item')[12]!;
      return { scrollTop: list.scrollTop, rowTop: row.getBoundingClientRect().top - list.getBoundingClientRect().top };
    });
  const focused = (handle: ElementHandle) => app.page.evaluate((node) => node === document.activeElement, handle);

  it('keeps the focus where the user is and the list where it was, through 50 actions', { timeout: 180_000 }, async () => {
    const { page } = app;
    await expect.poll(() => page.locator('.annotations-panel .annotation-item').count()).toBe(30);
    await page.locator('.annotation-open').first().click();
    await page.waitForSelector('.annotation-editor');
    await page.locator('.annotations-panel').evaluate((list) => (list.scrollTop = 400));
    const place = await listPlace();
    expect(place.scrollTop).toBe(400);
    let actions = 0;
    const done = async (expectFocusOn: ElementHandle) => {
      actions += 1;
      await expect.poll(() => focused(expectFocusOn)).toBe(true);
      expect(await listPlace()).toEqual(place);
    };

    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      // Highlight: the new highlight's editor opens with its colour focused.
      const before = new Set(stored().map((a) => a.id));
      await selectWithMouse(page, fresh[cycle]!);
      await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
      await page.keyboard.press('h');
      await expect.poll(() => stored().length).toBe(before.size + 1);
      newestId = stored().find((a) => !before.has(a.id))!.id;
      expect(newest()?.quote.exact).toBe(fresh[cycle]);
      const id = newestId;
      await page.waitForSelector(`.annotation-editor .swatch[aria-checked="true"]`);
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.annotation-editor') !== null)).toBe(true);
      await done((await page.$('.annotation-editor .swatch[aria-checked="true"]'))!);

      // Recolour by clicking a swatch: that swatch keeps the focus.
      const green = (await page.$('.annotation-editor .swatch[aria-label="green"]'))!;
      await green.click();
      await expect.poll(() => newest()?.color).toBe('green');
      await done(green);

      // Tag with a new tag from the keyboard: the tag field keeps the focus, emptied for the next.
      const tagInput = (await page.$('.annotation-editor .tag-input'))!;
      await tagInput.click();
      await page.keyboard.type(`Theme ${cycle}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => newest()?.tags.length).toBe(1);
      await done(tagInput);
      expect(await tagInput.inputValue()).toBe('');
      await expect.poll(() => page.locator(`.annotation-editor .tag-chip`).allTextContents()).toEqual([`Theme ${cycle}×`]);

      // Write a note: the saves as you type never move the caret.
      const note = (await page.$('.annotation-editor .note-input'))!;
      await note.click();
      await page.keyboard.type('Compare the minutes.');
      await expect.poll(() => newest()?.note).toBe('Compare the minutes.');
      await done(note);
      expect(await note.evaluate((node: HTMLTextAreaElement) => [node.selectionStart, node.value.length])).toEqual([20, 20]);

      // Recolour again, undo and redo it from the keyboard, on the swatch.
      const blue = (await page.$('.annotation-editor .swatch[aria-label="blue"]'))!;
      await blue.click();
      await expect.poll(() => newest()?.color).toBe('blue');
      await done(blue);
      await page.keyboard.press('Control+z');
      await expect.poll(() => newest()?.color).toBe('green');
      expect(await page.locator('.annotation-editor .swatch[aria-label="green"]').getAttribute('aria-checked')).toBe('true');
      await done(blue);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => newest()?.color).toBe('blue');
      await done(blue);

      // Tag with an existing tag, picked from the list with the arrow keys.
      await tagInput.click();
      await page.keyboard.type('Buch');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      await expect.poll(() => newest()?.tags.length).toBe(2);
      await done(tagInput);

      // Delete: the editor closes and the reader, where the highlight was, has the focus;
      // undo brings the highlight back without moving anything.
      await page.click('.annotation-editor button:has-text("Delete highlight")');
      await expect.poll(() => stored().some((a) => a.id === id)).toBe(false);
      const reading = (await page.$('.reading'))!;
      await done(reading);
      expect(await page.locator('.annotation-editor').count()).toBe(0);
      await page.keyboard.press('Control+z');
      await expect.poll(() => stored().find((a) => a.id === id)?.tags.length).toBe(2);
      await expect.poll(() => page.locator(`.hl[data-annotation-id="${id}"]`).count()).toBeGreaterThan(0);
      await done(reading);
    }
    expect(actions).toBe(50);
    expect(await page.locator('.annotations-panel .annotation-item').count()).toBe(30 + CYCLES);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';
const PASSAGE = 'The situation changed in the spring of 1960';

// A historian with many tags picks one for a highlight from the keyboard at 900 × 600: the tag
// the arrows move to is in sight, though the list is longer than the room under the field.
describe('the tag picker in a small window', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const { store, annotations } = backend.services;
    for (let n = 1; n <= 12; n++) store.createTag(`Archive of the Central Committee, fond ${n}`, 'blue');
    annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, PASSAGE) });
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(() => closeAll(app, browser, backend));

  it('shows each tag the arrows move to, and picks it with Enter', async () => {
    const { page } = app;
    await page.locator('.annotation-open').first().click();
    await page.locator('.annotation-editor .tag-input').focus();
    await page.keyboard.type('Archive');
    const options = page.locator('.tag-options [role="option"]');
    await expect.poll(() => options.count()).toBe(9);
    const unseen: string[] = [];
    for (let step = 0; step < 9; step++) {
      const active = page.locator('.tag-options [aria-selected="true"]');
      if (!(await seenWhole(active))) unseen.push((await active.textContent()) ?? '?');
      if (!(await seenWhole(page.locator('.annotation-editor .tag-input')))) unseen.push('the field typed in');
      if (step < 8) await page.keyboard.press('ArrowDown');
    }
    expect(unseen).toEqual([]);
    await page.keyboard.press('ArrowUp');
    const chosen = (await page.locator('.tag-options [aria-selected="true"]').textContent())!;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.annotation-editor .tag-chip-name').allTextContents()).toEqual([chosen]);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

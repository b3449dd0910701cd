import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange, sentences } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';

// A historian with many highlights moves through the annotations list as through the library and
// the search results: the arrows from highlight to highlight, Home and End to the first and last
// (Tab alone took a press a highlight to reach the last one).
describe('the annotations list from the keyboard', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const rows = () => app.page.locator('.annotation-list:not(.orphans) .annotation-open');
  const focused = () => app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.annotationId ?? null);

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    for (const phrase of sentences(SOURCE, 30)) backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, phrase) });
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(() => closeAll(app, browser, backend));

  it('goes from highlight to highlight with the arrows, and to the ends with Home and End, each in sight', async () => {
    const { page } = app;
    await expect.poll(() => rows().count()).toBe(30);
    const ids = await rows().evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.annotationId!));
    await rows().first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(ids[1]);
    await page.keyboard.press('End');
    expect(await focused()).toBe(ids[29]);
    expect(await seenWhole(page.locator(':focus'))).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(ids[28]);
    expect(await seenWhole(page.locator(':focus'))).toBe(true);
    await page.keyboard.press('Home');
    expect(await focused()).toBe(ids[0]);
    expect(await seenWhole(page.locator(':focus'))).toBe(true);
    // Enter still opens the highlight the user is on.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.annotation-editor').count()).toBe(1);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

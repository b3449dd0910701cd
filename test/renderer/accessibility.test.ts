import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll } from '../support/reading.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';

/** Opens, in turn, each part of the window the user works in, running axe-core on each. */
async function everyPanel(page: Page, scheme: 'light' | 'dark'): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const audit = async (name: string) => {
    const violations = await axeViolations(page);
    if (violations.length > 0) found[`${scheme}: ${name}`] = violations.flatMap((v) => v.nodes.slice(0, 3).map((node) => `${v.id} ${node}`));
  };
  await page.emulateMedia({ colorScheme: scheme });
  await page.click(`[data-source-id="${SOURCE}"] .source-open`);
  await page.waitForSelector('.reading');
  await audit('the reader');

  await selectWithMouse(page, 'the condemnation of the “personality cult” of Joseph Stalin');
  await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
  await audit('the colour toolbar over a selection');
  await page.locator('.selection-toolbar [data-color="blue"]').click();
  await page.waitForSelector('.annotation-editor');
  await page.fill('.note-input', 'Compare **Hoxha**’s account, and [the minutes](https://digitalarchive.wilsoncenter.org/).');
  await page.locator('.tag-input').focus();
  await audit('the highlight editor and the annotations list');

  await page.locator('.source-notice summary').click();
  await audit('the notice of the source’s known problems');

  await page.keyboard.press('Control+f');
  await page.keyboard.type('Hoxha');
  await page.locator('.find-count', { hasText: ' of ' }).waitFor();
  await audit('find in this source');
  await page.keyboard.press('Escape');

  await page.click('[data-action="outline"]');
  await page.locator('.outline').waitFor({ state: 'visible' });
  await audit('the outline');
  await page.keyboard.press('Escape');

  await page.locator('.reading .note-ref[data-label="8"]').first().scrollIntoViewIfNeeded();
  await page.locator('.reading .note-ref[data-label="8"]').first().click();
  await page.locator('.note-popover').waitFor();
  await audit('a note of the source');
  await page.keyboard.press('Escape');

  await page.click('[data-side="tags"]');
  await audit('the tag manager');
  await page.click('[data-side="annotations"]');

  await page.fill('.search-input', 'mehilli');
  await page.waitForSelector('.search-results .result');
  await page.locator('.search-results .result').first().click();
  await audit('search results, with the match buttons');
  await page.fill('.search-input', '');

  await page.keyboard.press('Control+Shift+L');
  await page.keyboard.press('Control+Shift+A');
  await audit('the reader with both panels collapsed');
  await page.keyboard.press('Control+Shift+L');
  await page.keyboard.press('Control+Shift+A');
  return found;
}

// axe-core (a pinned devDependency) run in the window: no violation in the library, the reader
// in light and dark, the panels and what opens over the text. The dialogs are checked in
// dialogs.test.ts.
describe('accessibility of the window, by axe-core', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const tag = backend.services.store.createTag('Kremlin', 'blue');
    backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, 'The situation changed in the spring of 1960'), tags: [tag.id], note: 'A *turning* point.' });
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
    await app.page.waitForSelector('.source');
  });
  afterAll(() => closeAll(app, browser, backend));

  it('finds nothing in the library before a source is open', async () => {
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.keyboard.press('Control+z');
    await app.page.locator('.toast').waitFor({ state: 'visible' });
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('finds nothing in the reader and its panels, in light and in dark', async () => {
    const light = await everyPanel(app.page, 'light');
    await app.page.reload();
    await app.page.waitForSelector('.reading');
    const dark = await everyPanel(app.page, 'dark');
    expect({ ...light, ...dark }).toEqual({});
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

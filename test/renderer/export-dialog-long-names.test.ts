import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

// Its title runs to 249 characters: the export dialog offers “Highlights in “…”” with all of it.
const LONG_TITLED = 'memorie-kapo';
const LONG_TAG = 'Soviet–Albanian economic relations and the withdrawal of the Soviet specialists in 1961';

// The export dialog at 900 × 600 when a choice it offers is long (a source's title, a tag's name):
// every field and its explanation stays inside the dialog, where the user can see it.
describe('the export dialog with long source titles and tag names', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    backend.services.store.createTag(LONG_TAG, 'orange');
    app = await openReading(browser, backend, LONG_TITLED);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(() => closeAll(app, browser, backend));

  it('shows every field whole inside the dialog, however long an option', async () => {
    const { page } = app;
    await app.emit('menu.export');
    const dialog = page.locator('.import-dialog');
    await dialog.waitFor();
    const scope = dialog.locator('select').nth(1);
    expect(await scope.locator('option').allTextContents()).toContain(`Highlights tagged “${LONG_TAG}” (0)`);
    const cutOff: string[] = [];
    for (const field of await dialog.locator('select, .form-check:not([hidden]), .dialog-buttons button').all()) {
      await field.evaluate((node) => node.scrollIntoView({ block: 'nearest' }));
      if (!(await seenWhole(field))) cutOff.push((await field.evaluate((node) => node.textContent ?? '')).slice(0, 50));
    }
    expect(cutOff).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

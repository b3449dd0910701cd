import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole, tabStops, unseen } from '../support/visible.ts';

// What the user sees, measured as they see it (a box on screen, on top), not read off attributes:
// a `hidden` attribute that a stylesheet overrides leaves the element on screen.
describe('what is hidden is off the screen and out of the tab order', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openReading(browser, backend, 'edemskiy-2019');
  });
  afterAll(() => closeAll(app, browser, backend));

  const toolbar = () => app.page.locator('.selection-toolbar');

  it('shows no colour toolbar, match buttons or message before there is anything for them', async () => {
    expect(await unseen(toolbar())).toBe(true);
    expect(await unseen(app.page.locator('.match-nav'))).toBe(true);
    expect(await unseen(app.page.locator('.toast'))).toBe(true);
  });

  it('shows the colour toolbar over a selection, and takes it away when the text scrolls', async () => {
    await selectWithMouse(app.page, 'the condemnation of the “personality cult” of Joseph Stalin');
    await expect.poll(() => seenWhole(toolbar())).toBe(true);
    await app.page.locator('.reader-scroll').evaluate((node) => (node.scrollTop += 200));
    await expect.poll(() => unseen(toolbar())).toBe(true);
  });

  it('shows the match buttons with a search’s matches, and not on another source', async () => {
    const { page } = app;
    await page.fill('.search-input', 'mehilli');
    await page.locator('.search-results button.result').first().click();
    const nav = page.locator('.match-nav');
    await expect.poll(() => seenWhole(nav)).toBe(true);
    expect(await page.locator('.match-count').textContent()).toMatch(/^1 of \d+$/);
    await page.fill('.search-input', '');
    await page.click('[data-source-id="wikipedia-split"] .source-open');
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('Soviet–Albanian split');
    expect(await unseen(nav)).toBe(true);
  });

  it('never stops the Tab key on something the user cannot see', async () => {
    // From the search box through the library, the reader's toolbar, the text and the side panel.
    await app.page.locator('.search-input').focus();
    const stops = await tabStops(app.page, 70);
    const invisible = stops.filter((stop) => !stop.sight.partly || !stop.sight.onTop).map((stop) => stop.name);
    expect(invisible).toEqual([]);
    expect(stops.some((stop) => stop.name.includes('“Export…”'))).toBe(true);
  });

  it('takes a message away after a moment, and an error when it is dismissed', async () => {
    const { page } = app;
    const toast = page.locator('.toast');
    // Undo with nothing to undo says so: a message of the app's own.
    await page.keyboard.press('Control+z');
    await expect.poll(() => seenWhole(toast)).toBe(true);
    expect(await toast.textContent()).toBe('Nothing to undo.');
    await expect.poll(() => unseen(toast), { timeout: 8000 }).toBe(true);
    await page.fill('.search-input', 'x'.repeat(10_001));
    await expect.poll(() => seenWhole(toast)).toBe(true);
    await toast.locator('button', { hasText: 'Dismiss' }).click();
    expect(await unseen(toast)).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

// A historian moves through the library from the keyboard, as through the search results and the
// contents: the arrows go from source to source (each has two buttons, so Tab takes two presses a
// source, two thousand for a library of a thousand), Home and End to the first and the last.
describe('the library from the keyboard', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const sources = () => app.page.locator('.source-list .source-open');
  /** Which source's button has the focus (its id), and whether the user sees it whole. */
  const focus = async () => {
    const id = await app.page.evaluate(() => (document.activeElement?.closest('.source') as HTMLElement | null)?.dataset.sourceId ?? null);
    return { id, seen: await seenWhole(app.page.locator(':focus')), open: await app.page.evaluate(() => document.activeElement?.classList.contains('source-open') ?? false) };
  };

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
  });

  it('goes from source to source with the arrows, and to the ends with Home and End', async () => {
    const { page } = app;
    await expect.poll(() => sources().count()).toBe(5);
    const ids = await page.locator('.source-list .source').evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.sourceId!));
    await sources().first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focus()).toEqual({ id: ids[1], seen: true, open: true });
    await page.keyboard.press('End');
    expect(await focus()).toEqual({ id: ids[4], seen: true, open: true });
    await page.keyboard.press('ArrowUp');
    expect(await focus()).toEqual({ id: ids[3], seen: true, open: true });
    await page.keyboard.press('Home');
    expect(await focus()).toEqual({ id: ids[0], seen: true, open: true });
  });

  it('goes on from a source’s Details… button to the next source', async () => {
    const { page } = app;
    const ids = await page.locator('.source-list .source').evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.sourceId!));
    await page.locator('.source-list .source-edit').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focus()).toEqual({ id: ids[1], seen: true, open: true });
  });

  it('opens the source the arrows reached with Enter', async () => {
    const { page } = app;
    await page.keyboard.press('Enter');
    await page.waitForSelector('.reading');
    const id = await page.locator('.source-list .source').nth(1).getAttribute('data-source-id');
    await expect.poll(() => page.locator(`.source-list [data-source-id="${id}"]`).getAttribute('class')).toContain('current');
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

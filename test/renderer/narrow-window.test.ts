import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole, unseen } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';
const LONG_TAG = 'Soviet–Albanian economic relations and the withdrawal of the Soviet specialists in 1961';

/** Characters on each full line of the longest paragraph on screen: the measure the reader sets. */
async function charactersPerLine(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.reading > p')].filter((p) => {
      const box = p.getBoundingClientRect();
      return box.top >= scroller.top && box.top < scroller.bottom - 100 && (p.textContent ?? '').length > 300;
    });
    const paragraph = paragraphs[0];
    if (!paragraph) return [];
    const lines = new Map<number, number>();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < (node as Text).length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
    }
    // The last line of a paragraph is short by nature.
    return [...lines.values()].slice(0, -1);
  });
}

describe('a narrow window', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const library = () => app.page.locator('.library');
  const side = () => app.page.locator('.side-panel');

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const { store } = backend.services;
    const parent = store.createTag('Economy', 'green');
    store.createTag(LONG_TAG, 'orange', parent.id);
    store.createTag('Kremlin', 'blue');
    app = await openReading(browser, backend, SOURCE);
  });
  afterAll(() => closeAll(app, browser, backend));

  it('keeps a readable measure at 800 px, the side panel beside the text and the library folded away', async () => {
    await resizeWindow(app.page, 800, 600);
    await expect.poll(() => unseen(library())).toBe(true);
    expect(await seenWhole(app.page.locator('.side-tabs'))).toBe(true);
    const lines = await charactersPerLine(app.page);
    expect(lines.length).toBeGreaterThan(2);
    expect(Math.min(...lines)).toBeGreaterThanOrEqual(45);
  });

  it('shows either panel from the keyboard, the other folding to make room', async () => {
    const { page } = app;
    const toggle = page.locator('[data-action="toggle-library"]');
    await page.locator('.reader-title').click();
    await page.keyboard.press('Shift+Tab');
    expect(await toggle.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => seenWhole(page.locator('.search-input'))).toBe(true);
    expect(await unseen(side())).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-action="toggle-side"]').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Control+Shift+A');
    await expect.poll(() => seenWhole(page.locator('.side-tabs'))).toBe(true);
    expect(await unseen(library())).toBe(true);
  });

  it('fits the tag manager in its panel: every control in view, long names cut short with a tooltip', async () => {
    const { page } = app;
    await resizeWindow(page, 900, 600);
    await page.click('[data-side="tags"]');
    const rows = page.locator('.tag-row');
    await expect.poll(() => rows.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      await row.scrollIntoViewIfNeeded();
      for (const control of ['.tag-name', '.tag-color', '.tag-parent', '.tag-merge', 'button.danger']) {
        expect({ row: i, control, seen: await seenWhole(row.locator(control)) }).toEqual({ row: i, control, seen: true });
      }
    }
    const long = page.locator('.tag-name').filter({ has: page.locator(`xpath=self::*[@title="${LONG_TAG}"]`) });
    expect(await long.count()).toBe(1);
    expect(await long.evaluate((input) => input.scrollWidth > input.clientWidth)).toBe(true);
  });

  it('remembers a collapsed panel, and reopens the source where it was, after a restart', async () => {
    const { page } = app;
    await resizeWindow(page, 1400, 900);
    await page.click('[data-side="annotations"]');
    // Folded to make room at 800 px: shown again, then collapsed by the user.
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(() => seenWhole(page.locator('.search-input'))).toBe(true);
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(() => unseen(library())).toBe(true);
    await expect.poll(() => backend.services.store.getSetting('window.libraryCollapsed')).toBe(true);
    await page.reload();
    await page.waitForSelector('.reading');
    expect(await page.locator('.reader-title').textContent()).toBe('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
    expect(await unseen(library())).toBe(true);
    expect(await page.locator('[data-action="toggle-library"]').getAttribute('aria-expanded')).toBe('false');
    await page.click('[data-action="toggle-library"]');
    await expect.poll(() => seenWhole(page.locator('.search-input'))).toBe(true);
  });

  it('cuts a long title short in the toolbar, its whole in a tooltip', async () => {
    const { page } = app;
    await resizeWindow(page, 900, 600);
    const title = page.locator('.reader-title');
    expect(await title.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
    expect(await title.getAttribute('title')).toBe('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

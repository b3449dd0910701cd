import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { lines, makePdf, type PageSpec } from '../support/make-pdf.ts';
import { inkOnPage } from '../support/page-canvas.ts';
import { closeAll } from '../support/reading.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const WORDS = ['first', 'second', 'third', 'fourth', 'fifth'];

// Five pages of an offprint, labelled i, ii, then 375 to 377, each a paragraph of thirty lines.
function offprint(): Promise<Uint8Array> {
  const pages = WORDS.map((word): PageSpec => ({
    texts: lines(50, 560, Array.from({ length: 30 }, (_unused, i) => `Line ${i + 1} of the ${word} page, which runs on`), { indent: 12, leading: 14 }),
  }));
  return makePdf(pages, { labels: [{ start: 0, style: 'r' }, { start: 2, style: 'D', first: 375 }] });
}

const PRINTED = ['first', 'second', 'third'];

// A cover without a page number, then three pages that print 1, 2 and 3 at their foot.
function withCover(): Promise<Uint8Array> {
  const cover: PageSpec = { texts: [{ text: 'An Offprint with a Cover', x: 50, y: 500, size: 18, font: 'bold' }] };
  const pages = PRINTED.map((word, i): PageSpec => ({
    texts: [
      ...lines(50, 560, Array.from({ length: 30 }, (_unused, n) => `Line ${n + 1} of the ${word} printed page, which runs on`), { indent: 12, leading: 14 }),
      { text: String(i + 1), x: 195, y: 30, size: 9 },
    ],
  }));
  return makePdf([cover, ...pages]);
}

// Scrolls the reader so that the paragraph holding `words` begins just above the reading line (a
// third of the way down), as the user reads on.
async function readFrom(page: Page, words: string): Promise<void> {
  await page.evaluate((wanted) => {
    const block = Array.from(document.querySelectorAll<HTMLElement>('.reading p')).find((p) => p.textContent?.includes(wanted));
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!;
    const view = scroller.getBoundingClientRect();
    scroller.scrollTop += block!.getBoundingClientRect().top - (view.top + view.height / 3) + 10;
  }, words);
}

const heading = (page: Page) => page.locator('.page-heading').textContent();

describe('the page view of a PDF source', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-page-view-'));
    const corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    const file = join(folder, 'offprint.pdf');
    writeFileSync(file, await offprint());
    browser = await launchChromium();
    backend = openServices(corpus);
    const importer = backend.services.importer;
    importer.commit(await importer.prepareFile(file), { title: 'An Offprint', reliability: 'secondary', id: 'offprint' });
    // A source imported before imports recorded the printed page of each PDF page in the recipe.
    const covered = join(folder, 'covered.pdf');
    writeFileSync(covered, await withCover());
    importer.commit(await importer.prepareFile(covered), { title: 'An Offprint with a Cover', reliability: 'secondary', id: 'covered' });
    const recipe = join(corpus, 'recipes', 'covered.yml');
    const recorded = readFileSync(recipe, 'utf8');
    writeFileSync(recipe, recorded.replace(/options:\n {2}pageLabels: .*\n/u, ''));
    if (readFileSync(recipe, 'utf8') === recorded) throw new Error('the recipe of covered.pdf records no page labels to remove');
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
    await app.page.click('[data-source-id="offprint"] .source-open');
    await app.page.waitForSelector('.reading');
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('opens from the keyboard on the printed page at the reading position, and follows the reading', async () => {
    const { page } = app;
    await page.locator('.reading').focus();
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.page-pane:not([hidden]) .page-sheet:not([hidden])');
    await expect.poll(() => heading(page)).toBe('Page i');
    expect(await page.locator('.page-where').textContent()).toBe('PDF page 1 of 5');
    await expect.poll(() => inkOnPage(page)).toBeGreaterThan(0.002);
    // pdf.js reads the PDF in a worker of our own origin, as the Content-Security-Policy allows.
    expect(page.workers().map((worker) => worker.url())).toContainEqual(expect.stringMatching(/^http:\/\/apparatus\.test\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/));
    await readFrom(page, 'the fourth page');
    await expect.poll(() => heading(page)).toBe('Page 376');
    expect(await page.locator('.page-where').textContent()).toBe('PDF page 4 of 5');
    await readFrom(page, 'the second page');
    await expect.poll(() => heading(page)).toBe('Page ii');
  });

  it('turns pages and zooms with its buttons, from the keyboard, until the reader moves on', async () => {
    const { page } = app;
    const next = page.locator('.page-pane button[aria-label="Next page"]');
    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Page 375');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Page 376');
    const width = (await page.locator('.page-sheet').boundingBox())!.width;
    await page.locator('.page-pane button[aria-label="Larger page"]').press('Enter');
    await expect.poll(async () => (await page.locator('.page-sheet').boundingBox())!.width).toBeGreaterThan(width * 1.2);
    await page.locator('.page-pane button[aria-label="Smaller page"]').press('Enter');
    await expect.poll(async () => Math.round((await page.locator('.page-sheet').boundingBox())!.width)).toBe(Math.round(width));
    // Reading on brings the page back to the reading position.
    await readFrom(page, 'the third page');
    await expect.poll(() => heading(page)).toBe('Page 375');
    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => page.locator('.page-pane').isHidden()).toBe(true);
  });

  it('keeps the reader readable beside the page in a 900 × 600 window, and gives it all its room when closed', async () => {
    const { page } = app;
    await resizeWindow(page, 900, 600);
    const alone = (await page.locator('.reader-scroll').boundingBox())!;
    await page.click('[data-action="page-view"]');
    await page.waitForSelector('.page-pane:not([hidden]) .page-sheet:not([hidden])');
    const shared = (await page.locator('.reader-scroll').boundingBox())!;
    const pane = (await page.locator('.page-pane').boundingBox())!;
    // The text keeps its width and at least half its height; the page sits below it, in the window.
    expect(shared.width).toBe(alone.width);
    expect(shared.height).toBeGreaterThan(alone.height / 2);
    expect(pane.y).toBeGreaterThanOrEqual(shared.y + shared.height - 1);
    expect(pane.y + pane.height).toBeLessThanOrEqual(600);
    for (const name of ['Previous page', 'Next page', 'Smaller page', 'Larger page', 'Close the page view (Ctrl+Shift+P)']) {
      const box = (await page.locator(`.page-pane button[aria-label="${name}"]`).boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(900);
      expect(box.y + box.height, name).toBeLessThanOrEqual(600);
    }
    await page.locator('.page-pane .page-close').click();
    await expect.poll(() => page.locator('.page-pane').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('page-view');
    expect((await page.locator('.reader-scroll').boundingBox())!.height).toBe(alone.height);
    await resizeWindow(page, 1400, 900);
  });

  it('shows the find bar above the text and the page below it, every toolbar button in sight, and passes axe-core in light and dark', async () => {
    const { page } = app;
    await resizeWindow(page, 900, 600);
    await page.click('[data-action="page-view"]');
    await page.waitForSelector('.page-pane:not([hidden]) .page-sheet:not([hidden])');
    const shown = await page.locator('.reader-toolbar button').evaluateAll((buttons) => buttons.filter((b) => b.checkVisibility()).map((b) => b.textContent ?? ''));
    expect(shown).toEqual(expect.arrayContaining(['Library', 'Find', 'A−', 'A+', 'Page', 'Annotations']));
    for (const label of shown) expect({ label, seen: await seenWhole(page.locator('.reader-toolbar button', { hasText: label }).first()) }).toEqual({ label, seen: true });

    await page.locator('.reading').focus();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('fourth');
    await expect.poll(() => page.locator('.find-count').textContent()).toBe('1 of 30');
    const bar = (await page.locator('.find-bar').boundingBox())!;
    const text = (await page.locator('.reader-scroll').boundingBox())!;
    const pane = (await page.locator('.page-pane').boundingBox())!;
    const input = (await page.locator('.find-input').boundingBox())!;
    // The bar keeps the height of its one line; it does not take the text's room.
    expect(bar.height).toBeLessThan(input.height * 2);
    expect(bar.y + bar.height).toBeLessThanOrEqual(text.y + 0.5);
    expect(text.height).toBeGreaterThan(100);
    expect(pane.y).toBeGreaterThanOrEqual(text.y + text.height - 1);
    expect(pane.y + pane.height).toBeLessThanOrEqual(600);
    expect(await seenWhole(page.locator('.find-bar [data-action="find-close"]'))).toBe(true);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect({ scheme, violations: await axeViolations(page) }).toEqual({ scheme, violations: [] });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.find-bar').isHidden()).toBe(true);
    await page.locator('.page-pane .page-close').click();
    await expect.poll(() => page.locator('.page-pane').isHidden()).toBe(true);
    await resizeWindow(page, 1400, 900);
  });

  it('shows the page a printed page stands on for a source imported before its pages were recorded, counting the cover', async () => {
    const { page } = app;
    await page.click('[data-source-id="covered"] .source-open');
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('An Offprint with a Cover');
    if (await page.locator('.page-pane').isHidden()) await page.click('[data-action="page-view"]');
    await page.waitForSelector('.page-pane:not([hidden]) .page-sheet:not([hidden])');
    const drawn = () => page.locator('.page-pane .textLayer').textContent();
    for (const [i, word] of PRINTED.entries()) {
      await readFrom(page, `the ${word} printed page`);
      await expect.poll(() => heading(page)).toBe(`Page ${i + 1}`);
      expect(await page.locator('.page-where').textContent()).toBe(`PDF page ${i + 2} of 4`);
      await expect.poll(drawn).toContain(`Line 1 of the ${word} printed page`);
      await expect.poll(() => inkOnPage(page)).toBeGreaterThan(0.002);
    }
    await page.locator('.page-pane .page-close').click();
  });

  it('offers no page view for a source that was not imported from a PDF', async () => {
    const { page } = app;
    await page.click('[data-source-id="edemskiy-2019"] .source-open');
    await expect.poll(() => page.locator('.reader-title').textContent()).toMatch(/Additional Evidence/);
    await expect.poll(() => page.locator('[data-action="page-view"]').isHidden()).toBe(true);
    await page.keyboard.press('Control+Shift+P');
    expect(await page.locator('.page-pane').isHidden()).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

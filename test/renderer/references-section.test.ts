import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { buttonsOutOfView } from '../support/dialog-fit.ts';
import { closeAll, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

// A book the corpus has no text of: importing it keeps it as a reference without text.
const BIBTEX = `@book{griffith1963,
  title = {Albania and the Sino-Soviet Rift},
  author = {Griffith, William E.},
  publisher = {MIT Press}, address = {Cambridge, MA},
  year = {1963}
}
`;

// Whether the element lies wholly inside the window, with a size: what the user can see.
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.width > 0 && box.height > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

describe('the library’s references without text, in the browser', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let corpus: ReturnType<typeof tempCorpus>;
  const references = () => JSON.parse(readFileSync(join(corpus.folder, 'references.json'), 'utf8')) as { id: string; title: string; 'title-short'?: string }[];
  const activeLabel = () => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

  beforeAll(async () => {
    corpus = tempCorpus('apparatus-references-ui-');
    browser = await launchChromium();
    backend = openServices(corpus.folder);
    app = await openApp(browser, backend.services);
    // Main forwards the list's changes to the window, as the Electron main process does.
    backend.services.events.on('references.changed', () => void app.emit('references.changed'));
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    corpus.remove();
  });

  it('shows no section while the corpus keeps no reference without text', async () => {
    expect(await app.page.locator('.references-section').count()).toBe(1);
    expect(await app.page.locator('.references-section').isHidden()).toBe(true);
  });

  it('lists a record of an imported BibTeX file that matches no source, with its author, short title and year', async () => {
    const { page } = app;
    const bib = join(corpus.folder, '..', 'griffith.bib');
    writeFileSync(bib, BIBTEX);
    backend.filesToChoose.push(bib);
    await app.emit('menu.importReferences');
    await page.waitForSelector('.references-dialog .plan-added');
    await page.keyboard.press('Enter');
    const section = page.locator('.references-section');
    await expect.poll(() => section.isVisible()).toBe(true);
    const summary = section.locator('summary');
    expect(await summary.textContent()).toBe('References without text (1)');
    // Reached from the keyboard: the summary opens the section.
    await summary.focus();
    await page.keyboard.press('Enter');
    const item = section.locator('[data-reference-id="griffith1963"]');
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await item.locator('.reference-title').textContent()).toBe('Albania and the Sino-Soviet Rift');
    expect(await item.locator('.reference-byline').textContent()).toBe('Griffith, 1963');
    await page.keyboard.press('Tab');
    expect(await activeLabel()).toBe('Copy the citation of Albania and the Sino-Soviet Rift');
    expect(await onScreen(page, item)).toBe(true);
    expect(await onScreen(page, item.locator('.reference-copy'))).toBe(true);
  });

  it('copies its Chicago note from the keyboard, choosing the form in a dialog that fits the window', async () => {
    const { page } = app;
    await page.keyboard.press('Enter');
    const dialog = page.locator('.confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.dialog-buttons button').allTextContents()).toEqual(['Cancel', 'Full note', 'Short note', 'Bibliography entry']);
    expect(await buttonsOutOfView(page, '.confirm-dialog')).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await activeLabel()).toBe('Full note');
    await page.keyboard.press('Enter');
    await expect.poll(() => backend.clipboard.length).toBe(1);
    expect(backend.clipboard[0]).toEqual({
      text: 'William E. Griffith, Albania and the Sino-Soviet Rift (MIT Press, 1963).',
      html: 'William E. Griffith, <i>Albania and the Sino-Soviet Rift</i> (MIT Press, 1963).',
    });
    await expect.poll(() => page.locator('.toast').textContent()).toBe('Citation copied: William E. Griffith, Albania and the Sino-Soviet Rift (MIT Press, 1963).');

    // The bibliography entry, by the same path.
    await page.locator('[data-reference-id="griffith1963"] .reference-copy').click();
    await dialog.locator('button', { hasText: 'Bibliography entry' }).click();
    await expect.poll(() => backend.clipboard.length).toBe(2);
    expect(backend.clipboard[1]!.text).toBe('Griffith, William E. Albania and the Sino-Soviet Rift. MIT Press, 1963.');
  });

  it('edits its details, and the list shows them', async () => {
    const { page } = app;
    await page.locator('[data-reference-id="griffith1963"] .reference-details').click();
    const dialog = page.locator('dialog[aria-label="Reference details"]');
    await dialog.waitFor();
    expect(await buttonsOutOfView(page, 'dialog[aria-label="Reference details"]')).toEqual([]);
    await dialog.getByLabel('Short title (for shortened notes)').fill('Sino-Soviet Rift');
    await dialog.locator('button', { hasText: 'Save' }).click();
    await expect.poll(() => page.locator('[data-reference-id="griffith1963"] .reference-title').textContent()).toBe('Sino-Soviet Rift');
    expect(references()[0]!['title-short']).toBe('Sino-Soviet Rift');
  });

  it('removes it once the user confirms, from the keyboard, and the section goes', async () => {
    const { page } = app;
    const remove = page.locator('[data-reference-id="griffith1963"] .reference-remove');
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('.confirm-dialog');
    await dialog.waitFor();
    expect(await buttonsOutOfView(page, '.confirm-dialog')).toEqual([]);
    // Escape keeps it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(references().map((item) => item.id)).toEqual(['griffith1963']);

    await remove.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await activeLabel()).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await activeLabel()).toBe('Remove');
    await page.keyboard.press('Enter');
    await expect.poll(() => references()).toEqual([]);
    await expect.poll(() => page.locator('.references-section').isHidden()).toBe(true);
    await expect.poll(() => page.locator('.toast').textContent()).toBe('Removed the reference “Sino-Soviet Rift”.');
  });

  it('shows a reference another program adds to the list while the app is open', async () => {
    const { page } = app;
    backend.services.corpus.watch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    writeFileSync(join(corpus.folder, 'references.json'), JSON.stringify([{ id: 'halliday1986', type: 'book', title: 'The Artful Albanian', author: [{ family: 'Halliday', given: 'Jon' }], issued: { 'date-parts': [[1986]] } }]));
    await expect.poll(() => page.locator('.references-section summary').textContent(), { timeout: 10_000 }).toBe('References without text (1)');
    expect(await page.locator('[data-reference-id="halliday1986"] .reference-byline').textContent()).toBe('Halliday, 1986');
    // Search results take the library's place, references included, until the search box is cleared.
    await page.fill('.search-input', 'mehilli');
    await expect.poll(() => page.locator('.references-section').isHidden()).toBe(true);
    await page.fill('.search-input', '');
    await expect.poll(() => page.locator('.references-section').isVisible()).toBe(true);
    expect(app.errors).toEqual([]);
  });
});

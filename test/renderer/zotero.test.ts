import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoteroProgress } from '../../core/api.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { buttonsNotSeen, buttonsOutOfView } from '../support/dialog-fit.ts';
import { article } from '../support/pdf-fixtures.ts';
import { closeAll, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { startZoteroServer, type ZoteroServer } from '../support/zotero-server.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('Zotero in the browser, against a server that answers as Zotero 7 does', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let zotero: ZoteroServer;
  let corpus: ReturnType<typeof tempCorpus>;
  const progress: ZoteroProgress[] = [];

  beforeAll(async () => {
    corpus = tempCorpus('apparatus-zotero-ui-');
    const pdf = join(corpus.folder, '..', 'Lalaj - 2019 - Albania and Moscow.pdf');
    writeFileSync(pdf, await article.bytes());
    zotero = await startZoteroServer({ P2F8K2LM: pdf });
    browser = await launchChromium();
    // Main sends the import's progress to the window, as the app does.
    backend = openServices(corpus.folder, undefined, {
      zoteroUrl: zotero.url,
      onZoteroProgress: (p) => {
        progress.push(p);
        void app.emit('zotero.progress', p);
      },
    });
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    await zotero?.close();
    corpus?.remove();
  });

  const browserDialog = () => app.page.locator('.zotero-browser');
  const itemTitles = () => browserDialog().locator('.zotero-item-list .check-text').allTextContents();

  it('browses the collections, imports an item with its PDF and annotations and one without, with progress, and opens the source', async () => {
    const { page } = app;
    await app.emit('menu.zoteroImport');
    const dialog = browserDialog();
    await expect.poll(itemTitles).toEqual(['Albania and Moscow', 'Albania and the Sino-Soviet Rift']);
    expect(await dialog.locator('.zotero-collections option').allTextContents()).toEqual(['My Library (all items)', 'Albania (2)', '\u00a0\u00a0Sino-Soviet split (1)']);
    expect(await dialog.locator('.zotero-item-list .check-detail').allTextContents()).toEqual(['Lalaj · 2019 · article', 'Griffith · 1963 · book']);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('zotero-collections');
    await dialog.locator('.zotero-collections').selectOption('CH4Z8N2K');
    await expect.poll(itemTitles).toEqual(['Albania and the Sino-Soviet Rift']);
    await dialog.locator('.zotero-collections').selectOption('');
    await expect.poll(itemTitles).toEqual(['Albania and Moscow', 'Albania and the Sino-Soviet Rift']);
    const importButton = dialog.locator('.dialog-buttons button.primary');
    expect(await importButton.isDisabled()).toBe(true);
    await dialog.locator('label', { hasText: 'Select all' }).click();
    expect(await importButton.textContent()).toBe('Import 2 items');
    expect(await buttonsOutOfView(page, '.zotero-browser')).toEqual([]);
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // While Zotero is busy the dialog says which item it is reading, and cannot be closed.
    const release = zotero.hold();
    await importButton.click();
    await expect.poll(() => dialog.locator('.zotero-status').textContent()).toBe('Importing 1 of 2: “Albania and Moscow”…Stop');
    expect(await dialog.locator('.zotero-status').isVisible()).toBe(true);
    expect(await dialog.locator('.dialog-buttons button', { hasText: 'Close' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    release();

    await expect.poll(() => dialog.locator('.zotero-imported li').count(), { timeout: 30_000 }).toBe(2);
    expect(progress).toEqual([
      { done: 0, total: 2, key: 'X42A7DEB' },
      { done: 1, total: 2, key: 'GR8FTH63' },
      { done: 2, total: 2, key: null },
    ]);
    expect(await dialog.locator('.panel-intro').textContent()).toBe('Imported 2 items from Zotero.');
    const [withPdf, withoutPdf] = await dialog.locator('.zotero-imported li').all();
    expect(await withPdf!.locator('.zotero-result-text').textContent()).toBe('“Albania and Moscow”: its PDF is now the source lalaj-2019.');
    expect(await withPdf!.locator('.zotero-result-annotations').textContent()).toBe(
      'Zotero annotations: Imported 4: 3 anchored, 0 moved, 1 orphaned. New tags: economy, archives, Central Committee.',
    );
    expect(await withoutPdf!.textContent()).toContain('“Albania and the Sino-Soviet Rift”: added as the reference without text griffith-1963.');
    expect(await withoutPdf!.locator('button').count()).toBe(0);
    expect(existsSync(join(corpus.folder, 'lalaj-2019.md'))).toBe(true);
    expect(await buttonsOutOfView(page, '.zotero-browser')).toEqual([]);
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await withPdf!.locator('button', { hasText: 'Open “Albania and Moscow”' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('Albania and Moscow');
    expect(await page.locator('[data-source-id="lalaj-2019"] .source-byline').textContent()).toBe('Ana Lalaj, 2019');
    const pane = page.locator('[data-pane="annotations"]');
    await expect.poll(() => pane.locator('.annotation-list:not(.orphans) > li').count()).toBe(3);
    expect(await pane.locator('.annotation-list.orphans > li').count()).toBe(1);
    // The note's Markdown is shown rendered: the emphasis in italics, not between asterisks.
    expect(await pane.textContent()).toContain('Dependence on Soviet grain.');
    expect(await pane.locator('.annotation-note em').allTextContents()).toContain('grain');
  }, 60_000);

  it('stops an import after the item being read when the user says so, keeping what was done', async () => {
    const dialog = browserDialog();
    await app.emit('menu.zoteroImport');
    await expect.poll(itemTitles).toEqual(['Albania and Moscow', 'Albania and the Sino-Soviet Rift']);
    await dialog.locator('label', { hasText: 'Select all' }).click();
    const release = zotero.hold();
    await dialog.locator('.dialog-buttons button.primary').click();
    await dialog.locator('.zotero-status button', { hasText: 'Stop' }).click();
    release();
    await expect.poll(() => dialog.locator('.panel-alert').textContent(), { timeout: 30_000 }).toBe('You stopped the import: 1 of 2 items were not imported.');
    expect(await dialog.locator('.zotero-imported li').allTextContents()).toEqual([expect.stringContaining('“Albania and Moscow”: the corpus had it already, as lalaj-2019.')]);
    await dialog.locator('.dialog-buttons button', { hasText: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  }, 60_000);

  it('stops an import with Escape, as with Stop, the dialog staying to say what was imported', async () => {
    const { page } = app;
    const dialog = browserDialog();
    await app.emit('menu.zoteroImport');
    await expect.poll(itemTitles).toEqual(['Albania and Moscow', 'Albania and the Sino-Soviet Rift']);
    await dialog.locator('label', { hasText: 'Select all' }).click();
    const release = zotero.hold();
    await dialog.locator('.dialog-buttons button.primary').focus();
    await page.keyboard.press('Enter');
    // The Import button pressed is off while it runs: the focus is on Stop, in sight.
    const stop = dialog.locator('.zotero-status button', { hasText: 'Stop' });
    await expect.poll(() => stop.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await seenWhole(stop)).toBe(true);
    await page.keyboard.press('Escape');
    release();
    await expect.poll(() => dialog.locator('.panel-alert').textContent(), { timeout: 30_000 }).toBe('You stopped the import: 1 of 2 items were not imported.');
    expect(await dialog.count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
  }, 60_000);

  it('is worked from the keyboard alone at 900 × 600: a collection chosen with the arrows, an item ticked with Space, imported with Enter', async () => {
    const { page } = app;
    const dialog = browserDialog();
    const focused = () => page.evaluate(() => {
      const active = document.activeElement as HTMLInputElement | null;
      return active?.type === 'checkbox' ? `checkbox ${active.value}` : `${active?.tagName.toLowerCase()} ${active?.textContent ?? ''}`.trim();
    });
    await app.emit('menu.zoteroImport');
    await expect.poll(itemTitles).toEqual(['Albania and Moscow', 'Albania and the Sino-Soviet Rift']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('zotero-collections');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => dialog.locator('.zotero-items legend').textContent()).toBe('Items (2)');
    await page.keyboard.press('ArrowDown');
    await expect.poll(itemTitles).toEqual(['Albania and the Sino-Soviet Rift']);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('checkbox ');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('checkbox GR8FTH63');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button Close');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button Import 1 item');
    expect(await buttonsOutOfView(page, '.zotero-browser')).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('.zotero-imported li').allTextContents(), { timeout: 30_000 }).toEqual([expect.stringContaining('“Albania and the Sino-Soviet Rift”')]);
    expect(await focused()).toBe('button Close');
    expect(await buttonsOutOfView(page, '.zotero-browser')).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
  }, 60_000);

  it('says how to turn on Zotero’s local API when it is off, and lists the library once it is on again', async () => {
    const dialog = browserDialog();
    zotero.setLocalApi(false);
    await app.emit('menu.zoteroImport');
    await expect.poll(() => dialog.locator('.panel-alert').textContent()).toBe(
      'Zotero is running, but its local API is turned off, so other programs cannot read your library. In Zotero, open Settings (Edit ▸ Settings, or Zotero ▸ Settings on a Mac) ▸ Advanced and tick “Allow other applications on this computer to communicate with Zotero”, then try again.',
    );
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('Try Again');
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(app.page)).toEqual([]);
    zotero.setLocalApi(true);
    await app.page.keyboard.press('Enter');
    await expect.poll(itemTitles).toEqual(['Albania and Moscow', 'Albania and the Sino-Soviet Rift']);
    expect(await dialog.locator('.panel-alert').textContent()).toBe('');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('sends the sources the user ticks to Zotero’s connector, the open one ticked first', async () => {
    const { page } = app;
    await app.emit('menu.zoteroSend');
    const dialog = page.locator('.zotero-send');
    await dialog.waitFor();
    expect(await dialog.locator('input:checked').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['lalaj-2019']);
    expect(await dialog.locator('.send-group').last().locator('.check-text').allTextContents()).toEqual(['Griffith, “Albania and the Sino-Soviet Rift” (1963)']);
    await dialog.locator('label', { hasText: 'Albania and the Sino-Soviet Rift' }).click();
    const send = dialog.locator('.dialog-buttons button.primary');
    expect(await send.textContent()).toBe('Send 2 references');
    expect(await buttonsOutOfView(page, '.zotero-send')).toEqual([]);
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await send.click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.toast').textContent()).toBe('Sent 2 references to Zotero; it saved 1 in the library or collection selected in Zotero.');
    const sent = zotero.requests.filter((r) => r.path === '/connector/import');
    expect(sent).toHaveLength(1);
    expect((JSON.parse(sent[0]!.body) as { id: string; title: string }[]).map((item) => [item.id, item.title])).toEqual([
      ['lalaj-2019', 'Albania and Moscow'],
      ['griffith-1963', 'Albania and the Sino-Soviet Rift'],
    ]);
  });

  it('sends from the keyboard alone: the open source ticked and focused, another ticked with Tab and Space, sent with Enter', async () => {
    const { page } = app;
    const before = zotero.requests.filter((r) => r.path === '/connector/import').length;
    await app.emit('menu.zoteroSend');
    const dialog = page.locator('.zotero-send');
    await dialog.waitFor();
    const focusedValue = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
    expect(await focusedValue()).toBe('lalaj-2019');
    // Tab walks the boxes in the order shown: the sources, then the references without text.
    const order = await dialog.locator('input[type=checkbox]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(order.at(-1)).toBe('griffith-1963');
    for (const value of order.slice(order.indexOf('lalaj-2019') + 1)) {
      await page.keyboard.press('Tab');
      expect(await focusedValue()).toBe(value);
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send 2 references');
    expect(await buttonsOutOfView(page, '.zotero-send')).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    const sent = zotero.requests.filter((r) => r.path === '/connector/import');
    expect(sent).toHaveLength(before + 1);
    expect((JSON.parse(sent.at(-1)!.body) as { id: string }[]).map((item) => item.id)).toEqual(['lalaj-2019', 'griffith-1963']);
  });

  it('says Zotero is not running, and how to start it, when nothing answers', async () => {
    const { page } = app;
    await zotero.close();
    const notRunning = `Zotero is not running: nothing answers at ${zotero.url}. Start Zotero 7 and try again.`;
    await app.emit('menu.zoteroImport');
    await expect.poll(() => browserDialog().locator('.panel-alert').textContent()).toBe(notRunning);
    expect(await browserDialog().locator('button', { hasText: 'Try Again' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => browserDialog().count()).toBe(0);

    // Sending keeps the dialog open with the message, so the user can start Zotero and send again.
    await app.emit('menu.zoteroSend');
    const dialog = page.locator('.zotero-send');
    await dialog.locator('.dialog-buttons button.primary').click();
    await expect.poll(() => dialog.locator('.panel-alert').textContent()).toBe(notRunning);
    expect(await dialog.locator('.dialog-buttons button.primary').isDisabled()).toBe(false);
    await dialog.locator('button', { hasText: 'Cancel' }).click();
  });

  it('raised no error in the page', () => {
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});

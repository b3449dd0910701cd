import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const PASSAGE =
  'Until June 1960, Moscow did not respond to these views in any way, believing that mutual ' +
  'ideological differences should not be discussed publicly, in the media, but rather in personal meetings.';
const KEPT =
  'Until June 1960, Moscow did not respond to these views in any way, believing that mutual ' +
  'ideological differences should not be discussed publicly.';
const QUOTED =
  'Until June 1960, Moscow did not respond to these views in any way, believing that mutual ' +
  'ideological differences should not be discussed publicly ….';

describe('trimming a quotation in the browser, against the real store', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 1400, 900);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
  });

  const only = () => {
    const all = backend.services.store.list({ sourceId: 'edemskiy-2019' });
    expect(all).toHaveLength(1);
    return all[0]!;
  };

  it('leaves words out of a highlighted passage with the keyboard, previewing the ellipsis', async () => {
    const { page } = app;
    await page.click('[data-source-id="edemskiy-2019"] .source-open');
    await page.waitForSelector('.reading');
    await selectWithMouse(page, PASSAGE);
    await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
    await page.keyboard.press('h');
    await page.waitForSelector('.annotation-editor');
    expect(only().quote.exact).toBe(PASSAGE);

    await page.locator('.annotation-editor button', { hasText: 'Trim quotation…' }).focus();
    await page.keyboard.press('Enter');
    const box = page.locator('.import-dialog textarea');
    await expect.poll(() => box.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe(PASSAGE);
    // Both buttons whole on screen in this 1400 × 900 window (dialogs.test.ts checks 900 × 600).
    for (const label of ['Cancel', 'Save']) {
      expect({ label, seen: await seenWhole(page.locator('.import-dialog .dialog-buttons button', { hasText: label })) }).toEqual({ label, seen: true });
    }
    // Delete ", in the media, but rather in personal meetings" from the end, as a user would.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < ', in the media, but rather in personal meetings'.length; i += 1) {
      await page.keyboard.press('Backspace');
    }
    expect(await box.inputValue()).toBe(KEPT);
    expect(await page.locator('.trim-preview').textContent()).toBe(QUOTED);
    await page.locator('.import-dialog button[type="submit"]').click();
    await expect.poll(() => only().omissions.length).toBe(1);
    const saved = only();
    const cut = saved.omissions[0]!;
    expect(PASSAGE.slice(cut.start, cut.end)).toBe(', in the media, but rather in personal meetings');
    await expect.poll(() => page.locator('.annotation-editor .editor-quote').textContent()).toBe(QUOTED);
    expect(await page.locator('.annotation-editor .quote-trimmed').textContent()).toBe('Trimmed for quotation.');
    // The list of highlights shows the quotation as it will be quoted, too.
    await expect.poll(() => page.locator('.annotations-panel .annotation-quote').first().textContent()).toContain('publicly ….');
  });

  it('refuses an edit that rewords the passage, explaining why, and changes nothing', async () => {
    const { page } = app;
    await page.click('.annotation-editor button:has-text("Change trim…")');
    const box = page.locator('.import-dialog textarea');
    await box.fill(KEPT.replace('Moscow', 'the Kremlin'));
    await expect.poll(() => page.locator('.trim-preview').textContent()).toMatch(/“the Kremlin” is not in the highlighted passage/);
    await page.click('.import-dialog button[type="submit"]');
    await expect.poll(() => page.locator('.import-dialog .form-error[role="alert"]').textContent()).toMatch(
      /can only be shortened by leaving words out/,
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.import-dialog').count()).toBe(0);
    expect(only().omissions).toHaveLength(1);
  });

  it('exports the trimmed quotation from the Export dialog, verbatim around the ellipsis', async () => {
    const { page } = app;
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-trim-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const out = join(folder, 'chapter.md');
    backend.filesToSave.push(out);
    await page.click('.annotations-panel button:has-text("Export…")');
    await page.waitForSelector('.import-dialog');
    await page.selectOption('.import-dialog label:has-text("Format") select', 'md');
    await page.click('.import-dialog button[type="submit"]');
    await expect.poll(() => existsSync(out)).toBe(true);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain(QUOTED);
    expect(markdown).not.toContain('in personal meetings');
  });

  it('undoes the trim with Ctrl+Z, and puts the words back with “Quote in full”', async () => {
    const { page } = app;
    await page.locator('.reading').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => only().omissions).toEqual([]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => only().omissions.length).toBe(1);
    await page.locator(`.hl[data-annotation-id="${only().id}"]`).first().click();
    await page.click('.annotation-editor button:has-text("Quote in full")');
    await expect.poll(() => only().omissions).toEqual([]);
    await expect.poll(() => page.locator('.annotation-editor .editor-quote').textContent()).toBe(PASSAGE);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { unzipText } from '../core/export/unzip.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('copying a citation in the browser', () => {
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

  async function highlight(sourceId: string, phrase: string): Promise<void> {
    const { page } = app;
    await page.click(`[data-source-id="${sourceId}"] .source-open`);
    await page.waitForSelector('.reading');
    await selectWithMouse(page, phrase);
    await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
    await page.keyboard.press('h');
    await page.waitForSelector('.annotation-editor');
  }

  it('puts the full Chicago note with page 380 on the clipboard, as HTML with italics and as text', async () => {
    await highlight('edemskiy-2019', 'the liberties taken by the Soviet side during the 12 November meeting');
    await app.page.click('.annotation-editor button:has-text("Copy citation")');
    await expect.poll(() => backend.clipboard.length).toBe(1);
    expect(backend.clipboard[0]).toEqual({
      html: 'Andrey Edemskiy, “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” <i>Balcanica</i> 50 (2019): 380, https://doi.org/10.2298/BALC1950375E.',
      text: 'Andrey Edemskiy, “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” Balcanica 50 (2019): 380, https://doi.org/10.2298/BALC1950375E.',
    });
  });

  it('offers to cite the original of a derivative source, and cites it when asked', async () => {
    await highlight('resexcellence-2021', 'In June, Politburo member Liri Belishova visited China');
    await app.page.click('.annotation-editor button:has-text("Copy citation")');
    await app.page.waitForSelector('.confirm-dialog');
    expect(await app.page.locator('.confirm-message').textContent()).toContain('is a machine paraphrase of parts of “Soviet–Albanian split”');
    await app.page.click('.confirm-dialog button:has-text("Cite the original")');
    await expect.poll(() => backend.clipboard.length).toBe(2);
    expect(backend.clipboard[1]!.text).toMatch(/Soviet–Albanian Split/i);
    expect(backend.clipboard[1]!.text).not.toMatch(/Resexcellence/i);
  });

  it('cites a translation as itself with “originally published as” its original', async () => {
    await highlight('memorie-kapo', 'Moscow had not responded to these views in any way');
    await app.page.click('.annotation-editor button:has-text("Copy citation")');
    await app.page.waitForSelector('.confirm-dialog');
    expect(await app.page.locator('.confirm-message').textContent()).toContain('is a translation of part of “Additional Evidence');
    await app.page.click('.confirm-dialog button:has-text("Cite this source")');
    await expect.poll(() => backend.clipboard.length).toBe(3);
    const { html, text } = backend.clipboard[2]!;
    expect(text).toMatch(/^Andrey Edemskiy, “‘Hysni Kapo, from Moscow/);
    expect(html).toMatch(
      /, originally published as “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” <i>Balcanica<\/i> 50 \(2019\): 376\.$/,
    );
  });

  it('exports the highlights as a Word document with real footnotes, from the Export dialog', async () => {
    const { page } = app;
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-export-ui-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const out = join(folder, 'chapter.docx');
    backend.filesToSave.push(out);
    await page.click('.annotations-panel button:has-text("Export…")');
    await page.waitForSelector('.import-dialog');
    await page.selectOption('.import-dialog label:has-text("Format") select', 'docx');
    await page.click('.import-dialog button[type="submit"]');
    await expect.poll(() => existsSync(out)).toBe(true);
    const footnotes = unzipText(new Uint8Array(readFileSync(out)), 'word/footnotes.xml');
    expect(footnotes).toContain('(2019): 380');
    expect(footnotes).toContain('<w:i/>');
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/Exported 3 highlights from 3 sources/);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';

const FIXTURE = new URL('../fixtures/import/article.html', import.meta.url);

describe('File ▸ Import Source… in the browser', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let folder: string;
  let corpus: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-import-ui-'));
    corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    browser = await launchChromium();
    backend = openServices(corpus);
    app = await openApp(browser, backend.services);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('imports a web page with the metadata the user confirms, and opens it', async () => {
    const { page } = app;
    const file = join(folder, 'article.html');
    writeFileSync(file, readFileSync(FIXTURE));
    backend.filesToChoose.push(file);
    await app.emit('menu.import');
    await page.waitForSelector('.import-dialog');
    await page.fill('.import-dialog label:has-text("Title") input', 'A Letter from Tirana');
    await page.fill('.import-dialog textarea', 'Hoxha, Enver');
    await page.fill('.import-dialog label:has-text("Date") input', '1961');
    await page.fill('.import-dialog label:has-text("Id in the corpus") input', 'hoxha-1961');
    await page.click('.import-dialog button[type="submit"]');
    await page.waitForSelector('[data-source-id="hoxha-1961"]');
    expect(readdirSync(corpus)).toContain('hoxha-1961.md');
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('A Letter from Tirana');
    expect(await page.locator('.reading').textContent()).not.toMatch(/alert|<script/);
  });

  it('shows a clear message for a file that is not text, and changes nothing', async () => {
    const { page } = app;
    const before = readdirSync(corpus).sort();
    const file = join(folder, 'scan.txt');
    writeFileSync(file, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0x00]));
    backend.filesToChoose.push(file);
    await page.click('[data-action="import"]');
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/not a text file|not text|binary/i);
    expect(await page.locator('.import-dialog').count()).toBe(0);
    expect(readdirSync(corpus).sort()).toEqual(before);
  });

  it('raised no error in the page', () => {
    expect(app.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});

import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';

// A source full of markup, script links and control characters is only text.
// The fixture's last paragraph holds raw U+0007, U+001B, U+0085, U+202E and a tab.
const FIXTURE = fileURLToPath(new URL('../fixtures/hostile/hostile-source.md', import.meta.url));

describe('a hostile source in the reader', () => {
  let browser: Browser;
  let app: AppPage;
  let backend: TestServices;
  let corpus: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    corpus = mkdtempSync(join(tmpdir(), 'apparatus-hostile-'));
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    copyFileSync(FIXTURE, join(corpus, 'hostile-source.md'));
    browser = await launchChromium();
    backend = openServices(corpus);
    app = await openApp(browser, backend.services);
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await app.page.click('[data-source-id="hostile-source"] .source-open');
    await app.page.waitForSelector('.reader-body .external-link');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
    if (corpus) rmSync(corpus, { recursive: true, force: true });
  });

  it('shows markup literally, creating no element from it', async () => {
    const page = app.page;
    const body = page.locator('.reader-body');
    expect(await body.textContent()).toContain('<script>alert(1)</script> and <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">raw anchor</a>.');
    expect(await page.locator('.reader-body script, .reader-body img, .reader-body iframe, .reader-body [onerror], .reader-body a[href]').count()).toBe(0);
    expect(await page.locator('[data-source-id="hostile-source"]').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  });

  it('keeps the control characters as text of the paragraph', async () => {
    const text = await app.page.locator('.reader-body').textContent();
    expect(text).toContain('bell[\u0007] escape[\u001b] next-line[\u0085] right-to-left-override[\u202e] tab[\t] end.');
  });

  it('never opens javascript: or data: links, and runs no script', async () => {
    for (const name of ['a javascript link', 'a data link']) {
      await app.page.locator('.reader-body .external-link', { hasText: name }).click();
      expect(await app.page.locator('.confirm-dialog').count()).toBe(0);
      await expect.poll(() => app.page.locator('.toast').textContent()).toContain('cannot be opened');
    }
    expect(backend.opened).toEqual([]);
    expect(app.calls.filter((call) => call.name === 'app.openExternal')).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(app.page.url()).toMatch(/\/index\.html$/);
  });

  it('opens the https link only after the user confirms', async () => {
    const link = app.page.locator('.reader-body .external-link', { hasText: 'a web link' });
    await link.click();
    await app.page.waitForSelector('.confirm-dialog');
    expect(await app.page.locator('.confirm-detail').textContent()).toBe('https://example.org/');
    await app.page.click('.confirm-dialog button:has-text("Cancel")');
    expect(backend.opened).toEqual([]);

    // A second click, right after Cancel, asks again.
    await link.click();
    await app.page.click('.confirm-dialog button:has-text("Open link")');
    await expect.poll(() => backend.opened).toEqual(['https://example.org/']);
    expect(dialogs).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

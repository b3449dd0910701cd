import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

// A file whose front matter is not valid YAML: the bracket is never closed.
const BROKEN = '---\nid: broken-notes\ntitle: [Minutes of the Politburo\ntype: manuscript\n---\n\nThe minutes.\n';

describe('a corpus file that cannot be read, in the library', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const copy = tempCorpus('apparatus-unreadable-');
  const corpus = copy.folder;

  beforeAll(async () => {
    writeFileSync(join(corpus, 'broken-notes.md'), BROKEN);
    browser = await launchChromium();
    backend = openServices(corpus);
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    copy.remove();
  });

  const entry = () => app.page.locator('.source.unreadable');

  it('is listed with the readable sources, saying it cannot be read, why, and how to repair it', async () => {
    await expect.poll(() => app.page.locator('.source-list .source').count()).toBe(6);
    expect(await entry().count()).toBe(1);
    expect(await entry().locator('.source-title').textContent()).toBe('broken-notes.md');
    expect(await entry().locator('.badge-problem').textContent()).toBe('Cannot be read');
    const reason = entry().locator('.source-problem');
    const repair = entry().locator('.source-repair');
    expect(await reason.textContent()).toMatch(/^broken-notes\.md cannot be read: its front matter/);
    expect(await repair.textContent()).toMatch(/^Open broken-notes\.md in a text editor and correct the front matter/);
    expect(await reason.isVisible()).toBe(true);
    expect(await repair.isVisible()).toBe(true);
    // Its details cannot be edited: the file cannot be parsed.
    expect(await entry().locator('.source-edit').isVisible()).toBe(false);
    expect(await entry().locator('.source-edit').evaluate((node) => getComputedStyle(node).display)).toBe('none');
  });

  it('says why when the user activates it, and opens nothing', async () => {
    const { page } = app;
    await entry().locator('.source-open').focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('.confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('.confirm-message').textContent()).toBe('This source cannot be read.');
    expect(await dialog.locator('.confirm-detail').textContent()).toMatch(/broken-notes\.md cannot be read: .* Open broken-notes\.md in a text editor/);
    const ok = dialog.locator('button', { hasText: 'OK' });
    const box = (await ok.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(box.x + box.width).toBeLessThanOrEqual(900);
    await ok.click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(app.calls.filter((call) => call.name === 'corpus.open')).toEqual([]);
    expect(await page.locator('.reader-empty').isVisible()).toBe(true);
  });

  it('leaves the readable sources as they were', async () => {
    await app.page.click('[data-source-id="edemskiy-2019"] .source-open');
    await expect.poll(() => app.page.locator('.reader-title').textContent()).toBe('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961');
    expect(app.errors).toEqual([]);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../../support/app-page.ts';
import { launchChromium } from '../../support/chromium.ts';
import { openServices, type TestServices } from '../../support/services.ts';

describe('messages at the bottom of the window', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openApp(browser, backend.services);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
  });

  it('keeps an error in view until dismissed, even when a short message shown just before it times out', async () => {
    const { page } = app;
    await page.locator('body').press('Control+z');
    await expect.poll(() => page.locator('.toast > span').textContent()).toBe('Nothing to undo.');
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['some text'], 'clipping.txt'));
      const library = document.querySelector('.library')!;
      for (const type of ['dragenter', 'dragover', 'drop']) library.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    await expect.poll(() => page.locator('.toast > span').textContent()).toMatch(/“clipping\.txt” is not a file on this computer/);
    // The short message would have gone after four seconds; the error that replaced it stays.
    await page.waitForTimeout(4500);
    const box = await page.locator('.toast.error').boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    expect(await page.locator('.toast button:has-text("Dismiss")').isVisible()).toBe(true);
    await page.locator('.toast button:has-text("Dismiss")').click();
    expect(await page.locator('.toast').isVisible()).toBe(false);
  });
});

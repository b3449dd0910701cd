import type { Page } from 'playwright-core';

/**
 * Gives the window a new size and waits until the app has laid itself out for it. Playwright's
 * resize returns before the page's `resize` event has run, and the app folds its panels in that
 * event: a test that measured or clicked at once could catch the old layout (CI did, three times).
 * The event runs as a frame is drawn, before that frame's animation callbacks, so once the window
 * reports its new width, two frames later the app has answered it.
 */
export async function resizeWindow(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.waitForFunction(([w, h]) => window.innerWidth === w && window.innerHeight === h, [width, height] as const);
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

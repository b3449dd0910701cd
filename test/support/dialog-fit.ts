import type { Locator, Page } from 'playwright-core';
import { seenWhole } from './visible.ts';

/**
 * The buttons of the open dialog matching `selector` that lie (even partly) outside the window,
 * by their labels; empty when every one can be seen and clicked.
 */
export async function buttonsOutOfView(page: Page, selector: string): Promise<string[]> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('The page has no viewport size.');
  const outside: string[] = [];
  for (const button of await page.locator(`${selector} .dialog-buttons button`).all()) {
    const box = await button.boundingBox();
    const label = (await button.textContent()) ?? '?';
    if (!box || box.width === 0 || box.x < 0 || box.y < 0 || box.x + box.width > viewport.width || box.y + box.height > viewport.height) outside.push(label);
  }
  return outside;
}

/**
 * The buttons of `dialog` the user cannot see whole and click (cut off by the window or the
 * dialog, or covered), by their labels; empty when every one is in sight.
 */
export async function buttonsNotSeen(dialog: Locator): Promise<string[]> {
  const unseen: string[] = [];
  for (const button of await dialog.locator('.dialog-buttons button').all()) {
    if (!(await seenWhole(button))) unseen.push((await button.textContent()) ?? '?');
  }
  return unseen;
}

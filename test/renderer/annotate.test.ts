import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { openServices, type TestServices } from '../support/services.ts';

const PHRASE = 'the condemnation of the “personality cult” of Joseph Stalin';

/** Drags the mouse across `phrase` in the reader, as a user selects text. */
async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('.reading')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      const last = range.getBoundingClientRect();
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, phrase);
  if (!box) throw new Error(`"${phrase}" is not in the reader`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

describe('reading and annotating in the browser, against the real store', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let existingTag: string;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    existingTag = backend.services.store.createTag('Bucharest', 'blue').id;
    app = await openApp(browser, backend.services);
    await app.page.setViewportSize({ width: 1400, height: 900 });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    backend?.dispose();
  });

  const store = () => backend.services.store;
  const only = () => {
    const all = store().list({ sourceId: 'edemskiy-2019' });
    expect(all).toHaveLength(1);
    return all[0]!;
  };

  it('highlights a mouse selection, tags it with a new and an existing tag, and saves a note', async () => {
    const { page } = app;
    await page.click('[data-source-id="edemskiy-2019"] .source-open');
    await page.waitForSelector('.reading');
    await selectWithMouse(page, PHRASE);
    await page.waitForSelector('.selection-toolbar:not([hidden])');
    await page.click('.selection-toolbar [data-color="green"]');
    await page.waitForSelector('.annotation-editor');

    const created = only();
    expect(created.quote.exact).toBe(PHRASE);
    expect(created.color).toBe('green');
    expect(await page.locator(`.hl[data-annotation-id="${created.id}"]`).allTextContents()).toEqual([PHRASE]);

    await page.fill('.tag-input', 'Hoxha');
    await page.keyboard.press('Enter');
    await expect.poll(() => only().tags.length).toBe(1);
    await page.fill('.tag-input', 'Buch');
    await page.keyboard.press('Enter');
    await expect.poll(() => only().tags.length).toBe(2);
    const hoxha = store().listTags().find((tag) => tag.name === 'Hoxha')!;
    expect(only().tags).toEqual([hoxha.id, existingTag]);

    await page.click('.note-input');
    await page.keyboard.type('Compare with the *Tirana* minutes.');
    await page.keyboard.press('Tab');
    await expect.poll(() => only().note).toBe('Compare with the *Tirana* minutes.');
  });

  it('shows everything again, in place, after a reload', async () => {
    const { page } = app;
    const saved = only();
    await page.reload();
    await page.click('[data-source-id="edemskiy-2019"] .source-open');
    const mark = page.locator(`.hl[data-annotation-id="${saved.id}"]`);
    await expect.poll(() => mark.allTextContents()).toEqual([PHRASE]);
    await mark.first().click();
    await page.waitForSelector('.annotation-editor');
    expect(await page.locator('.annotation-editor .tag-chip').allTextContents()).toEqual(['Hoxha×', 'Bucharest×']);
    expect(await page.inputValue('.note-input')).toBe('Compare with the *Tirana* minutes.');
  });

  it('deletes the highlight, and brings it back with undo', async () => {
    const { page } = app;
    const saved = only();
    await page.click('.annotation-editor button.danger');
    await expect.poll(() => store().list({ sourceId: 'edemskiy-2019' }).length).toBe(0);
    await expect.poll(() => page.locator('.hl').count()).toBe(0);
    await page.locator('.reading').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => store().list({ sourceId: 'edemskiy-2019' })).toEqual([saved]);
    await expect.poll(() => page.locator(`.hl[data-annotation-id="${saved.id}"]`).count()).toBeGreaterThan(0);
    await app.emit('menu.redo');
    await expect.poll(() => store().list({ sourceId: 'edemskiy-2019' }).length).toBe(0);
    await app.emit('menu.undo');
    await expect.poll(() => store().list({ sourceId: 'edemskiy-2019' })).toEqual([saved]);
  });

  it('renames and merges tags, and every annotation follows', async () => {
    const { page } = app;
    await page.click('[data-side="tags"]');
    const hoxha = store().listTags().find((tag) => tag.name === 'Hoxha')!;
    const name = page.locator(`[data-tag-id="${hoxha.id}"] .tag-name`);
    await name.fill('Enver Hoxha');
    await name.press('Enter');
    await expect.poll(() => store().getTag(hoxha.id)?.name).toBe('Enver Hoxha');

    await page.selectOption(`[data-tag-id="${existingTag}"] .tag-merge`, hoxha.id);
    await page.click('.confirm-dialog button.danger');
    await expect.poll(() => store().getTag(existingTag)).toBeUndefined();
    expect(only().tags).toEqual([hoxha.id]);
    await page.click('[data-side="annotations"]');
    await page.locator(`.annotation-open[data-annotation-id="${only().id}"]`).click();
    expect(await page.locator('.annotation-editor .tag-chip').allTextContents()).toEqual(['Enver Hoxha×']);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

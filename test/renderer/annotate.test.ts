import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

const PHRASE = 'the condemnation of the “personality cult” of Joseph Stalin';

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
    await resizeWindow(app.page, 1400, 900);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
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
    await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
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

  it('saves the last keystrokes of a note when the window is closed mid-sentence', async () => {
    const { page } = app;
    await page.click('[data-side="annotations"]');
    await page.locator(`.annotation-open[data-annotation-id="${only().id}"]`).click();
    await page.click('.note-input');
    await page.keyboard.press('End');
    await page.keyboard.type(' And the Moscow ones');
    // No pause and no blur: the window closes while the debounced save is still waiting.
    await app.emit('app.flush');
    await expect.poll(() => backend.flushes.count).toBe(1);
    expect(only().note).toBe('Compare with the *Tirana* minutes. And the Moscow ones');
  });

  it('remembers where the reader was in a source', async () => {
    const { page } = app;
    await page.locator('.reader-scroll').evaluate((node) => (node.scrollTop = node.scrollHeight / 2));
    await expect.poll(() => store().getSetting('reader.position:edemskiy-2019')).toBeGreaterThan(1000);
    const saved = store().getSetting('reader.position:edemskiy-2019') as number;
    await page.reload();
    await page.click('[data-source-id="edemskiy-2019"] .source-open');
    await page.waitForSelector('.reading');
    await expect.poll(() => page.locator('.reader-scroll').evaluate((node) => node.scrollTop)).toBeGreaterThan(500);
    expect(saved).toBeGreaterThan(1000);
  });

  it('highlights across a page break inside a word', async () => {
    const { page } = app;
    const before = store().list({ sourceId: 'edemskiy-2019' }).length;
    await selectWithMouse(page, 'it is obvious that the liberties');
    await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
    await page.keyboard.press('3');
    await expect.poll(() => store().list({ sourceId: 'edemskiy-2019' }).length).toBe(before + 1);
    const made = store().list({ sourceId: 'edemskiy-2019' }).find((a) => a.quote.exact.includes('obvious'))!;
    expect(made).toMatchObject({ quote: { exact: 'it is obvious that the liberties' }, color: 'blue' });
  });

  it('highlights across two paragraphs', async () => {
    const { page } = app;
    const text = await page.evaluate(() => {
      // As the reading text has them: note numbers and gap signs are not part of the text.
      const paragraphs = [...document.querySelectorAll('.reading p')].map((p) => {
        const copy = p.cloneNode(true) as HTMLElement;
        for (const atom of copy.querySelectorAll('.note-ref, .gap')) atom.remove();
        return copy.textContent ?? '';
      });
      const i = paragraphs.findIndex((p) => p.includes('the initial split were differences in mentality'));
      return { end: paragraphs[i - 1]!.slice(-20), start: paragraphs[i]!.slice(0, 25) };
    });
    await selectWithMouse(page, `${text.end}\n${text.start}`);
    await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
    await page.keyboard.press('6');
    await expect.poll(() => store().list({ sourceId: 'edemskiy-2019' }).some((a) => a.color === 'orange')).toBe(true);
    const made = store().list({ sourceId: 'edemskiy-2019' }).find((a) => a.color === 'orange')!;
    expect(made.quote.exact).toBe(`${text.end}\n\n${text.start}`);
    // Drawn in both paragraphs (in pieces where a note number interrupts it), showing exactly the quote.
    const shown = () =>
      page.evaluate((id) => {
        return [...document.querySelectorAll(`.hl[data-annotation-id="${id}"]`)]
          .filter((piece) => !piece.matches('.note-ref'))
          .map((piece) => {
            const copy = piece.cloneNode(true) as HTMLElement;
            for (const atom of copy.querySelectorAll('.note-ref')) atom.remove();
            return copy.textContent;
          })
          .join('');
      }, made.id);
    await expect.poll(shown).toBe(made.quote.exact.replace('\n\n', ''));
  });

  it('shows a note in a popover when its number is clicked', async () => {
    const { page } = app;
    const ref = page.locator('.reading .note-ref[data-label="8"]').first();
    await ref.scrollIntoViewIfNeeded();
    await ref.click();
    const popover = page.locator('.note-popover');
    await popover.waitFor();
    expect(await popover.locator('.note-popover-label').textContent()).toBe('8');
    const noteText = await page.locator('.notes .note[data-label="8"]').textContent();
    expect((await popover.textContent())?.slice(1).trim()).toBe(noteText?.trim());
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.count()).toBe(0);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';
const PASSAGE = 'The situation changed in the spring of 1960';

// A historian working from the keyboard removes a tag (from the tag manager, or from a highlight)
// with the control that goes with it: the focus moves to the control that takes its place, in
// sight, instead of falling to the page, where the next Tab would start again from the top.
describe('the focus after a tag is removed from the keyboard', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const names = ['Albania', 'Beijing', 'Comecon', 'Danube', 'Elbasan', 'Fleet'];

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const { store, annotations } = backend.services;
    const ids = names.map((name) => store.createTag(name, 'blue').id);
    annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, PASSAGE), tags: ids });
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(() => closeAll(app, browser, backend));

  /** The focused element's accessible name, and whether the user sees it whole. */
  const focus = async () => {
    const focused = app.page.locator(':focus');
    if ((await focused.count()) === 0) return { name: 'nothing (the page)', seen: false };
    return { name: (await focused.getAttribute('aria-label')) ?? (await focused.evaluate((node) => node.tagName.toLowerCase())), seen: await seenWhole(focused) };
  };
  /** Presses the focused button and confirms its question with the keyboard. */
  const confirmWithKeyboard = async () => {
    await app.page.locator('.confirm-dialog').waitFor();
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.locator('.confirm-dialog').count()).toBe(0);
  };

  it('removes a tag from a highlight, the next tag’s remove button taking the focus', async () => {
    const { page } = app;
    await page.locator('.annotation-open').first().click();
    await page.locator('.annotation-editor').waitFor();
    await page.locator('.tag-chip button[aria-label="Remove the tag Beijing"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tag-chip').count()).toBe(names.length - 1);
    await expect.poll(focus).toEqual({ name: 'Remove the tag Comecon', seen: true });
  });

  it('removes a highlight’s last tag, the tag field taking the focus', async () => {
    const { page } = app;
    await page.locator('.tag-chip button').last().focus();
    for (let left = names.length - 1; left > 0; left--) {
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.tag-chip').count()).toBe(left - 1);
    }
    await expect.poll(focus).toEqual({ name: 'Add a tag', seen: true });
  });

  it('deletes a tag in the tag manager, the next tag’s Delete taking the focus', async () => {
    const { page } = app;
    await page.locator('[data-side="tags"]').click();
    await page.locator('button[aria-label="Delete the tag Comecon"]').focus();
    await page.keyboard.press('Enter');
    await confirmWithKeyboard();
    await expect.poll(() => page.locator('.tag-row').count()).toBe(names.length - 1);
    await expect.poll(focus).toEqual({ name: 'Delete the tag Danube', seen: true });
  });

  it('merges a tag into another, the next tag’s merge field taking the focus', async () => {
    const { page } = app;
    const merge = page.locator('select[aria-label="Merge Danube into another tag"]');
    await merge.focus();
    await merge.selectOption({ label: 'Albania' });
    await confirmWithKeyboard();
    await expect.poll(() => page.locator('.tag-row').count()).toBe(names.length - 2);
    await expect.poll(focus).toEqual({ name: 'Merge Elbasan into another tag', seen: true });
  });

  it('deletes the last tag of the list, the one above taking the focus', async () => {
    const { page } = app;
    await page.locator('button[aria-label="Delete the tag Fleet"]').focus();
    await page.keyboard.press('Enter');
    await confirmWithKeyboard();
    await expect.poll(() => page.locator('.tag-row').count()).toBe(names.length - 3);
    await expect.poll(focus).toEqual({ name: 'Delete the tag Elbasan', seen: true });
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

// Highlights whose passages were rewritten on disk are listed apart, each with Delete.
describe('the focus after an orphaned highlight is deleted from the keyboard', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const copy = tempCorpus('apparatus-orphan-focus-');
  const lost = ['The situation changed in the spring of 1960.', 'In early June Soviet leaders came up with the idea'];
  const kept = 'Another surge of controversy in Soviet-Albanian relations';

  beforeAll(async () => {
    backend = openServices(copy.folder);
    for (const phrase of [...lost, kept]) backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, phrase, copy.folder) });
    const file = join(copy.folder, `${SOURCE}.md`);
    writeFileSync(file, lost.reduce((text, phrase) => text.replace(phrase, 'Qwxz vbnm kjhg.'), readFileSync(file, 'utf8')));
    browser = await launchChromium();
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    copy.remove();
  });

  /** The focused element's text, and whether the user sees it whole. */
  const focus = async () => {
    const focused = app.page.locator(':focus');
    if ((await focused.count()) === 0) return { text: 'nothing (the page)', seen: false };
    return { text: (await focused.textContent())!, seen: await seenWhole(focused) };
  };

  it('deletes an orphan, the next orphan’s Delete taking the focus', async () => {
    const { page } = app;
    const orphans = page.locator('.orphan');
    await expect.poll(() => orphans.count()).toBe(2);
    await orphans.first().locator('button', { hasText: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => orphans.count()).toBe(1);
    await expect.poll(focus).toEqual({ text: 'Delete', seen: true });
    expect(await page.evaluate(() => document.activeElement?.closest('.orphan') !== null)).toBe(true);
  });

  it('deletes the last orphan, the last highlight of the list taking the focus', async () => {
    const { page } = app;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.orphan').count()).toBe(0);
    await expect.poll(async () => (await focus()).seen).toBe(true);
    expect((await focus()).text).toContain(kept);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';

const SOURCE = 'edemskiy-2019';
const PHRASES = {
  first: 'The situation changed in the spring of 1960',
  second: 'In early June Soviet leaders came up with the idea',
  third: 'Another surge of controversy in Soviet-Albanian relations',
};

describe('undoing and redoing tag changes from the keyboard', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const ids: Record<keyof typeof PHRASES, string> = { first: '', second: '', third: '' };
  let moscow = '';
  let tirana = '';

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const { store, annotations } = backend.services;
    moscow = store.createTag('Moscow', 'blue').id;
    tirana = store.createTag('Tirana', 'green').id;
    const tagsOf = { first: [moscow], second: [moscow, tirana], third: [tirana] };
    for (const key of Object.keys(PHRASES) as (keyof typeof PHRASES)[]) {
      ids[key] = annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, PHRASES[key]), tags: tagsOf[key] }).id;
    }
    app = await openReading(browser, backend, SOURCE);
  });
  afterAll(() => closeAll(app, browser, backend));

  /** The tag manager's rows as the user reads them: name and usage. */
  const tagRows = async () => {
    await app.page.click('[data-side="tags"]');
    return app.page.locator('.tag-manager .tag-row').evaluateAll((rows) =>
      rows.map((row) => `${row.querySelector<HTMLInputElement>('.tag-name')!.value} (${row.querySelector('.tag-usage')!.textContent})`),
    );
  };
  /** The tags each annotation shows in the annotations list, by phrase. */
  const listedTags = async () => {
    await app.page.click('[data-side="annotations"]');
    const shown: Record<string, string> = {};
    for (const key of Object.keys(PHRASES) as (keyof typeof PHRASES)[]) {
      const meta = app.page.locator(`.annotation-open[data-annotation-id="${ids[key]}"] .annotation-meta`);
      shown[key] = (await meta.count()) ? ((await meta.textContent()) ?? '') : '';
    }
    await app.page.click('[data-side="tags"]');
    return shown;
  };
  const labels = () => app.calls.filter((call) => call.name === 'app.historyChanged').at(-1)?.payload;
  const undo = () => app.page.keyboard.press('Control+z');
  const redo = () => app.page.keyboard.press('Control+Shift+z');

  it('renames a tag, undoes and redoes the rename', async () => {
    const { page } = app;
    expect(await tagRows()).toEqual(['Moscow (2)', 'Tirana (2)']);
    const name = page.locator(`[data-tag-id="${moscow}"] .tag-name`);
    await name.fill('Kremlin');
    await name.press('Enter');
    await expect.poll(tagRows).toEqual(['Kremlin (2)', 'Tirana (2)']);
    expect(await listedTags()).toEqual({ first: 'Kremlin', second: 'Kremlin · Tirana', third: 'Tirana' });
    expect(labels()).toEqual({ undo: 'Rename Tag', redo: null });

    await undo();
    await expect.poll(tagRows).toEqual(['Moscow (2)', 'Tirana (2)']);
    expect(backend.services.store.getTag(moscow)?.name).toBe('Moscow');
    expect(await listedTags()).toEqual({ first: 'Moscow', second: 'Moscow · Tirana', third: 'Tirana' });
    expect(labels()).toEqual({ undo: null, redo: 'Rename Tag' });

    await redo();
    await expect.poll(tagRows).toEqual(['Kremlin (2)', 'Tirana (2)']);
    expect(await listedTags()).toEqual({ first: 'Kremlin', second: 'Kremlin · Tirana', third: 'Tirana' });
    expect(labels()).toEqual({ undo: 'Rename Tag', redo: null });
  });

  it('merges a tag into another, undoes and redoes the merge', async () => {
    const { page } = app;
    await page.selectOption(`[data-tag-id="${tirana}"] .tag-merge`, moscow);
    await page.click('.confirm-dialog button.danger');
    await expect.poll(tagRows).toEqual(['Kremlin (3)']);
    expect(await listedTags()).toEqual({ first: 'Kremlin', second: 'Kremlin', third: 'Kremlin' });
    expect(labels()).toEqual({ undo: 'Merge Tags', redo: null });

    await undo();
    await expect.poll(tagRows).toEqual(['Kremlin (2)', 'Tirana (2)']);
    // Exactly as before: the third passage carries Tirana alone again, not Kremlin too.
    expect(await listedTags()).toEqual({ first: 'Kremlin', second: 'Kremlin · Tirana', third: 'Tirana' });
    expect(backend.services.store.get(ids.third)?.tags).toEqual([tirana]);
    expect(labels()).toEqual({ undo: 'Rename Tag', redo: 'Merge Tags' });

    await redo();
    await expect.poll(tagRows).toEqual(['Kremlin (3)']);
    expect(await listedTags()).toEqual({ first: 'Kremlin', second: 'Kremlin', third: 'Kremlin' });
    expect(labels()).toEqual({ undo: 'Merge Tags', redo: null });
  });

  it('deletes a tag, undoes and redoes the deletion', async () => {
    const { page } = app;
    await page.click(`[data-tag-id="${moscow}"] button.danger`);
    await page.click('.confirm-dialog button.danger');
    await expect.poll(tagRows).toEqual([]);
    expect(await page.locator('.tag-manager .status').isVisible()).toBe(true);
    expect(await listedTags()).toEqual({ first: '', second: '', third: '' });
    expect(labels()).toEqual({ undo: 'Delete Tag', redo: null });

    await undo();
    await expect.poll(tagRows).toEqual(['Kremlin (3)']);
    expect(await listedTags()).toEqual({ first: 'Kremlin', second: 'Kremlin', third: 'Kremlin' });
    expect(labels()).toEqual({ undo: 'Merge Tags', redo: 'Delete Tag' });

    await redo();
    await expect.poll(tagRows).toEqual([]);
    expect(await listedTags()).toEqual({ first: '', second: '', third: '' });
    expect(labels()).toEqual({ undo: 'Delete Tag', redo: null });
  });

  it('walks the whole history back, each step in the Edit menu’s words, and the tags are as they began', async () => {
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i += 1) {
      const before = labels();
      await undo();
      await expect.poll(labels).not.toEqual(before);
      seen.push(labels());
    }
    expect(seen).toEqual([
      { undo: 'Merge Tags', redo: 'Delete Tag' },
      { undo: 'Rename Tag', redo: 'Merge Tags' },
      { undo: null, redo: 'Rename Tag' },
    ]);
    await undo();
    await expect.poll(tagRows).toEqual(['Moscow (2)', 'Tirana (2)']);
    expect(await listedTags()).toEqual({ first: 'Moscow', second: 'Moscow · Tirana', third: 'Tirana' });
    await expect.poll(() => app.page.locator('.toast').textContent()).toBe('Nothing to undo.');
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

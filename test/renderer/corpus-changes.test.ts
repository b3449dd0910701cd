import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';

const SOURCE = 'edemskiy-2019';
const WATCHED = { timeout: 15_000 };

// Files changed by another program reach the page as main sends them: the services' watcher
// announces them and the window forwards the announcement, as electron/main.ts does.
describe('the library and the reader when the corpus folder changes on disk', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const copy = tempCorpus('apparatus-changes-');
  const corpus = copy.folder;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices(corpus);
    backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, 'The situation changed in the spring of 1960', corpus) });
    app = await openReading(browser, backend, SOURCE);
    backend.services.events.on('corpus.changed', (change) => void app.emit('corpus.changed', change));
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    copy.remove();
  });

  it('lists a new file that cannot be read, with its reason', async () => {
    writeFileSync(join(corpus, 'broken-notes.md'), '---\nid: broken-notes\ntitle: [Minutes\n---\n\nThe minutes.\n');
    await expect.poll(() => app.page.locator('.source.unreadable .source-problem').textContent(), WATCHED).toMatch(/^broken-notes\.md cannot be read/);
    expect(await app.page.locator('.source-list .source').count()).toBe(6);
  });

  it('shows the open source’s new title in the library and the reader, while the user goes on typing a note', async () => {
    const { page } = app;
    await page.locator('.annotation-open').first().click();
    const note = (await page.$('.annotation-editor .note-input'))!;
    await note.click();
    await page.keyboard.type('Spring');
    const file = join(corpus, `${SOURCE}.md`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: Further Evidence on the Break between Moscow and Tirana'));
    await expect.poll(() => app.page.locator('.reader-title').textContent(), WATCHED).toBe('Further Evidence on the Break between Moscow and Tirana');
    expect(await app.page.locator(`[data-source-id="${SOURCE}"] .source-open`).getAttribute('title')).toBe('Further Evidence on the Break between Moscow and Tirana');
    expect(await app.page.locator(`[data-source-id="${SOURCE}"]`).evaluate((node) => node.classList.contains('current'))).toBe(true);
    // The source opened anew, and the note being written kept its field, its focus and its text.
    expect(await note.evaluate((node) => node === document.activeElement && node.isConnected)).toBe(true);
    await page.keyboard.type(' 1960');
    expect(await note.inputValue()).toBe('Spring 1960');
    await expect.poll(() => backend.services.store.list({ sourceId: SOURCE })[0]?.note).toBe('Spring 1960');
  });

  it('closes the open source when its file is removed, saying so', async () => {
    unlinkSync(join(corpus, `${SOURCE}.md`));
    await expect.poll(() => app.page.locator('.reader-empty').isVisible(), WATCHED).toBe(true);
    expect(await app.page.locator('.toast').textContent()).toContain('The source you were reading was removed from the corpus folder.');
    expect(await app.page.locator(`[data-source-id="${SOURCE}"]`).count()).toBe(0);
    expect(await app.page.locator('.reading').count()).toBe(0);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { selectWithMouse } from '../support/select.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';
const PASSAGE = 'ideological differences should not be discussed publicly, in the media, but rather in personal meetings.';
const CUT = ', in the media, but rather in personal meetings';
/** The printed page a phrase of the source begins on, read off the cleaned file's page markers. */
function pageOf(phrase: string): string {
  const file = readFileSync(join(CORPUS_DIR, `${SOURCE}.md`), 'utf8');
  const before = file.slice(0, file.indexOf(phrase));
  return [...before.matchAll(/\{\{page:(\d+)\}\}/g)].at(-1)![1]!;
}

const NOTE = 'Compare **Hoxha**’s account <img src=x onerror="document.title=1"> with [the minutes](https://digitalarchive.wilsoncenter.org/document/1).';

describe('the annotations list and the highlight editor', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let noted = '';
  let trimmed = '';

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const { annotations } = backend.services;
    noted = annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, 'In early June Soviet leaders came up with the idea'), note: NOTE }).id;
    trimmed = annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, PASSAGE) }).id;
    const cut = PASSAGE.indexOf(CUT);
    annotations.update(trimmed, { omissions: [{ start: cut, end: cut + CUT.length }] });
    annotations.create({ sourceId: 'wikipedia-split', ...phraseRange('wikipedia-split', 'The Communist Party of Albania') });
    app = await openReading(browser, backend, SOURCE);
  });
  afterAll(() => closeAll(app, browser, backend));

  const rows = () => app.page.locator('.annotation-list:not(.orphans) .annotation-open');
  const row = (id: string) => app.page.locator(`.annotation-open[data-annotation-id="${id}"]`);

  it('shows a note’s Markdown as it reads, never its markup or raw HTML', async () => {
    const note = row(noted).locator('.annotation-note');
    expect(await note.locator('strong').textContent()).toBe('Hoxha');
    expect(await note.textContent()).toBe('Compare Hoxha’s account <img src=x onerror="document.title=1"> with the minutes.');
    expect(await row(noted).locator('img').count()).toBe(0);
  });

  it('follows a note’s link from the editor only after the user confirms', async () => {
    const { page } = app;
    await row(noted).click();
    const link = page.locator('.annotation-editor .note-preview a.external-link');
    expect(await link.textContent()).toBe('the minutes');
    await link.click();
    await page.locator('.confirm-dialog').waitFor();
    expect(backend.opened).toEqual([]);
    await page.click('.confirm-dialog button.danger');
    await expect.poll(() => backend.opened).toEqual(['https://digitalarchive.wilsoncenter.org/document/1']);
  });

  it('says on which page each highlight lies', async () => {
    expect(await row(noted).locator('.annotation-place').textContent()).toBe(`p. ${pageOf('In early June Soviet leaders')}`);
    expect(await row(trimmed).locator('.annotation-place').textContent()).toBe(`p. ${pageOf('Until June 1960, Moscow did not respond')}`);
  });

  it('lists a new highlight in reading order at once', async () => {
    const { page } = app;
    await selectWithMouse(page, 'The situation changed in the spring of 1960');
    await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
    await page.keyboard.press('2');
    await expect.poll(() => rows().count()).toBe(3);
    const order = backend.services.store.list({ sourceId: SOURCE }).map((a) => a.id);
    expect(await rows().evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-annotation-id')))).toEqual(order);
  });

  it('filters as the user types, without Enter', async () => {
    const { page } = app;
    await page.locator('.filter-text').pressSequentially('minutes', { delay: 20 });
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-annotation-id')).toBe(noted);
    await page.locator('.filter-text').fill('');
    await expect.poll(() => rows().count()).toBe(3);
  });

  it('shows a reopened trim as the words kept, with no stray space before punctuation', async () => {
    const { page } = app;
    await row(trimmed).click();
    await page.click('.annotation-editor button:has-text("Change trim")');
    const box = page.locator('.trim-input');
    await box.waitFor();
    expect(await box.inputValue()).toBe('ideological differences should not be discussed publicly.');
    await page.keyboard.press('Escape');
  });

  it('lists every source’s highlights with their pages when all sources are shown', async () => {
    const { page } = app;
    await page.selectOption('.filter-bar select[aria-label="Show"]', 'corpus');
    await expect.poll(() => rows().count()).toBe(4);
    const wiki = backend.services.store.list({ sourceId: 'wikipedia-split' })[0]!;
    // Wikipedia prints no pages: its place is not given, rather than a wrong one.
    expect(await row(wiki.id).locator('.annotation-place').count()).toBe(0);
    expect(await row(noted).locator('.annotation-place').textContent()).toBe(`p. ${pageOf('In early June Soviet leaders')}`);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

describe('the library list', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    app = await openReading(browser, backend, SOURCE);
  });
  afterAll(() => closeAll(app, browser, backend));

  it('never lets “Details…” cover a title, however long', async () => {
    for (const width of [1400, 1100]) {
      await resizeWindow(app.page, width, 900);
      const overlaps = await app.page.locator('.source:not(.unreadable)').evaluateAll((items) =>
        items.flatMap((item) => {
          const details = item.querySelector('.source-edit')!.getBoundingClientRect();
          return [...item.querySelectorAll('.source-title, .source-byline, .badge, .source-derivation')].flatMap((part) => {
            const box = part.getBoundingClientRect();
            const apart = box.right <= details.left || box.left >= details.right || box.bottom <= details.top || box.top >= details.bottom;
            return apart ? [] : [`${item.getAttribute('data-source-id')}: ${part.className}`];
          });
        }),
      );
      expect({ width, overlaps }).toEqual({ width, overlaps: [] });
    }
  });
});

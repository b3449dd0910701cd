import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../core/annotate/describe.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { DRAW_ALL_LIMIT } from '../../renderer/features/reader/highlights.ts';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';

const OVERLAPS = 'wikipedia-split';
const MANY = 'pilaca-nako-2021';
const SENTENCE = 'The Soviet–Albanian split refers to the worsening of relations between the Union of Soviet Socialist Republics';

/** The computed paint of the highlight piece showing `text`. */
function paintOf(app: AppPage, text: string) {
  return app.page.locator('.hl').filter({ hasText: new RegExp(`^${text}$`) }).first().evaluate((node) => {
    const style = getComputedStyle(node);
    return { text: node.textContent, background: style.backgroundColor, underline: `${style.borderBottomStyle} ${style.borderBottomColor}` };
  });
}

describe('drawing highlights', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const ids = { yellow: '', blue: '', second: '' };

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const { annotations } = backend.services;
    const whole = phraseRange(OVERLAPS, SENTENCE);
    // "worsening of relations" is in both: the yellow one ends, and the blue one begins, inside it.
    const blueStart = whole.start + SENTENCE.indexOf('worsening');
    const yellowEnd = whole.start + SENTENCE.indexOf(' between');
    ids.yellow = annotations.create({ sourceId: OVERLAPS, start: whole.start, end: yellowEnd, color: 'yellow' }).id;
    ids.blue = annotations.create({ sourceId: OVERLAPS, start: blueStart, end: whole.end, color: 'blue' }).id;
    ids.second = annotations.create({ sourceId: OVERLAPS, start: blueStart, end: blueStart + 'worsening'.length, color: 'yellow' }).id;
    app = await openReading(browser, backend, OVERLAPS);
  });
  afterAll(() => closeAll(app, browser, backend));

  it('shows both highlights where they overlap: blended, with a double underline', async () => {
    const yellowOnly = await paintOf(app, 'The Soviet–Albanian split refers to the ');
    const blueOnly = await paintOf(app, ' between the Union of Soviet Socialist Republics');
    const both = await paintOf(app, ' of relations');
    expect(await app.page.locator('.hl').filter({ hasText: /^ of relations$/ }).getAttribute('class')).toMatch(/\bhl-overlap\b/);
    expect(both.underline).toMatch(/^double /);
    for (const single of [yellowOnly, blueOnly]) {
      expect(single.underline).toMatch(/^solid /);
      expect(both.background).not.toBe(single.background);
    }
    // Three over one word: named for the shortest, the one a click there means.
    const three = app.page.locator('.hl[data-annotation-id="' + ids.second + '"]');
    expect(await three.textContent()).toBe('worsening');
    expect(await three.getAttribute('class')).toMatch(/\bhl-overlap\b/);
  });

  it('opens the shortest highlight under a click where several overlap', async () => {
    await app.page.locator(`.hl[data-annotation-id="${ids.second}"]`).click();
    await app.page.waitForSelector('.annotation-editor');
    expect(await app.page.locator('.annotation-editor .editor-quote').textContent()).toBe('worsening');
  });

  it('draws many highlights near the screen only, and the others as the reader scrolls to them', async () => {
    const { page } = app;
    const { annotations } = backend.services;
    // More highlights than are drawn all at once, all near the start (straight into the store:
    // they need no search index).
    const text = readingText(parseSource(readFileSync(join(CORPUS_DIR, `${MANY}.md`), 'utf8'))).text;
    const phrases = ['The story of the Soviet-Albanian split', 'During the era of Josip Stalin', 'rise into power', 'The delicate relations between Yugoslavia'];
    for (let i = 0; i < DRAW_ALL_LIMIT + 10; i++) {
      const range = phraseRange(MANY, phrases[i % phrases.length]!);
      backend.services.store.create({ sourceId: MANY, ...describeRange(text, range.start + (i % 3), range.end + 40 + (i % 7)), color: 'green' });
    }
    const last = annotations.create({ sourceId: MANY, ...phraseRange(MANY, 'rubbles'), color: 'pink' });
    await page.click(`[data-source-id="${MANY}"] .source-open`);
    await expect.poll(() => page.locator('.reader-title').textContent()).toBe('Splitting Apart: How the Soviet-Albanian Relations Came to an End');
    await expect.poll(() => page.locator('.hl').count()).toBeGreaterThan(0);
    // The far one is not drawn until the reader gets there.
    expect(await page.locator(`.hl[data-annotation-id="${last.id}"]`).count()).toBe(0);
    await page.locator('.annotation-open[data-annotation-id="' + last.id + '"]').click();
    await expect.poll(() => page.locator(`.hl[data-annotation-id="${last.id}"]`).allTextContents()).toEqual(['rubbles']);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

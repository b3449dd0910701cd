/**
 * A highlight found by search after its source's text was changed by another program: the result
 * shows the quotation as it was highlighted and says, in sight, that the source no longer reads so;
 * one whose source file another program took away names that source as no longer in the corpus.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll } from '../support/reading.ts';
import { ANSWER, copyCleanedCorpus, shown } from '../support/search-window.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('a highlight whose wording the source no longer has, in the search results', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let root: string;
  const exact = 'An opportunity for criticizing the Chinese position presented itself';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-search-anchor-'));
    const corpus = join(root, 'corpus');
    copyCleanedCorpus(corpus);
    const projectDir = join(root, 'project');
    const file = join(corpus, 'edemskiy-2019.md');
    const first = openServices(corpus, projectDir);
    const start = readingText(parseSource(readFileSync(file, 'utf8'))).text.indexOf(exact);
    first.services.annotations.create({ sourceId: 'edemskiy-2019', start, end: start + exact.length, note: 'Compare with the Soviet minutes.' });
    await first.close();
    // Another program re-cleans the source while the app is closed: the highlighted words respelt.
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(exact);
    writeFileSync(file, `${text.slice(0, at)}${exact.replace('criticizing', 'criticising')}${text.slice(at + exact.length)}`);
    backend = openServices(corpus, projectDir);
    browser = await launchChromium();
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('shows the quotation as highlighted, and says in sight that the source no longer reads so', async () => {
    const { page } = app;
    await page.fill('.search-input', 'Soviet minutes in:notes');
    const result = page.locator('.search-results button.result');
    await expect.poll(() => result.count(), ANSWER).toBe(1);
    const mark = result.locator('.result-anchor');
    expect(await mark.textContent()).toBe('Wording changed: the source no longer reads as quoted');
    expect(await shown(mark)).toBe(true);
  });

  it('marks nothing on a highlight that still reads as quoted', async () => {
    const { page } = app;
    const kept = 'demonstrated that the Chinese leadership openly, albeit indirectly';
    const start = readingText(parseSource(readFileSync(join(root, 'corpus', 'edemskiy-2019.md'), 'utf8'))).text.indexOf(kept);
    backend.services.annotations.create({ sourceId: 'edemskiy-2019', start, end: start + kept.length, note: 'The journal of the Serbian academy.' });
    await page.fill('.search-input', 'Serbian academy in:notes');
    const result = page.locator('.search-results button.result');
    await expect.poll(() => result.allTextContents(), ANSWER).toEqual([expect.stringContaining('The journal of the Serbian academy.')]);
    expect(await result.locator('.result-anchor').count()).toBe(0);
  });

  it('names a highlight’s source as no longer in the corpus once another program has taken its file away', async () => {
    const { page } = app;
    const file = join(root, 'corpus', 'pilaca-nako-2021.md');
    const quote = 'would make a damning speech';
    const start = readingText(parseSource(readFileSync(file, 'utf8'))).text.indexOf(quote);
    backend.services.annotations.create({ sourceId: 'pilaca-nako-2021', start, end: start + quote.length, note: 'Compare with the Tirana press.' });
    rmSync(file);
    const heading = page.locator('.search-results .result-source');
    await expect
      .poll(async () => {
        await page.fill('.search-input', '');
        await page.fill('.search-input', 'Tirana press in:notes');
        await page.waitForTimeout(300);
        return heading.allTextContents();
      }, ANSWER)
      .toEqual(['pilaca-nako-2021 (no longer in the corpus)']);
    expect(await shown(heading)).toBe(true);
  });
});

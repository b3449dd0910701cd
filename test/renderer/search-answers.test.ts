/**
 * What the search results tell the searcher besides the hits, in the built app over a copy of
 * the real corpus, with the main-process services and their search thread: spellings to try
 * when nothing matched (run by a click or the keyboard), wildcards cut short, unknown fields and
 * boosts, the passages of a tag, and an index that could not be saved on the disk.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { serializeSource } from '../../core/corpus/serialize-source.ts';
import { makeSource } from '../fixtures/search/sources.ts';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { ANSWER, copyCleanedCorpus, searchProgressToPage, shown } from '../support/search-window.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('what search results tell the searcher', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-search-answers-'));
    const corpus = join(root, 'corpus');
    copyCleanedCorpus(corpus);
    // An archive inventory: thousands of file numbers, so that "1*" stands for more words than are searched.
    const entries = Array.from({ length: 2500 }, (_, i) => `File ${10000 + i * 3}`).join('; ');
    writeFileSync(join(corpus, 'inventory.md'), serializeSource(makeSource('inventory', { title: 'Inventory of the fund' }, [['paragraph', entries]])));
    const projectDir = join(root, 'project');
    mkdirSync(projectDir);
    // A file where the cache folder should be: no folder can be made there, even by root.
    writeFileSync(join(projectDir, 'cache'), 'blocked');
    const progress = searchProgressToPage();
    backend = openServices(corpus, projectDir, { onSearchProgress: progress.onSearchProgress });
    const purges = backend.services.tags.create('Purges');
    const trials = backend.services.tags.create('Show trials', 'blue', purges.id);
    const exact = 'the naval base at Vlora';
    const start = readingText(parseSource(readFileSync(join(corpus, 'edemskiy-2019.md'), 'utf8'))).text.indexOf(exact);
    backend.services.annotations.create({ sourceId: 'edemskiy-2019', start, end: start + exact.length, tags: [trials.id] });
    browser = await launchChromium();
    app = await openApp(browser, backend.services);
    await progress.attach(app);
    // Complete answers from here on: the index is built (its progress reached the page meanwhile).
    await backend.services.search.query('Hoxha');
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('offers the nearest spelling when nothing matches, and runs it when clicked', async () => {
    const { page } = app;
    await page.fill('.search-input', 'khruschev');
    const suggestion = page.locator('.search-results .search-suggestion');
    await expect.poll(() => suggestion.allTextContents(), ANSWER).toEqual(['Khrushchev']);
    expect(await page.locator('.search-results .status').textContent()).toBe('Nothing found.');
    expect(await page.locator('.search-suggestions').textContent()).toBe('Did you mean Khrushchev?');
    expect(await shown(suggestion)).toBe(true);
    await suggestion.click();
    expect(await page.inputValue('.search-input')).toBe('Khrushchev');
    await expect.poll(() => page.locator('.search-results .result').count(), ANSWER).toBeGreaterThan(0);
    expect(await page.locator('.search-suggestion').count()).toBe(0);
    const marks = await page.locator('.search-results mark').allTextContents();
    expect(marks.map((mark) => mark.toLowerCase())).toContain('khrushchev');
  });

  it('runs a suggested spelling from the keyboard alone', async () => {
    const { page } = app;
    await page.fill('.search-input', 'mikoyen');
    const suggestion = page.locator('.search-results .search-suggestion');
    await expect.poll(() => suggestion.allTextContents(), ANSWER).toEqual(['Mikoyan']);
    await page.focus('.search-input');
    await page.keyboard.press('Enter');
    await expect.poll(() => suggestion.evaluate((node) => node === document.activeElement), ANSWER).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('.search-input'), ANSWER).toBe('Mikoyan');
    await expect.poll(() => page.locator('.search-results .result').count(), ANSWER).toBe(6);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true);
  });

  it('says when a wildcard stands for more words than are searched', async () => {
    const { page } = app;
    await page.fill('.search-input', '1*');
    const note = page.locator('.search-results .search-note');
    await expect.poll(() => note.textContent(), ANSWER).toMatch(/^"1\*" stands for 2,\d{3} different words; only the 2,000 closest were searched\. Type more of the word to narrow it\./);
    expect(await shown(note)).toBe(true);
    expect(await page.locator('.search-results .result').count()).toBeGreaterThan(0);
  });

  it('notes an unknown field and an ignored boost instead of finding nothing', async () => {
    const { page } = app;
    const note = page.locator('.search-results .search-note');
    await page.fill('.search-input', 'title:Hoxha');
    await expect.poll(() => note.textContent(), ANSWER).toMatch(/^"title:" is not a field Apparatus knows .* use source:Hoxha\./);
    expect(await shown(note)).toBe(true);
    const found = await page.locator('.search-results .status').textContent();
    expect(found).toMatch(/^\d+ passages found/);
    await page.fill('.search-input', 'Hoxha^2');
    await expect.poll(() => note.textContent(), ANSWER).toMatch(/^Boosts such as "\^2" are not used: .*"Hoxha" was searched as typed\./);
    expect(await shown(note)).toBe(true);
    expect(await page.locator('.search-results .status').textContent()).toBe(found);
  });

  it('lists the passages of a tag, including its child tags: quotation, source and page', async () => {
    const { page } = app;
    await page.fill('.search-input', 'tag:purges');
    const result = page.locator('.search-results button.result');
    await expect.poll(() => result.count(), ANSWER).toBe(1);
    expect(await page.locator('.search-results .result-source').allTextContents()).toEqual([
      'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
    ]);
    expect(await result.locator('.result-place').textContent()).toBe('Annotation · p. 379');
    expect(await result.locator('.result-snippet').textContent()).toBe('the naval base at Vlora');
    expect(await result.locator('.result-tags').textContent()).toBe('Tags: Show trials');
    for (const part of ['.result-place', '.result-snippet', '.result-tags']) expect(await shown(result.locator(part)), part).toBe(true);
  });

  it('says that the index could not be saved, while every search still answers', async () => {
    const { page } = app;
    const warning = page.locator('.index-warning');
    await expect.poll(() => warning.textContent(), ANSWER).toMatch(/^The search index could not be saved in .*cache.* Searching works from memory/);
    expect(await shown(warning)).toBe(true);
    expect(await page.locator('.search-results .result').count()).toBe(1);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

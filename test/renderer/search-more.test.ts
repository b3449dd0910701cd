import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { ANSWER } from '../support/search-window.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

/** Three sources of 110 paragraphs, each naming the quarrel once: 330 passages for "quarrel". */
function writeCorpus(folder: string): void {
  for (const n of [1, 2, 3]) {
    const paragraphs = Array.from({ length: 110 }, (_, i) => `Paragraph ${i + 1} of the memoir: the quarrel over Vlora grew, as letter ${n}-${i + 1} says.`);
    const front = ['---', `id: memoir-${n}`, 'type: book', `title: "Memoir ${n}"`, 'issued: { date-parts: [ [ 1961 ] ] }', 'language: en', 'reliability: primary', '---'];
    writeFileSync(join(folder, `memoir-${n}.md`), `${front.join('\n')}\n# Memoir ${n}\n\n${paragraphs.join('\n\n')}\n`);
  }
}

// A historian searching a large library for a common word saw "the first 200 shown" and had no
// way to reach the others. Now a button after the list shows the next page, from the keyboard too.
describe('more search results than one page', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let corpus: string;
  const focused = () => app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.ref ?? document.activeElement?.className ?? null);
  const results = () => app.page.locator('.search-results button.result');

  beforeAll(async () => {
    corpus = mkdtempSync(join(tmpdir(), 'apparatus-more-'));
    writeCorpus(corpus);
    browser = await launchChromium();
    backend = openServices(corpus);
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await backend?.dispose();
    if (corpus) rmSync(corpus, { recursive: true, force: true });
  });

  it('shows the rest from a button after the list, reached with End, and goes on at the first hit added', async () => {
    const { page } = app;
    await page.fill('.search-input', 'quarrel');
    const summary = page.locator('.search-results .status');
    await expect.poll(() => summary.textContent(), ANSWER).toBe('330 passages found (the first 200 shown).');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    const more = page.locator('.search-results .show-more');
    await expect.poll(focused).toBe('show-more');
    expect(await more.textContent()).toBe('Show the last 130');
    expect(await seenWhole(more)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const last = await results().nth(199).getAttribute('data-ref');
    await page.keyboard.press('Enter');
    await expect.poll(() => summary.textContent(), ANSWER).toBe('330 passages found.');
    expect(await results().count()).toBe(330);
    expect(await more.isVisible()).toBe(false);
    // The focus is on the first hit added, in sight; the one before it is the last of the first page.
    const first = await results().nth(200).getAttribute('data-ref');
    expect(await focused()).toBe(first);
    expect(await seenWhole(page.locator(':focus'))).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(last);
    expect(new Set(await results().evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-ref')))).size).toBe(330);
  });

  it('keeps the arrows, Home and End on the hits, and Up from the first back to the search box', async () => {
    const { page } = app;
    await page.keyboard.press('End');
    expect(await focused()).toBe(await results().last().getAttribute('data-ref'));
    expect(await seenWhole(page.locator(':focus'))).toBe(true);
    await page.keyboard.press('Home');
    expect(await focused()).toBe(await results().first().getAttribute('data-ref'));
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

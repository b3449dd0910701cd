import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { contentOf, folderState } from '../support/folder-state.ts';
import { watchLongTasks, type LongTaskLog } from '../support/long-tasks.ts';
import { closeAll } from '../support/reading.ts';
import { seenWhole } from '../support/visible.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

// A window task longer than this is a freeze the user feels; none may happen while a large web
// page is read, cleaned and imported (test/renderer/pdf-import-long.test.ts has the proof that
// the log records one).
const FROZEN_MS = 200;
// The app's cleaning, which waits after announcing each stage while `<file>.hold-<stage>` exists: the
// tests read the progress and press Cancel while the import is certainly running, on a fast
// machine too.
const HELD_WORKER = fileURLToPath(new URL('../support/held-clean-worker.ts', import.meta.url));

const PHRASES = ['the delegation left for the congress in the spring', 'a letter from the central committee was read aloud', 'the minutes of the session were never published'];

/** A saved web page of about `bytes` bytes whose markup far outweighs its text (about 1.3 MB of text in 9 MB). */
function largePage(bytes: number): string {
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Minutes of the Plenum</title></head><body><main><article><h1>Minutes of the Plenum</h1>'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i += 1) {
    const words = `${PHRASES[i % PHRASES.length]} (paragraph ${i + 1}).`.split(' ');
    const text = words.map((word, n) => `<span class="tok w${n}" data-track="p${i}-${n}" style="font-kerning:normal">${word}</span>`).join(' ');
    const block = `${i % 40 === 0 ? `<h2>Session ${i / 40 + 1}</h2>` : ''}<div class="para-wrap" data-index="${i}"><p class="body-text">${text}</p></div>`;
    parts.push(block);
    size += block.length;
  }
  parts.push('</article></main></body></html>');
  return parts.join('');
}

describe('a 9 MB web page in File ▸ Import Source…', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage | undefined;
  let folder: string;
  let corpus: string;
  let file: string;
  let tasks: LongTaskLog;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-large-page-ui-'));
    corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    file = join(folder, 'plenum-minutes.html');
    writeFileSync(file, largePage(9 * 1024 * 1024));
    browser = await launchChromium();
    // Main tells the window how far it has come, as Electron's main process does.
    backend = openServices(corpus, undefined, {
      onImportProgress: (progress) => void app?.emit('import.progress', progress),
      cleanWorkerFile: HELD_WORKER,
    });
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
    tasks = await watchLongTasks(app.page);
  }, 120_000);
  afterAll(async () => {
    await closeAll(app, browser, backend);
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const label = (page: Page) => page.locator('.import-progress-label');
  const bar = (page: Page) => page.locator('.import-bar');
  // Nothing but the page lies beside it (the hold files gone): the import left no temporary file.
  const besideTheFile = () => readdirSync(folder).filter((name) => name !== 'corpus').sort();

  it('is 9 MB of HTML', () => {
    expect(statSync(file).size).toBeGreaterThan(9 * 1024 * 1024);
    expect(statSync(file).size).toBeLessThan(10 * 1024 * 1024);
  });

  const hold = (stage: 'reading' | 'cleaning' | 'cleaning-half') => writeFileSync(`${file}.hold-${stage}`, '');
  const release = (stage: 'reading' | 'cleaning' | 'cleaning-half') => rmSync(`${file}.hold-${stage}`, { force: true });

  it('shows the stage it is at, in sight at 900×600 and passing axe, and stops when the user presses Escape, adding nothing', async () => {
    const page = app!.page;
    const before = contentOf(folderState(corpus));
    hold('reading');
    hold('cleaning');
    backend.filesToChoose.push(file);
    await app!.emit('menu.import');
    await page.waitForSelector('.import-progress:not([hidden])');
    await expect.poll(() => label(page).textContent()).toBe('Reading the file: step 1 of 2');
    expect(await bar(page).evaluate((element: HTMLProgressElement) => [element.value, element.max])).toEqual([0, 2]);
    for (const shown of [bar(page), label(page), page.locator('.import-progress button:has-text("Cancel")')]) expect(await seenWhole(shown)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // The file is read; the worker now waits at the start of cleaning.
    release('reading');
    await expect.poll(() => label(page).textContent()).toBe('Cleaning the text: step 2 of 2');
    expect(await bar(page).evaluate((element: HTMLProgressElement) => element.value)).toBe(1);
    expect(await seenWhole(label(page))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.toast').textContent()).toBe('The import was cancelled; nothing was added to the corpus.');
    release('cleaning');
    expect(await page.locator('.import-progress').isHidden()).toBe(true);
    expect(await page.locator('.import-dialog').count()).toBe(0);
    expect(app!.calls.map((call) => call.name)).toContain('corpus.importCancel');
    expect(contentOf(folderState(corpus))).toEqual(before);
    expect(besideTheFile()).toEqual(['plenum-minutes.html']);
  }, 120_000);

  it('stops while cleaning when the user clicks Cancel, adding nothing', async () => {
    const page = app!.page;
    const before = contentOf(folderState(corpus));
    const calls = app!.calls.length;
    hold('cleaning');
    backend.filesToChoose.push(file);
    await app!.emit('menu.import');
    await expect.poll(() => label(page).textContent()).toBe('Cleaning the text: step 2 of 2');
    await page.click('.import-progress button:has-text("Cancel")');
    await expect.poll(() => page.locator('.toast').textContent()).toBe('The import was cancelled; nothing was added to the corpus.');
    release('cleaning');
    expect(await page.locator('.import-progress').isHidden()).toBe(true);
    expect(await page.locator('.import-dialog').count()).toBe(0);
    expect(app!.calls.slice(calls).map((call) => call.name)).toContain('corpus.importCancel');
    expect(contentOf(folderState(corpus))).toEqual(before);
    expect(besideTheFile()).toEqual(['plenum-minutes.html']);
  }, 120_000);

  it('shows how much of the page is cleaned, in per cent, as the cleaning goes on', async () => {
    const page = app!.page;
    const before = contentOf(folderState(corpus));
    const percent = async (): Promise<number> => Number(/\((\d+)%\)$/.exec((await label(page).textContent()) ?? '')?.[1] ?? -1);
    // The worker waits once it has reported half the page cleaned.
    hold('cleaning-half');
    // The library's list scrolled to its end, as in a long library: the progress stays in sight.
    const library = page.locator('.library');
    await library.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    expect(await library.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    try {
      backend.filesToChoose.push(file);
      await app!.emit('menu.import');
      await expect.poll(percent, { timeout: 60_000 }).toBeGreaterThanOrEqual(50);
      expect(await label(page).textContent()).toMatch(/^Cleaning the text: step 2 of 2 \(\d+%\)$/);
      const shown = await percent();
      expect(shown).toBeLessThan(100);
      expect(await bar(page).evaluate((element: HTMLProgressElement) => element.value)).toBeCloseTo(1 + shown / 100, 1);
      expect(await library.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
      for (const shownPart of [label(page), bar(page), page.locator('.import-progress button:has-text("Cancel")')]) expect(await seenWhole(shownPart)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.toast').textContent()).toBe('The import was cancelled; nothing was added to the corpus.');
    } finally {
      release('cleaning-half');
    }
    expect(contentOf(folderState(corpus))).toEqual(before);
    expect(besideTheFile()).toEqual(['plenum-minutes.html']);
  }, 120_000);

  it('reaches Cancel by Tab from the Import button and presses it with Enter', async () => {
    const page = app!.page;
    const before = contentOf(folderState(corpus));
    hold('reading');
    backend.filesToChoose.push(file);
    await app!.emit('menu.import');
    await page.waitForSelector('.import-progress:not([hidden])');
    await page.focus('[data-action="import"]');
    let reached = false;
    for (let step = 0; step < 10 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.closest('.import-progress') != null && document.activeElement?.textContent === 'Cancel');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.import-progress').isHidden()).toBe(true);
    release('reading');
    expect(await page.locator('.import-dialog').count()).toBe(0);
    expect(contentOf(folderState(corpus))).toEqual(before);
    expect(besideTheFile()).toEqual(['plenum-minutes.html']);
  }, 120_000);

  it('imports the page when not stopped, and the window never freezes while it is read and cleaned', async () => {
    const page = app!.page;
    const start = await tasks.now();
    backend.filesToChoose.push(file);
    await app!.emit('menu.import');
    await page.waitForSelector('.import-dialog', { timeout: 120_000 });
    const shown = await tasks.now();
    expect(await page.locator('.import-progress').isHidden()).toBe(true);
    await page.fill('.import-dialog label:has-text("Id in the corpus") input', 'plenum');
    await page.click('.import-dialog button[type="submit"]');
    await expect.poll(() => page.locator('.reader-title').textContent(), { timeout: 60_000 }).toBe('Minutes of the Plenum');
    expect(readdirSync(corpus)).toContain('plenum.md');
    const during = await tasks.between(start, shown);
    expect(during.filter((task) => task.duration > FROZEN_MS)).toEqual([]);
  }, 240_000);

  it('raised no error in the page', () => {
    expect(app!.errors).toEqual([]);
  });
});

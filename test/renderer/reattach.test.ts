import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { selectWithMouse } from '../support/select.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';

const SOURCE = 'edemskiy-2019';
const LOST = 'The situation changed in the spring of 1960.';
const NEW_HOME = 'In late April several articles that appeared in the Chinese press';

// A passage that was rewritten on disk leaves its highlight an orphan; the user re-attaches it
// to another passage, and can take that back and do it again from the keyboard.
describe('re-attaching an orphaned highlight, with undo and redo', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let corpus: string;
  let id = '';

  beforeAll(async () => {
    corpus = join(mkdtempSync(join(tmpdir(), 'apparatus-reattach-')), 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    backend = openServices(corpus);
    id = backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, LOST, corpus), note: 'Spring turn' }).id;
    const file = join(corpus, `${SOURCE}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(LOST, 'Qwxz vbnm kjhg.'));
    browser = await launchChromium();
    app = await openApp(browser, backend.services);
    await app.page.setViewportSize({ width: 1400, height: 900 });
    await app.page.click(`[data-source-id="${SOURCE}"] .source-open`);
    await app.page.waitForSelector('.reading');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    backend?.dispose();
    if (corpus) rmSync(join(corpus, '..'), { recursive: true, force: true });
  });

  const stored = () => backend.services.store.get(id);
  const orphans = () => app.page.locator('.annotations-panel .orphan').count();
  const labels = () => app.calls.filter((call) => call.name === 'app.historyChanged').at(-1)?.payload;

  it('lists the highlight apart, as not found in the text', async () => {
    await expect.poll(orphans).toBe(1);
    expect(await app.page.locator('.annotations-panel .panel-subheading').textContent()).toBe('Not found in the current text (1)');
    expect(stored()?.anchor).toBe('orphaned');
  });

  it('re-attaches it to the selected passage', async () => {
    const { page } = app;
    await selectWithMouse(page, NEW_HOME);
    await page.click('.orphan button:has-text("Re-attach to selection")');
    await expect.poll(() => stored()?.quote.exact).toBe(NEW_HOME);
    expect(stored()).toMatchObject({ anchor: 'anchored', note: 'Spring turn' });
    await expect.poll(orphans).toBe(0);
    expect(await page.locator(`.hl[data-annotation-id="${id}"]`).allTextContents()).toEqual([NEW_HOME]);
    expect(labels()).toEqual({ undo: 'Re-attach Highlight', redo: null });
  });

  it('takes the re-attachment back with Ctrl+Z, and does it again with Ctrl+Shift+Z', async () => {
    const { page } = app;
    await page.locator('.reading').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => stored()?.quote.exact).toBe(LOST);
    expect(stored()).toMatchObject({ anchor: 'orphaned', note: 'Spring turn' });
    await expect.poll(orphans).toBe(1);
    expect(await page.locator(`.hl[data-annotation-id="${id}"]`).count()).toBe(0);
    expect(labels()).toEqual({ undo: null, redo: 'Re-attach Highlight' });

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => stored()?.quote.exact).toBe(NEW_HOME);
    expect(stored()?.anchor).toBe('anchored');
    await expect.poll(orphans).toBe(0);
    await expect.poll(() => page.locator(`.hl[data-annotation-id="${id}"]`).allTextContents()).toEqual([NEW_HOME]);
    expect(labels()).toEqual({ undo: 'Re-attach Highlight', redo: null });
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading, tempCorpus } from '../support/reading.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';

const SOURCE = 'edemskiy-2019';
const LOST = 'The situation changed in the spring of 1960.';
const NEW_HOME = 'In late April several articles that appeared in the Chinese press';

// A passage that was rewritten on disk leaves its highlight an orphan; the user re-attaches it
// to another passage, and can take that back and do it again from the keyboard.
describe('re-attaching an orphaned highlight, with undo and redo', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const copy = tempCorpus('apparatus-reattach-');
  const corpus = copy.folder;
  let id = '';

  beforeAll(async () => {
    backend = openServices(corpus);
    id = backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, LOST, corpus), note: 'Spring turn' }).id;
    const file = join(corpus, `${SOURCE}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(LOST, 'Qwxz vbnm kjhg.'));
    browser = await launchChromium();
    app = await openReading(browser, backend, SOURCE);
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    copy.remove();
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

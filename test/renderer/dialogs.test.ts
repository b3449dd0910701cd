import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { seenWhole, sight } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';
const DERIVATIVE = 'resexcellence-2021';
const PASSAGE = 'ideological differences should not be discussed publicly, in the media, but rather in personal meetings.';
// A manuscript without its date or archive: its citation would be incomplete.
const UNDATED = '---\nid: undated-note\ntitle: Note on the Delegation\ntype: manuscript\nreliability: primary\n---\n\nThe delegation returns on Friday.\n';
const BROKEN = '---\nid: broken-notes\ntitle: [Minutes of the Politburo\ntype: manuscript\n---\n\nThe minutes.\n';

// Every dialog in a small window (900×600): all of it on screen, every button whole and on top,
// and nothing axe-core counts as an accessibility violation.
describe('every dialog in a 900×600 window', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const copy = tempCorpus('apparatus-dialogs-');

  beforeAll(async () => {
    writeFileSync(join(copy.folder, 'broken-notes.md'), BROKEN);
    writeFileSync(join(copy.folder, 'undated-note.md'), UNDATED);
    browser = await launchChromium();
    backend = openServices(copy.folder);
    backend.services.store.createTag('Kremlin', 'blue');
    backend.services.annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, PASSAGE, copy.folder), color: 'green' });
    backend.services.annotations.create({ sourceId: DERIVATIVE, start: 0, end: 40 });
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    copy.remove();
  });

  /** Checks the open dialog: on screen, each of its buttons whole and clickable, no axe violation; then cancels it. */
  const check = async (dialog: Locator, buttons: string[]) => {
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(box.x + box.width).toBeLessThanOrEqual(900);
    for (const label of buttons) {
      const button = dialog.locator('.dialog-buttons button', { hasText: label });
      expect({ label, seen: await seenWhole(button) }).toEqual({ label, seen: true });
    }
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  };

  it('trims a quotation with its Save button in view', async () => {
    const { page } = app;
    await page.locator('.annotation-open').first().click();
    await page.click('.annotation-editor button:has-text("Trim quotation")');
    await check(page.locator('.import-dialog'), ['Cancel', 'Save']);
  });

  it('edits a source’s details, its known problems listed, with Save in view', async () => {
    const { page } = app;
    await page.click('[data-action="toggle-library"]');
    await page.click(`[data-source-id="${SOURCE}"] .source-edit`);
    const dialog = page.locator('.import-dialog');
    await dialog.waitFor();
    await dialog.locator('summary', { hasText: 'Known problems' }).click();
    expect(await dialog.locator('.provenance-list li').allTextContents()).toContain('Footnote 35 prints “CPSS” for CPSU; kept as printed.');
    expect((await sight(dialog.locator('.provenance-list li').last())).rendered).toBe(true);
    await check(dialog, ['Cancel', 'Save']);
  });

  it('says why a source cannot be read, with OK in view', async () => {
    const { page } = app;
    await page.click('[data-source-id="broken-notes"] .source-open');
    await check(page.locator('.confirm-dialog'), ['OK']);
  });

  it('asks what to export, with Export in view', async () => {
    await app.emit('menu.export');
    await check(app.page.locator('.import-dialog'), ['Cancel', 'Export…']);
  });

  it('warns before exporting citations that will be incomplete, with both buttons in view', async () => {
    await app.emit('menu.export');
    await app.page.locator('.import-dialog button[type="submit"]').click();
    const warning = app.page.locator('.confirm-dialog');
    await warning.waitFor();
    expect(await warning.locator('.confirm-message').textContent()).toBe('Some sources lack details Chicago needs.');
    await check(warning, ['Cancel', 'Export anyway']);
  });

  it('asks whether to cite a paraphrase or its original, with the three buttons in view', async () => {
    const { page } = app;
    // A 900-pixel window shows one panel beside the text.
    const show = async (panel: 'library' | 'side') => {
      const toggle = page.locator(`[data-action="toggle-${panel}"]`);
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    };
    await show('library');
    await page.click(`[data-source-id="${DERIVATIVE}"] .source-open`);
    await expect.poll(() => page.locator('.reader-title').textContent()).toMatch(/Agreement/);
    await show('side');
    await page.locator('.annotation-open').first().click();
    await page.click('.annotation-editor button:has-text("Copy citation")');
    await check(page.locator('.confirm-dialog'), ['Cancel', 'Cite this source', 'Cite the original']);
    await show('library');
    await page.click(`[data-source-id="${SOURCE}"] .source-open`);
    await expect.poll(() => page.locator('.reader-title').textContent()).toMatch(/Additional Evidence/);
  });

  it('asks for the metadata of a file to import, with Import in view', async () => {
    const file = join(copy.folder, '..', 'letter.txt');
    writeFileSync(file, 'Tirana, 3 December 1961.\n\nDear comrade, the delegation returns on Friday.\n');
    backend.filesToChoose.push(file);
    await app.emit('menu.import');
    await check(app.page.locator('.import-dialog'), ['Cancel', 'Import']);
  });

  it('confirms the deletion of a tag, with both buttons in view', async () => {
    const { page } = app;
    await page.click('[data-action="toggle-side"]');
    await page.click('[data-side="tags"]');
    await page.click('.tag-row button.danger');
    await check(page.locator('.confirm-dialog'), ['Cancel', 'Delete tag']);
  });

  it('raised no error in the page', () => {
    expect(app.errors).toEqual([]);
  });
});

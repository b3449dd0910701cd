import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { buttonsOutOfView } from '../support/dialog-fit.ts';
import { phraseRange } from '../support/phrases.ts';
import { startHelper } from '../support/store-processes.ts';
import { canCreateFileIn, makeReadOnly } from '../support/store-readonly.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

const HOLDER = fileURLToPath(new URL('../support/store-holder.ts', import.meta.url));
const SOURCE = 'edemskiy-2019';
const PHRASES = {
  early: 'The situation changed in the spring of 1960',
  middle: 'In early June Soviet leaders came up with the idea',
  late: 'Another surge of controversy in Soviet-Albanian relations',
};

// Within the window and not of zero size: what the user can see and click.
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.width > 0 && box.height > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

describe('File ▸ Project ▸ Check Project… and Backups… in the window', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  const ids = { early: '', middle: '', late: '' };
  let older = '';

  beforeAll(async () => {
    browser = await launchChromium();
    backend = openServices();
    const { annotations, store } = backend.services;
    const make = (key: keyof typeof PHRASES) => (ids[key] = annotations.create({ sourceId: SOURCE, ...phraseRange(SOURCE, PHRASES[key]), note: `The ${key} note` }).id);
    // The older backup holds the early highlight; the newer one the early and the middle ones.
    make('early');
    older = store.backupNow().name;
    make('middle');
    store.backupNow();
    // Then the early highlight was deleted and a late one made.
    annotations.delete(ids.early);
    make('late');
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
  }, 60_000);
  afterAll(() => closeAll(app, browser, backend));

  const listed = () => app.page.locator('.annotation-open[data-annotation-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-annotation-id')));
  const marked = (id: string) => app.page.locator(`.reading [data-annotation-id="${id}"]`).count();
  const focused = () => app.page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName);

  it('says the project is sound in words, with every button on screen at 900×600', async () => {
    const { page } = app;
    await app.emit('menu.projectCheck');
    const dialog = page.locator('.project-check');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.project-verdict').textContent()).toBe('Your project is sound: SQLite’s integrity check found no problem. It holds 2 highlights and 0 tags.');
    expect(await dialog.locator('.project-backups-line').textContent()).toMatch(/^2 copies can be restored, the newest from .+\.$/);
    expect(await dialog.locator('.project-file').textContent()).toBe(`Project file: ${backend.projectDir}/project.sqlite`);
    expect(await buttonsOutOfView(page, '.project-check')).toEqual([]);
    expect(await onScreen(page, dialog.locator('.project-verdict'))).toBe(true);
    // Close has the focus; Escape closes.
    expect(await focused()).toBe('Close');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('says a read-only project cannot be saved, in words on screen at 900×600', async () => {
    const { page } = app;
    const undo = makeReadOnly(backend.projectDir);
    try {
      expect(canCreateFileIn(backend.projectDir)).toBe(false);
      await app.emit('menu.projectCheck');
      const dialog = page.locator('.project-check');
      await dialog.locator('.project-verdict', { hasText: 'sound' }).waitFor();
      const note = dialog.locator('.project-cannot-save');
      // The details come with the verdict: read at once, not waited for.
      expect(await note.allTextContents()).toEqual([
        'Apparatus cannot save changes to it: the folder or the project file is read-only. It can still be read, searched and exported; make it writable to go on highlighting.',
      ]);
      expect(await onScreen(page, note)).toBe(true);
      expect(await buttonsOutOfView(page, '.project-check')).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    } finally {
      undo();
    }
    await app.emit('menu.projectCheck');
    await page.locator('.project-check .project-verdict', { hasText: 'sound' }).waitFor();
    expect(await page.locator('.project-check .project-cannot-save').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.project-check').count()).toBe(0);
  });

  it('leaves everything as it was when the backups are closed with Escape', async () => {
    const { page } = app;
    await app.emit('menu.projectBackups');
    const dialog = page.locator('.project-backups');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('input[type="radio"]').count()).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await listed()).toEqual([ids.middle, ids.late]);
  });

  it('says in the dialog why a backup cannot be restored while a command holds the project, and changes nothing', async () => {
    const { page } = app;
    const holder = startHelper(HOLDER, [`${backend.projectDir}/project.sqlite`, '300']);
    try {
      await holder.until((line) => line === 'ready' || line.startsWith('error'));
      await app.emit('menu.projectBackups');
      const dialog = page.locator('.project-backups');
      await dialog.locator('input[type="radio"]').first().waitFor();
      await dialog.locator('button', { hasText: 'Restore…' }).click();
      await page.locator('.confirm-dialog button', { hasText: 'Restore' }).click();
      await expect.poll(() => dialog.locator('.panel-alert').textContent(), { timeout: 20_000 }).toBe(
        'The project is open in an Apparatus window or command. Close it before restoring a copy: nothing was changed.',
      );
      expect(await onScreen(page, dialog.locator('.panel-alert'))).toBe(true);
      expect(await buttonsOutOfView(page, '.project-backups')).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    } finally {
      await holder.kill();
    }
    expect(await listed()).toEqual([ids.middle, ids.late]);
    expect(backend.services.annotations.list({}).map((a) => a.id).sort()).toEqual([ids.middle, ids.late].sort());
  }, 60_000);

  it('restores the older backup from the keyboard after a confirmation, and the early highlight comes back', async () => {
    const { page } = app;
    // From the check, Backups… opens the list.
    await app.emit('menu.projectCheck');
    await page.locator('.project-check .project-verdict', { hasText: 'sound' }).waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Backups…');
    await page.keyboard.press('Enter');
    const dialog = page.locator('.project-backups');
    await dialog.waitFor();
    const items = dialog.locator('.backup-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.locator('.check-text').allTextContents()).toEqual([expect.stringMatching(/ · Daily backup$/), expect.stringMatching(/ · Daily backup$/)]);
    expect(await items.locator('.check-detail').allTextContents()).toEqual([expect.stringMatching(/^2 highlights and 0 tags · \d+ KB$/), expect.stringMatching(/^1 highlight and 0 tags · \d+ KB$/)]);
    expect(await buttonsOutOfView(page, '.project-backups')).toEqual([]);
    for (const item of await items.all()) expect(await onScreen(page, item)).toBe(true);

    // The newest is chosen and has the focus; the down arrow chooses the older one.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await dialog.locator('input[name="backup"]:checked').getAttribute('value')).toBe(older);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Restore…');
    await page.keyboard.press('Enter');

    // The confirmation says what happens; Cancel has the focus, so a stray Enter does nothing.
    const confirm = page.locator('.confirm-dialog');
    await confirm.waitFor();
    expect(await confirm.locator('.confirm-message').textContent()).toMatch(/^Restore the backup of .+\?$/);
    expect(await confirm.locator('.confirm-detail').textContent()).toBe(
      'Your project goes back to what it held then: 1 highlight and 0 tags. Highlights, notes and tags made since are not in it. The project as it is now is not deleted: it is kept as a file beside the restored one, and Undo starts afresh.',
    );
    expect(await buttonsOutOfView(page, '.confirm-dialog')).toEqual([]);
    expect(await focused()).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Restore');
    await page.keyboard.press('Enter');

    await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(
      new RegExp(`^Restored the backup of .+\\. Your project as it was is kept as ${backend.projectDir}/project\\.sqlite\\.replaced-\\d{8}T\\d{6}\\.\\d{3}Z\\.$`),
    );
    // The early highlight is back in the list and in the text; the later ones are gone.
    await expect.poll(listed).toEqual([ids.early]);
    const row = page.locator(`.annotation-open[data-annotation-id="${ids.early}"]`);
    expect(await onScreen(page, row)).toBe(true);
    await expect.poll(() => marked(ids.early)).toBeGreaterThan(0);
    expect(await marked(ids.middle)).toBe(0);
    expect(await marked(ids.late)).toBe(0);
    // The Edit menu has nothing to undo: the actions it held were on the project set aside.
    expect(app.calls.filter((call) => call.name === 'app.historyChanged').at(-1)?.payload).toEqual({ undo: null, redo: null });
    expect(backend.services.annotations.list({}).map((a) => a.id)).toEqual([ids.early]);
    expect(app.errors).toEqual([]);
  }, 60_000);

  it('undoes that restore from the keyboard: the project as it was before it is listed first, named so, and comes back', async () => {
    const { page } = app;
    await app.emit('menu.projectBackups');
    const dialog = page.locator('.project-backups');
    const items = dialog.locator('.backup-item');
    await expect.poll(() => items.count()).toBe(3);
    const [first, ...rest] = await items.locator('.check-text').allTextContents();
    expect(first).toMatch(/^The project as it was before the restore of \S.*$/);
    expect(rest).toEqual([expect.stringMatching(/ · Daily backup$/), expect.stringMatching(/ · Daily backup$/)]);
    expect(await items.first().locator('.check-detail').textContent()).toMatch(/^2 highlights and 0 tags · \d+ KB$/);
    expect(await buttonsOutOfView(page, '.project-backups')).toEqual([]);
    for (const item of await items.all()) expect(await onScreen(page, item)).toBe(true);

    // It is chosen and has the focus.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Restore…');
    await page.keyboard.press('Enter');
    const confirm = page.locator('.confirm-dialog');
    await confirm.waitFor();
    const when = (first as string).replace('The project as it was before the restore of ', '');
    expect(await confirm.locator('.confirm-message').textContent()).toBe(`Restore the project as it was before the restore of ${when}?`);
    expect(await confirm.locator('.confirm-detail').textContent()).toMatch(/^Your project goes back to what it held before that restore: 2 highlights and 0 tags\. /);
    expect(await buttonsOutOfView(page, '.confirm-dialog')).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Restore');
    await page.keyboard.press('Enter');

    await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(
      new RegExp(`^Restored the project as it was before the restore of ${when.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Your project as it was is kept as .*project\\.sqlite\\.replaced-\\S+\\.$`),
    );
    await expect.poll(listed).toEqual([ids.middle, ids.late]);
    expect(backend.services.annotations.list({}).map((a) => a.id).sort()).toEqual([ids.middle, ids.late].sort());
    expect(app.errors).toEqual([]);
  }, 60_000);
});

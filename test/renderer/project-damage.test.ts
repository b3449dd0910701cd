import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { buttonsNotSeen } from '../support/dialog-fit.ts';
import { closeAll, openReading } from '../support/reading.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { resizeWindow } from '../support/window-size.ts';

const SOURCE = 'edemskiy-2019';
const PHRASES = {
  first: 'The situation changed in the spring of 1960',
  refused: 'In early June Soviet leaders came up with the idea',
  after: 'Another surge of controversy in Soviet-Albanian relations',
  later: 'The American plane was shot down',
};

// Selects `phrase` with the mouse until the colour bar shows. A selection made while the text was
// still reflowing (blocks laid out as they scroll into view) can miss its words: select again (the
// colour bar itself is tested in hidden-things.test.ts and annotate.test.ts).
async function select(page: Page, phrase: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await page.keyboard.press('Escape');
    await selectWithMouse(page, phrase);
    try {
      await page.locator('.selection-toolbar').waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

// Highlights `phrase` with the mouse and the colour bar, as a user does.
async function highlight(page: Page, phrase: string): Promise<void> {
  await select(page, phrase);
  await page.click('.selection-toolbar [data-color="green"]');
}

// The passage is selected, then `damage` is done, then the colour key pressed: the first save
// refused (the highlight, or the reading position the selection scrolled to) brings up the
// choices, and a key pressed meanwhile goes to the dialog and does nothing. The mouse is still
// once the damage is done, so where the focus goes is the app's doing alone (CI caught a
// selection's click landing on a dialog that came up in the middle of it).
async function highlightRefused(page: Page, phrase: string, damage: () => void): Promise<void> {
  await select(page, phrase);
  damage();
  await page.keyboard.press('2');
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

// Tab until the button named `label` has the focus (at most 8 steps), as a keyboard user does.
async function tabTo(page: Page, label: string): Promise<void> {
  for (let step = 0; step < 8 && (await focused(page)) !== label; step += 1) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(label);
}

describe('the open project’s files removed or replaced by another program while the app runs', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let projectDir: string;
  const file = () => join(projectDir, 'project.sqlite');
  const quotes = (services = backend.services) => services.annotations.list({}).map((a) => a.quote.exact).sort();

  // Two highlights saved; then a sync tool puts an older copy of the project, with only the first,
  // in its place (a new file under the same name), and the next save is refused.
  async function replacedByOlderCopy(page: Page): Promise<void> {
    await highlight(page, PHRASES.first);
    await expect.poll(() => quotes()).toEqual([PHRASES.first]);
    const older = join(projectDir, 'older.sqlite');
    copyFileSync(file(), older);
    await highlight(page, PHRASES.refused);
    await expect.poll(() => quotes()).toEqual([PHRASES.refused, PHRASES.first].sort());
    await highlightRefused(page, PHRASES.after, () => renameSync(older, file()));
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    backend = openServices();
    projectDir = backend.projectDir;
    app = await openReading(browser, backend, SOURCE);
    await resizeWindow(app.page, 900, 600);
    // At 900 px the library folds away while reading: the text reflows before anything is selected.
    await expect.poll(() => app.page.locator('.library').isVisible()).toBe(false);
  }, 60_000);
  afterEach(async () => {
    await closeAll(app, undefined, backend);
  });

  it('offers the choices at once when the journal is removed, keeps the project as it is from the keyboard, and saves again without a restart', async () => {
    const { page } = app;
    await highlight(page, PHRASES.first);
    await expect.poll(() => quotes()).toEqual([PHRASES.first]);
    expect(existsSync(`${file()}-wal`)).toBe(true);

    // Another program (a clean-up tool) removes the project's journal; the next highlight is
    // refused, and the window says why and what can be done now.
    await highlightRefused(page, PHRASES.refused, () => rmSync(`${file()}-wal`));
    const dialog = page.locator('.project-decision');
    await dialog.waitFor();
    expect(await dialog.locator('.project-happened').textContent()).toBe(
      "Another program removed one of the project's working files (project.sqlite-wal) while Apparatus had the project open. Apparatus stopped saving so that nothing would be lost, and the last change was not saved.",
    );
    expect(await dialog.locator('.project-kept').textContent()).toBe('Everything you saved until then is in the project file (1 highlight and 0 tags): nothing saved was lost.');
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // The refusal's advice to quit and reopen is gone: the dialog offers to go on now.
    expect(await page.locator('.toast').isHidden()).toBe(true);
    // Later has the focus: a stray Enter decides nothing.
    expect(await focused(page)).toBe('Later');
    await tabTo(page, 'Keep the Project as It Is…');
    await page.keyboard.press('Enter');

    const confirm = page.locator('.confirm-dialog');
    await confirm.waitFor();
    expect(await confirm.locator('.confirm-message').textContent()).toBe('Keep the project as it now is?');
    expect(await confirm.locator('.confirm-detail').textContent()).toBe(
      'The project file as it now is holds 1 highlight and 0 tags. Every change you saved is in it, so nothing saved is lost; only the change refused when Apparatus stopped must be made again. Apparatus closes the project and opens it again without the removed working file, then saves as before. Undo starts afresh.',
    );
    expect(await buttonsNotSeen(confirm)).toEqual([]);
    expect(await focused(page)).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Keep as It Is');
    await page.keyboard.press('Enter');

    await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/^Apparatus saves your changes again, in the project as it now is\./);
    // The app works normally: the refused highlight made again, and another, are saved.
    await highlight(page, PHRASES.refused);
    await highlight(page, PHRASES.after);
    await expect.poll(() => quotes()).toEqual([PHRASES.after, PHRASES.refused, PHRASES.first].sort());
    expect(existsSync(`${file()}-wal`)).toBe(true);
    await expect.poll(() => page.locator('.reading .hl').evaluateAll((marks) => new Set(marks.map((mark) => mark.getAttribute('data-annotation-id'))).size)).toBe(3);

    // Everything is still there after the services are closed and opened again, as after a restart.
    await app.close();
    backend.close();
    backend = openServices(undefined, projectDir);
    expect(quotes()).toEqual([PHRASES.after, PHRASES.refused, PHRASES.first].sort());
    app = await openReading(browser, backend, SOURCE);
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('keeps a recovery copy when the project file is replaced, says what it holds, and keeps it among the backups when the user goes on with the file as it now is', async () => {
    const { page } = app;
    await replacedByOlderCopy(page);
    const dialog = page.locator('.project-decision');
    await dialog.waitFor();
    expect(await dialog.locator('.project-happened').textContent()).toMatch(/^The project file was replaced by another program while Apparatus had it open \(a sync or backup tool may do this\)\. /);
    expect(await dialog.locator('.project-kept').textContent()).toMatch(/^Everything Apparatus saw before it stopped is kept in a recovery copy of .+: 2 highlights and 0 tags\.$/);
    expect(await buttonsNotSeen(dialog)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.locator('button', { hasText: 'Keep the Project as It Is…' }).click();
    const confirm = page.locator('.confirm-dialog');
    await confirm.waitFor();
    expect(await confirm.locator('.confirm-message').textContent()).toBe('Keep the project as it now is, without the recovery copy?');
    expect(await confirm.locator('.confirm-detail').textContent()).toMatch(
      /^The project file as it now is holds 1 highlight and 0 tags\. Apparatus goes on with it, so what only the recovery copy of .+ holds \(2 highlights and 0 tags, as Apparatus last saw them\) is not in your project\. The recovery copy is not deleted: it is kept among the backups, where File ▸ Project ▸ Backups… can restore it at any time\. Undo starts afresh\.$/,
    );
    expect(await buttonsNotSeen(confirm)).toEqual([]);
    await confirm.locator('button', { hasText: 'Keep as It Is' }).click();
    await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator('.toast').textContent()).toBe('Apparatus saves your changes again, in the project as it now is. Kept the recovery copy among the backups.');

    // The project is the file as it now is; the recovery copy, with both highlights, is a backup.
    expect(quotes()).toEqual([PHRASES.first]);
    const copies = backend.services.project.backups();
    expect(copies.filter((copy) => copy.kind === 'recovery').map((copy) => copy.contents)).toEqual([{ annotations: 2, tags: 0 }]);
    expect(readdirSync(projectDir).filter((name) => name.includes('.recovery-'))).toEqual([]);
    await highlight(page, PHRASES.after);
    await expect.poll(() => quotes()).toEqual([PHRASES.after, PHRASES.first].sort());

    await app.close();
    backend.close();
    backend = openServices(undefined, projectDir);
    expect(quotes()).toEqual([PHRASES.after, PHRASES.first].sort());
    app = await openReading(browser, backend, SOURCE);
  }, 120_000);

  it('waits for Check Project… when the user decides later, then restores the recovery copy from the same dialog, without a restart', async () => {
    const { page } = app;
    await replacedByOlderCopy(page);
    const dialog = page.locator('.project-decision');
    await dialog.waitFor();
    // Escape decides later: the next refusal is said in a message, and the choices wait for Check Project….
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await highlight(page, PHRASES.later);
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/^The project file was replaced by another program/);
    expect(await dialog.count()).toBe(0);
    await app.emit('menu.projectCheck');
    await dialog.waitFor();
    expect(await page.locator('.project-check').count()).toBe(0);
    await tabTo(page, 'Restore a Copy…');
    await page.keyboard.press('Enter');
    const backups = page.locator('.project-backups');
    await backups.waitFor();
    await expect.poll(() => backups.locator('.backup-item .check-text').first().textContent()).toMatch(/ · Recovery copy$/);
    expect(await buttonsNotSeen(backups)).toEqual([]);
    await tabTo(page, 'Restore…');
    await page.keyboard.press('Enter');
    await page.locator('.confirm-dialog').waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Restore');
    await page.keyboard.press('Enter');
    await expect.poll(() => backups.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/^Restored the recovery copy of /);
    expect(quotes()).toEqual([PHRASES.refused, PHRASES.first].sort());
    await highlight(page, PHRASES.after);
    await expect.poll(() => quotes()).toEqual([PHRASES.after, PHRASES.refused, PHRASES.first].sort());

    await app.close();
    backend.close();
    backend = openServices(undefined, projectDir);
    expect(quotes()).toEqual([PHRASES.after, PHRASES.refused, PHRASES.first].sort());
    app = await openReading(browser, backend, SOURCE);
  }, 120_000);
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { phraseRange } from '../support/phrases.ts';
import { closeAll, openReading, tempCorpus } from '../support/reading.ts';
import { writeToken } from '../../electron/services/sync/share-config.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { openSharedProject, type SharedProject } from '../support/share-projects.ts';
import { makeGroup, spawnServer, tempFolder, withAccess, type ServerProcess } from '../support/share-server.ts';
import { selectWithMouse } from '../support/select.ts';
import { seenWhole, tabStops } from '../support/visible.ts';
import { resizeWindow } from '../support/window-size.ts';

const REASON = 'You are a reader in group “seminar”: you can read, search and cite its work, not highlight or change it.';
const ADD = 'You are a reader in group “seminar”: only editors and owners can add sources to it.';
const DETAILS = 'You are a reader in group “seminar”: only editors and owners can change the details of its sources.';
const REFERENCES = 'You are a reader in group “seminar”: only editors and owners can change its references.';
const TAGS = 'You are a reader in group “seminar”: only editors and owners can rename, move, merge or delete its tags.';
const PHRASE = 'The huge complex of turbulent historical processes';
const ADDED = 'A paragraph Anna added after checking the archive copy.';

describe('a group’s reader cannot change the shared corpus from the window: the controls are off and say why, and follow the role', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let anna: SharedProject;
  let corpus: ReturnType<typeof tempCorpus>;
  let folder: { dir: string; remove(): void };
  let server: ServerProcess;
  let annaHighlight: string;

  beforeAll(async () => {
    folder = tempFolder('apparatus-share-reader-writes-');
    const tokens = makeGroup(`${folder.dir}/server`, 'seminar', { anna: 'owner', carl: 'reader' });
    server = await spawnServer(`${folder.dir}/server`);
    anna = openSharedProject(folder.dir, 'anna');
    const famine = anna.services.tags.create('Famine', 'green');
    annaHighlight = anna.services.annotations.create({ sourceId: 'edemskiy-2019', ...phraseRange('edemskiy-2019', PHRASE), note: 'Anna’s reading', tags: [famine.id] }).id;
    await anna.services.sync.join({ server: server.url, group: 'seminar', token: tokens.anna ?? '' });
    corpus = tempCorpus('apparatus-share-reader-writes-corpus-');
    backend = openServices(corpus.folder, undefined, { keepSyncing: true });
    // Main sends where syncing stands, the notices, what others changed and the corpus's changes, as the app does.
    backend.services.sync.onView((view) => void app?.emit('share.status', view));
    backend.services.sync.onNotice((message) => void app?.emit('share.notice', { message }));
    backend.services.sync.onRemoteApplied((change) => void app?.emit('share.changed', change));
    backend.services.events.on('corpus.changed', (change) => void app?.emit('corpus.changed', change));
    await backend.services.sync.join({ server: server.url, group: 'seminar', token: tokens.carl ?? '' });
    browser = await launchChromium();
    app = await openReading(browser, backend, 'edemskiy-2019');
    await resizeWindow(app.page, 900, 600);
  }, 120_000);
  afterAll(async () => {
    await closeAll(app, browser, backend);
    await anna?.close();
    server?.child.kill('SIGKILL');
    corpus?.remove();
    folder?.remove();
  });

  const importButton = () => app.page.locator('[data-action="import"]');
  const lockLine = () => app.page.locator('.write-lock');
  // The toast's message (an error's toast also has its Dismiss button).
  const toast = () => app.page.locator('.toast > span');
  const setRole = (role: 'reader' | 'editor') => withAccess(`${folder.dir}/server`, (access) => access.setMember('seminar', 'carl', role));

  it('shows the reason under the status, turns Import and Details off saying why, and the menu’s imports only repeat it', async () => {
    const { page } = app;
    await expect.poll(() => lockLine().textContent()).toBe(REASON);
    // At 900 px the library folds away while reading (once the window has taken its new size);
    // the keyboard opens it, with the reason at its top.
    await expect.poll(() => page.locator('.library').isVisible()).toBe(false);
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(() => seenWhole(lockLine())).toBe(true);
    expect(await importButton().isDisabled()).toBe(true);
    expect(await importButton().getAttribute('title')).toBe(ADD);
    const details = page.locator('.source-edit');
    expect(await details.count()).toBeGreaterThan(0);
    expect(await details.evaluateAll((nodes) => nodes.every((node) => (node as HTMLButtonElement).disabled))).toBe(true);
    expect(await details.first().getAttribute('title')).toBe(DETAILS);

    // From the start of the page, Tab never stops on a control that is off.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stops = await tabStops(page, 6);
    expect(stops.map((stop) => stop.name).filter((name) => /Import…|Details…|Edit the details/.test(name))).toEqual([]);

    // File ▸ Import Source… and Import References… (as the menu sends them) say why, and open nothing.
    const before = backend.dialogsShown.length;
    await app.emit('menu.import');
    await expect.poll(() => toast().textContent()).toBe(ADD);
    expect(await seenWhole(toast())).toBe(true);
    await app.emit('menu.importReferences');
    await expect.poll(() => toast().textContent()).toBe(REFERENCES);
    // A file dropped on the library is not read: the drop says why.
    await app.dropFiles('.library', [join(corpus.folder, '..', 'dropped.txt')]);
    await expect.poll(() => toast().textContent()).toBe(ADD);
    expect(backend.dialogsShown.length).toBe(before);
    expect(app.calls.some((call) => ['corpus.importChoose', 'corpus.importDropped', 'references.choose'].includes(call.name))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('shows the tags to read, with every control that would change one off, out of the Tab order, and the reason first', async () => {
    const { page } = app;
    // At 900 px one panel shows beside the text: the keyboard brings the side panel back.
    if (!(await page.locator('#side-panel').isVisible())) await page.keyboard.press('Control+Shift+A');
    await expect.poll(() => page.locator('#side-panel').isVisible()).toBe(true);
    await page.locator('[data-side="tags"]').focus();
    await page.keyboard.press('Enter');
    const manager = page.locator('.tag-manager');
    const note = manager.locator('.read-only-note');
    await expect.poll(() => note.textContent()).toBe(TAGS);
    expect(await seenWhole(note)).toBe(true);
    const row = manager.locator('.tag-row').first();
    await row.waitFor();
    const controls = row.locator('input, select, button');
    expect(await controls.count()).toBe(5);
    expect(await controls.evaluateAll((nodes) => nodes.every((node) => (node as HTMLInputElement).disabled))).toBe(true);
    // Announced as unavailable, each saying why.
    const remove = manager.getByRole('button', { name: 'Delete the tag Famine' });
    expect(await remove.isDisabled()).toBe(true);
    expect(await remove.getAttribute('title')).toBe(TAGS);
    expect(await manager.getByRole('combobox', { name: 'Merge Famine into another tag' }).isDisabled()).toBe(true);
    expect(await manager.getByRole('textbox', { name: 'Name of the tag Famine' }).inputValue()).toBe('Famine');
    await page.locator('[data-side="tags"]').focus();
    const stops = await tabStops(page, 4);
    expect(stops.filter((stop) => /tag-(name|color|parent|merge)|Delete the tag/.test(stop.name))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('follows a role the server changes both ways; what was done as an editor cannot be undone as a reader', async () => {
    const { page } = app;
    setRole('editor');
    await expect.poll(() => importButton().isDisabled(), { timeout: 20_000 }).toBe(false);
    expect(await lockLine().isVisible()).toBe(false);
    expect(await importButton().getAttribute('title')).toBe('Import a source (Ctrl+I)');
    expect(await page.locator('.source-edit').first().isDisabled()).toBe(false);
    const name = page.locator('.tag-manager').getByRole('textbox', { name: 'Name of the tag Famine' });
    await expect.poll(() => name.isDisabled()).toBe(false);
    expect(await page.locator('.tag-manager .read-only-note').isVisible()).toBe(false);

    // As an editor, carl renames the tag from the keyboard: it can be undone now.
    await name.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Hunger');
    await page.keyboard.press('Enter');
    await expect.poll(() => backend.services.tags.list().map((tag) => tag.name)).toEqual(['Hunger']);
    await expect.poll(() => app.calls.filter((call) => call.name === 'app.historyChanged').at(-1)?.payload).toEqual({ undo: 'Rename Tag', redo: null });

    setRole('reader');
    await expect.poll(() => importButton().isDisabled(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => lockLine().textContent()).toBe(REASON);
    expect(await page.locator('.tag-manager').getByRole('textbox', { name: 'Name of the tag Hunger' }).isDisabled()).toBe(true);
    // The Edit menu offers no undo, and Ctrl+Z changes nothing.
    expect(app.calls.filter((call) => call.name === 'app.historyChanged').at(-1)?.payload).toEqual({ undo: null, redo: null });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+Z');
    await expect.poll(() => toast().textContent()).toBe('Nothing to undo.');
    expect(backend.services.tags.list().map((tag) => tag.name)).toEqual(['Hunger']);
  }, 90_000);

  it('tells the reader on screen that anna changed the text of the source open, and shows the new text with her highlight placed again', async () => {
    const { page } = app;
    const file = join(anna.corpus, 'edemskiy-2019.md');
    const text = readFileSync(file, 'utf8');
    const body = text.indexOf('\n---\n', 4) + 5;
    writeFileSync(file, `${text.slice(0, body)}\n${ADDED}\n\n${text.slice(body)}`);
    await anna.services.sync.exchange(30_000);

    await expect.poll(() => toast().textContent(), { timeout: 30_000 }).toMatch(/^The text of “.+” was changed by anna; its highlights are placed again in the new text when you open it\.$/);
    expect(await seenWhole(toast())).toBe(true);
    const box = await toast().boundingBox();
    expect(box && box.width > 0 && box.height > 0 && box.x >= 0 && box.x + box.width <= 900 && box.y + box.height <= 600).toBe(true);
    // The source open in the reader shows the group's text, with anna's highlight on the words she chose.
    await expect.poll(() => page.locator('.reading').textContent(), { timeout: 20_000 }).toContain(ADDED);
    const quote = PHRASE;
    await expect
      .poll(() => page.locator(`.hl[data-annotation-id="${annaHighlight}"]`).evaluateAll((nodes) => nodes.map((node) => node.textContent).join('')), { timeout: 20_000 })
      .toBe(quote);
    expect(await page.locator('.reading').evaluate((node, added) => node.textContent!.indexOf(added), ADDED)).toBeLessThan(
      await page.locator('.reading').evaluate((node, q) => node.textContent!.indexOf(q), quote),
    );
  }, 90_000);
});

describe('before the server has said what a member may do, the window changes nothing and says it waits', () => {
  const WAITING = 'Apparatus is waiting for group “seminar” to say what you may do in it: nothing can be changed in the shared corpus until the sync server answers.';
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let corpus: ReturnType<typeof tempCorpus>;
  let folder: { dir: string; remove(): void };
  let server: ServerProcess;

  beforeAll(async () => {
    folder = tempFolder('apparatus-share-waiting-');
    const tokens = makeGroup(`${folder.dir}/server`, 'seminar', { dora: 'editor' });
    server = await spawnServer(`${folder.dir}/server`);
    corpus = tempCorpus('apparatus-share-waiting-corpus-');
    const projectDir = mkdtempSync(join(tmpdir(), 'apparatus-share-waiting-project-'));
    backend = openServices(corpus.folder, projectDir, { keepSyncing: true });
    // A project that joined before the role was kept, opened before the server answered.
    backend.services.store.setSetting('share', { server: server.url, group: 'seminar', user: 'dora' });
    writeToken(join(projectDir, 'project.sqlite'), tokens.dora ?? '');
    backend.services.sync.onView((view) => void app?.emit('share.status', view));
    browser = await launchChromium();
    app = await openReading(browser, backend, 'edemskiy-2019');
    await resizeWindow(app.page, 900, 600);
  }, 120_000);
  afterAll(async () => {
    await closeAll(app, browser, backend);
    server?.child.kill('SIGKILL');
    corpus?.remove();
    folder?.remove();
  });

  it('offers no colour and no import while it waits, saying so, and lets an editor write once the member list arrives', async () => {
    const { page } = app;
    // At 900 px the library folds away while reading: the text reflows before anything is selected.
    await expect.poll(() => page.locator('.library').isVisible()).toBe(false);
    await selectWithMouse(page, 'The huge complex of turbulent historical processes');
    const toolbar = page.locator('.selection-toolbar');
    await expect.poll(() => toolbar.locator('.toolbar-read-only').textContent()).toBe(WAITING);
    expect(await toolbar.getByRole('button').evaluateAll((nodes) => nodes.every((node) => (node as HTMLButtonElement).disabled))).toBe(true);
    await page.keyboard.press('h');
    expect(backend.services.annotations.list({})).toEqual([]);
    await page.keyboard.press('Escape');
    if (!(await page.locator('.library').isVisible())) await page.keyboard.press('Control+Shift+L');
    await expect.poll(() => page.locator('.write-lock').textContent()).toBe(WAITING);
    expect(await seenWhole(page.locator('.write-lock'))).toBe(true);
    expect(await page.locator('[data-action="import"]').getAttribute('title')).toBe(WAITING);
    expect(await page.locator('[data-action="import"]').isDisabled()).toBe(true);

    // The server answers: dora is an editor, and the window lets her write.
    backend.services.sync.connect();
    await expect.poll(() => page.locator('[data-action="import"]').isDisabled(), { timeout: 20_000 }).toBe(false);
    expect(await page.locator('.write-lock').isVisible()).toBe(false);
    expect(backend.services.store.getSetting('share')).toMatchObject({ role: 'editor' });
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);
});

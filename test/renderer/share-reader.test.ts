import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSyncServer } from '../../electron/server/sync-server.ts';
import type { AppPage } from '../support/app-page.ts';
import { axeViolations } from '../support/axe.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll, openReading, tempCorpus } from '../support/reading.ts';
import { selectWithMouse } from '../support/select.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { openSharedProject, type SharedProject } from '../support/share-projects.ts';
import { makeGroup, startTestServer, tempFolder } from '../support/share-server.ts';

const REASON = 'You are a reader in group “seminar”: you can read, search and cite its work, not highlight or change it.';

describe('a group’s reader reads: the app turns editing off and says why', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let anna: SharedProject;
  let corpus: ReturnType<typeof tempCorpus>;
  let folder: { dir: string; remove(): void };
  let server: RunningSyncServer;

  beforeAll(async () => {
    folder = tempFolder('apparatus-share-reader-');
    ({ server } = await startTestServer(`${folder.dir}/server`));
    const tokens = makeGroup(`${folder.dir}/server`, 'seminar', { anna: 'owner', carl: 'reader' });
    anna = openSharedProject(folder.dir, 'anna');
    anna.services.annotations.create({ sourceId: 'edemskiy-2019', start: 0, end: 40, note: 'Anna’s reading' });
    await anna.services.sync.join({ server: server.url, group: 'seminar', token: tokens.anna ?? '' });
    corpus = tempCorpus('apparatus-share-reader-corpus-');
    backend = openServices(corpus.folder);
    await backend.services.sync.join({ server: server.url, group: 'seminar', token: tokens.carl ?? '' });
    browser = await launchChromium();
    app = await openReading(browser, backend, 'edemskiy-2019');
  }, 90_000);
  afterAll(async () => {
    await closeAll(app, browser, backend);
    await anna?.close();
    await server?.stop();
    corpus?.remove();
    folder?.remove();
  });

  const count = () => backend.services.annotations.list({}).length;

  it('offers no colour for a selection: the toolbar says why, and H or 1–6 only repeat it', async () => {
    const { page } = app;
    await page.locator('.annotations-panel .annotation-open').first().waitFor();
    const before = count();
    await selectWithMouse(page, 'The huge complex of turbulent historical processes');
    const toolbar = page.locator('.selection-toolbar');
    await toolbar.waitFor();
    const reason = toolbar.locator('.toolbar-read-only');
    await expect.poll(() => reason.textContent()).toBe(REASON);
    const box = await reason.boundingBox();
    expect(box && box.width > 0 && box.height > 0 && box.x >= 0 && box.x + box.width <= 1400).toBe(true);
    const swatches = toolbar.getByRole('button');
    expect(await swatches.count()).toBe(6);
    for (const swatch of await swatches.all()) expect(await swatch.isDisabled()).toBe(true);
    await page.keyboard.press('h');
    await page.keyboard.press('3');
    const toast = page.locator('.toast');
    await expect.poll(() => toast.textContent()).toBe(REASON);
    expect(await toast.isVisible()).toBe(true);
    const drawn = await page.locator('.hl').evaluateAll((nodes) => new Set(nodes.map((node) => node.getAttribute('data-annotation-id'))).size);
    expect(drawn).toBe(1);
    expect(count()).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('opens anna’s highlight from the keyboard to read, with every control that would change it off and the reason first', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.locator('.annotations-panel .annotation-open').first().focus();
    await page.keyboard.press('Enter');
    const editor = page.locator('.annotation-editor');
    const note = editor.locator('.read-only-note');
    await expect.poll(() => note.textContent()).toBe(REASON);
    const box = await note.boundingBox();
    expect(box && box.width > 0 && box.height > 0).toBe(true);
    // The focus lands on the reason, which a screen reader reads out.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('read-only-note');

    const enabled = await editor.locator('button:enabled').evaluateAll((nodes) => nodes.map((node) => node.textContent));
    expect(enabled.sort()).toEqual(['Copy citation', '×']);
    expect(await editor.locator('button:disabled').count()).toBeGreaterThanOrEqual(6 + 4 + 2);
    expect(await editor.getByRole('button', { name: 'Delete highlight' }).isDisabled()).toBe(true);
    expect(await editor.getByRole('button', { name: 'Trim quotation…' }).isDisabled()).toBe(true);
    expect(await editor.getByRole('combobox', { name: 'Add a tag' }).isDisabled()).toBe(true);
    const textarea = editor.getByRole('textbox', { name: 'Note' });
    expect(await textarea.evaluate((node) => (node as HTMLTextAreaElement).readOnly)).toBe(true);
    expect(await textarea.inputValue()).toBe('Anna’s reading');

    // Tab reaches the note to read and the citation to copy; typing changes nothing.
    const reached: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
    }
    expect(reached).toContain('Note');
    expect(reached).toContain('Copy citation');
    await textarea.focus();
    await page.keyboard.type(' and Carl’s');
    expect(await textarea.inputValue()).toBe('Anna’s reading');
    expect(backend.services.annotations.list({})[0]?.note).toBe('Anna’s reading');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});

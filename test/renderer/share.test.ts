import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { buttonsOutOfView } from '../support/dialog-fit.ts';
import { closeAll, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { makeGroup, spawnServer, tempFolder, type ServerProcess } from '../support/share-server.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('sharing the corpus from the File menu, against a real sync server', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let corpus: ReturnType<typeof tempCorpus>;
  let folder: { dir: string; remove(): void };
  let server: ServerProcess;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    folder = tempFolder('apparatus-share-ui-');
    tokens = makeGroup(`${folder.dir}/server`, 'seminar', { anna: 'owner' });
    server = await spawnServer(`${folder.dir}/server`);
    corpus = tempCorpus('apparatus-share-ui-corpus-');
    browser = await launchChromium();
    backend = openServices(corpus.folder, undefined, { keepSyncing: true });
    // Main sends where syncing stands and the notices to the window, as the app does.
    backend.services.sync.onView((view) => void app?.emit('share.status', view));
    backend.services.sync.onNotice((message) => void app?.emit('share.notice', { message }));
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    await app.page.waitForSelector('.source');
  });
  afterAll(async () => {
    await closeAll(app, browser, backend);
    server?.child.kill('SIGKILL');
    corpus?.remove();
    folder?.remove();
  });

  const indicator = () => app.page.locator('.share-status');
  const dialog = () => app.page.locator('.share-dialog');

  it('shows no sync status while the corpus is not shared', async () => {
    await expect.poll(() => indicator().isHidden()).toBe(true);
  });

  it('asks for the server, name, group and token; says the server’s refusal in the dialog; then shares and shows “synced”', async () => {
    const { page } = app;
    await app.emit('menu.shareCorpus');
    await dialog().waitFor();
    expect(await buttonsOutOfView(page, '.share-dialog')).toEqual([]);
    expect(await dialog().getByRole('heading').textContent()).toBe('Share Corpus');
    // The first field has the focus: the keyboard path starts there.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('server');
    await page.keyboard.type(server.url);
    await page.keyboard.press('Tab');
    await page.keyboard.type('anna');
    await page.keyboard.press('Tab');
    await page.keyboard.type('seminar');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-token');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().locator('[role=alert]').textContent(), { timeout: 20_000 }).toMatch(/does not accept this token/);
    expect(await dialog().isVisible()).toBe(true);
    expect(await page.locator('input[name=token]').getAttribute('type')).toBe('password');

    await page.locator('input[name=token]').fill(tokens.anna ?? '');
    await dialog().getByRole('button', { name: 'Share' }).click();
    await dialog().waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => indicator().textContent(), { timeout: 30_000 }).toBe('Synced with seminar');
    const box = await indicator().boundingBox();
    expect(box && box.width > 0 && box.height > 0 && box.y + box.height <= 600).toBe(true);
    expect(await indicator().getAttribute('title')).toBe(`In step with seminar on ${server.url}, as anna (owner).`);
    expect(await page.content()).not.toContain(tokens.anna);
  }, 90_000);

  it('says it is offline, with how many changes wait, when the server goes away', async () => {
    server.child.kill('SIGKILL');
    await expect.poll(() => indicator().textContent(), { timeout: 30_000 }).toMatch(/^Offline, \d+ changes? waiting$/);
    expect(await indicator().getAttribute('data-state')).toBe('offline');
    backend.services.annotations.create({ sourceId: 'edemskiy-2019', start: 0, end: 20, note: 'written offline' });
    await expect.poll(() => indicator().textContent(), { timeout: 30_000 }).toMatch(/^Offline, [1-9]\d* changes? waiting$/);
  }, 60_000);

  it('names the reason in the status when the server refuses the project', async () => {
    // The same member's token, replaced by the administrator while the app was away.
    makeGroup(`${folder.dir}/server`, 'seminar', { anna: 'owner' });
    server = await spawnServer(`${folder.dir}/server`, server.port);
    await expect.poll(() => indicator().textContent(), { timeout: 30_000 }).toMatch(/^Not syncing: .*token/);
    expect(await indicator().getAttribute('data-state')).toBe('error');
  }, 60_000);
});

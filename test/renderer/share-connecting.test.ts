import { createServer, type Server, type Socket } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppPage } from '../support/app-page.ts';
import { launchChromium } from '../support/chromium.ts';
import { closeAll, tempCorpus } from '../support/reading.ts';
import { openServices, type TestServices } from '../support/services.ts';
import { makeGroup, spawnServer, tempFolder } from '../support/share-server.ts';
import { resizeWindow } from '../support/window-size.ts';

describe('the sync status while the app first connects', () => {
  let browser: Browser;
  let backend: TestServices;
  let app: AppPage;
  let corpus: ReturnType<typeof tempCorpus>;
  let folder: { dir: string; remove(): void };
  let silent: Server;
  const sockets: Socket[] = [];
  let url = '';

  beforeAll(async () => {
    folder = tempFolder('apparatus-share-connecting-');
    const tokens = makeGroup(`${folder.dir}/server`, 'seminar', { anna: 'owner' });
    const server = await spawnServer(`${folder.dir}/server`);
    url = server.url;
    corpus = tempCorpus('apparatus-share-connecting-corpus-');
    // Anna joins the group, then closes the project; the server goes away.
    const projectDir = `${folder.dir}/project`;
    const joining = openServices(corpus.folder, projectDir);
    await joining.services.sync.join({ server: url, group: 'seminar', token: tokens.anna ?? '', user: 'anna' });
    await joining.close();
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    // In its place, a server that takes the connection and never answers: the attempt never ends.
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen({ host: '127.0.0.1', port: server.port }, resolve));
    browser = await launchChromium();
    backend = openServices(corpus.folder, projectDir, { keepSyncing: true });
    backend.services.sync.onView((view) => void app?.emit('share.status', view));
    app = await openApp(browser, backend.services);
    await resizeWindow(app.page, 900, 600);
    backend.services.sync.connect();
  }, 60_000);
  afterAll(async () => {
    await closeAll(app, browser, backend);
    for (const socket of sockets) socket.destroy();
    silent?.close();
    corpus?.remove();
    folder?.remove();
  });

  it('says it is connecting, and to where, until the attempt ends: not that it is offline', async () => {
    const indicator = app.page.locator('.share-status');
    await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toBe('Connecting to seminar…');
    expect(await indicator.getAttribute('title')).toBe(`Connecting to ${url}: seminar on ${url}, as anna (owner).`);
    const box = await indicator.boundingBox();
    expect(box !== null && box.width > 0 && box.y + box.height <= 600).toBe(true);
    await expect.poll(() => sockets.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await indicator.textContent()).toBe('Connecting to seminar…');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShareStatus } from '../../../core/api.ts';
import { openSharedProject, type SharedProject } from '../../support/share-projects.ts';
import { makeGroup, spawnServer, startTestServer, tempFolder, until, type ServerProcess } from '../../support/share-server.ts';

// `apparatus serve` stopped as an administrator stops it (Ctrl-C, SIGTERM from systemd): it
// says goodbye to the connected apps, saves the group's documents, and exits.

const STOPPED = 'The server was stopped; Apparatus connects again when it is back.';

let folder: { dir: string; remove(): void };
let server: ServerProcess | undefined;
let anna: SharedProject | undefined;

beforeEach(() => {
  folder = tempFolder('apparatus-stop-');
});

afterEach(async () => {
  await anna?.close();
  anna = undefined;
  server?.child.kill('SIGKILL');
  server = undefined;
  folder.remove();
});

// In step through the connection that stays (the one joining closes once done): a change sent and acknowledged.
async function inStep(project: SharedProject): Promise<void> {
  project.services.annotations.create({ sourceId: 'memorie-kapo', start: 0, end: 20, note: 'Before the server stops' });
  expect(await project.services.sync.waitSynced(30_000)).toEqual({ state: 'synced', waiting: 0 });
}

describe('the server stopped gracefully while an app syncs', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`exits on ${signal} once the app was told: the app is offline by then, not “syncing”, and syncs again once the server is back`, async () => {
      const data = `${folder.dir}/server`;
      const tokens = makeGroup(data, 'seminar', { anna: 'owner' });
      server = await spawnServer(data);
      anna = openSharedProject(folder.dir, 'anna', { keepSyncing: true });
      await anna.services.sync.join({ server: server.url, group: 'seminar', token: tokens.anna ?? '' });
      await inStep(anna);

      // What the app says at the moment the server process has gone.
      const atExit = new Promise<{ code: number | null; status: ShareStatus | undefined }>((resolve) => {
        server?.child.once('exit', (code) => resolve({ code, status: anna?.services.sync.status() }));
      });
      server.child.kill(signal);
      const { code, status } = await atExit;
      expect(code).toBe(0);
      expect(server.output()).toContain('Stopped.');
      expect(status?.state).toBe('offline');

      // Changes made meanwhile wait, and are sent once the server listens again on its port.
      anna.services.annotations.create({ sourceId: 'edemskiy-2019', start: 0, end: 40, note: 'While the server was away' });
      await until(() => anna?.services.sync.status()?.waiting === 1, 'the change waits');
      server = await spawnServer(data, server.port);
      await until(() => anna?.services.sync.status()?.state === 'synced', 'the app is in step again', 30_000);
    }, 90_000);
  }

  it('closes the apps’ connections with the reason when stopped in a process that goes on (the app says offline, not “syncing”)', async () => {
    const data = `${folder.dir}/server`;
    const tokens = makeGroup(data, 'seminar', { anna: 'owner' });
    const { server: running } = await startTestServer(data);
    anna = openSharedProject(folder.dir, 'anna', { keepSyncing: true });
    await anna.services.sync.join({ server: running.url, group: 'seminar', token: tokens.anna ?? '' });
    await inStep(anna);
    await until(() => running.connectionCount() > 0 && anna?.services.sync.status()?.state === 'synced', 'the app is connected');
    await running.stop();
    expect(running.connectionCount()).toBe(0);
    await until(() => anna?.services.sync.status()?.state === 'offline', 'the app says it is offline');
    expect(anna.services.sync.status()).toEqual({ state: 'offline', waiting: 0, reason: STOPPED });
  }, 60_000);
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, channelFor, DROPPED_FILE_CHANNEL, eventChannel, eventNames } from '../../core/api.ts';
import { openServices } from '../support/services.ts';

const cleanup: (() => Promise<void>)[] = [];

// Never the real module: since Electron 42 the package downloads its binary on first import,
// which fails offline.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: [] })), on: vi.fn(), removeListener: vi.fn() },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  // Electron knows the path of a file dropped from the desktop; a File the page made has none.
  webUtils: { getPathForFile: vi.fn((file: { path?: string }) => file.path ?? '') },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

function leafPaths(api: Record<string, unknown>): string[] {
  return Object.entries(api).flatMap(([namespace, methods]) =>
    typeof methods === 'function' ? [namespace] : Object.entries(methods as Record<string, unknown>).map(([method, fn]) => {
      expect(typeof fn).toBe('function');
      return `${namespace}.${method}`;
    }),
  );
}

describe('the preload', () => {
  let exposed: { key: string; api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> };
  // (`on` is a function, not a namespace; the casts below say so where it matters.)
  beforeAll(async () => {
    await import('../../electron/preload.ts');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, typeof exposed.api];
    exposed = { key, api };
  });

  it('exposes exactly the contract as window.apparatus, and a way to hand main a dropped file', () => {
    expect(exposed.key).toBe('apparatus');
    expect(leafPaths(exposed.api).sort()).toEqual([...callNames, 'on', 'droppedFile'].sort());
  });

  it('sends main the path of a dropped file on its own channel, and the page gets main’s answer, never the path', async () => {
    const droppedFile = exposed.api.droppedFile as unknown as (file: unknown) => Promise<unknown>;
    electron.ipcRenderer.invoke.mockClear();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 'a-token' } as never);
    expect(await droppedFile({ path: '/home/historian/article.pdf' })).toEqual({ ok: true, value: 'a-token' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(DROPPED_FILE_CHANNEL, '/home/historian/article.pdf');
    // A File the page made itself (not from the desktop) has no path: main is not asked.
    electron.ipcRenderer.invoke.mockClear();
    expect(await droppedFile({})).toBeNull();
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('lets the page listen to exactly the contract’s events, and stop listening', () => {
    const on = exposed.api.on as unknown as (event: string, listener: () => void) => () => void;
    for (const name of eventNames) {
      const listener = vi.fn();
      const stop = on(name, listener);
      const [channel, handler] = electron.ipcRenderer.on.mock.calls.at(-1) as [string, (...args: unknown[]) => void];
      expect(channel).toBe(eventChannel(name));
      handler({ sender: 'not for the page' }, { done: 1, total: 2 });
      expect(listener).toHaveBeenCalledWith({ done: 1, total: 2 });
      stop();
      expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(channel, handler);
    }
    expect(() => on('window.close', () => {})).toThrow(/Unknown event/);
  });

  it('sends each call on its own prefixed channel, and never exposes ipcRenderer', async () => {
    for (const name of callNames) {
      const [namespace, method] = name.split('.') as [string, string];
      electron.ipcRenderer.invoke.mockClear();
      await exposed.api[namespace]?.[method]?.({ probe: name });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channelFor(name), { probe: name });
    }
    expect(JSON.stringify(Object.keys(exposed.api))).not.toContain('ipcRenderer');
  });

  it('is built as CommonJS, which a sandboxed preload requires', () => {
    const built = readFileSync(fileURLToPath(new URL('../../out/preload/preload.cjs', import.meta.url)), 'utf8');
    // Compiling as a classic script fails on any import/export statement.
    expect(() => new vm.Script(`(function (require, module, exports) {${built}\n})`)).not.toThrow();
    expect(built).toContain('require("electron")');
  });
});

describe('main-process IPC registration', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-contract-'));
    electron.ipcMain.handle.mockClear();
  });
  afterEach(async () => {
    for (const dispose of cleanup.splice(0)) await dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  async function register() {
    const { registerIpc } = await import('../../electron/ipc.ts');
    const contents = { mainFrame: { url: 'apparatus://app/index.html' } };
    const window = { webContents: contents };
    const backend = openServices(folder);
    cleanup.push(backend.dispose);
    const dispose = registerIpc(backend.services, () => window as never);
    const handlers = new Map(electron.ipcMain.handle.mock.calls.map((call) => [call[0] as string, call[1] as (e: unknown, p: unknown) => Promise<unknown>]));
    const trusted = { sender: contents, senderFrame: contents.mainFrame };
    return { handlers, dispose, trusted, contents };
  }

  it('registers exactly one handler per contract call, and one for dropped files', async () => {
    const { handlers } = await register();
    expect([...handlers.keys()].sort()).toEqual([...callNames.map(channelFor), DROPPED_FILE_CHANNEL].sort());
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(callNames.length + 1);
  });

  it('removes every handler when disposed', async () => {
    const { dispose } = await register();
    electron.ipcMain.removeHandler.mockClear();
    dispose();
    expect(electron.ipcMain.removeHandler.mock.calls.map((call) => call[0]).sort()).toEqual([...callNames.map(channelFor), DROPPED_FILE_CHANNEL].sort());
  });

  it('takes a dropped file only from our page, and only as an absolute path', async () => {
    const { handlers, trusted, contents } = await register();
    const drop = handlers.get(DROPPED_FILE_CHANNEL);
    const token = await drop?.(trusted, '/home/historian/article.pdf');
    expect(token).toMatchObject({ ok: true, value: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    for (const payload of ['article.pdf', '../../etc/passwd', '/tmp/a\u0000b', 42, { path: '/tmp/x' }, '']) {
      expect(await drop?.(trusted, payload)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const iframe = { sender: contents, senderFrame: { url: 'apparatus://app/index.html' } };
    expect(await drop?.(iframe, '/home/historian/article.pdf')).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('answers a payload that fails validation with a typed error', async () => {
    const { handlers, trusted } = await register();
    const result = await handlers.get(channelFor('corpus.list'))?.(trusted, { path: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((result as { error: { issues: string[] } }).error.issues.length).toBeGreaterThan(0);
  });

  it('refuses control characters where text reaches files or the system', async () => {
    const { handlers, trusted } = await register();
    const token = '00000000-0000-4000-8000-000000000000';
    const cases: [string, unknown][] = [
      ['app.openExternal', { url: 'https://example.org/\u0000/../../etc/passwd' }],
      ['app.openExternal', { url: 'mailto:someone@example.org' }],
      ['corpus.importCommit', { token, metadata: { title: 'nul\u0000title', reliability: 'primary' } }],
      ['corpus.updateMetadata', { id: 'edemskiy-2019', patch: { title: 'line\nbreak' } }],
    ];
    for (const [name, payload] of cases) {
      expect(await handlers.get(channelFor(name as never))?.(trusted, payload)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('refuses messages from another frame or another origin', async () => {
    const { handlers, contents } = await register();
    const list = handlers.get(channelFor('corpus.list'));
    const iframe = { sender: contents, senderFrame: { url: 'apparatus://app/index.html' } };
    const otherWindow = { sender: { mainFrame: null }, senderFrame: null };
    for (const event of [iframe, otherWindow]) {
      expect(await list?.(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    // Our own main frame, after something made it navigate to a foreign page.
    contents.mainFrame.url = 'https://example.org/';
    const navigatedAway = { sender: contents, senderFrame: contents.mainFrame };
    expect(await list?.(navigatedAway, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('answers a trusted, valid call with its result', async () => {
    const { handlers, trusted } = await register();
    expect(await handlers.get(channelFor('corpus.list'))?.(trusted, undefined)).toEqual({ ok: true, value: [] });
  });
});

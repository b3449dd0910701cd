import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A stand-in for the parts of Electron that electron/main.ts uses; the real module would try to
// download Electron. It records what main asked for so we can check the security settings.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  class BrowserWindow {
    options: Record<string, unknown>;
    webContents = {};
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this as never);
    }
    maximize() {}
    once() {}
    on() {}
    loadURL(url: string) {
      (this as { url?: string }).url = url;
      return Promise.resolve();
    }
  }
  // Plain records rather than mock call histories, which Vitest clears between tests.
  const record = {
    schemes: [] as unknown[],
    permissionHandlers: [] as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)[],
    menus: [] as unknown[],
    lockRequested: false,
    handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: (typeof record.permissionHandlers)[number]) => record.permissionHandlers.push(handler),
      setPermissionCheckHandler: () => {},
    },
  };
  return {
    listeners,
    windows,
    record,
    electron: {
      app: {
        requestSingleInstanceLock: () => (record.lockRequested = true),
        on: (event: string, listener: (...args: unknown[]) => void) => {
          listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        },
        whenReady: () => Promise.resolve(),
        quit: vi.fn(),
        isPackaged: false,
        getAppPath: () => process.cwd(),
        getPath: () => (globalThis as { __userData?: string }).__userData ?? '/nonexistent',
        getName: () => 'Apparatus',
        getVersion: () => '0.1.0',
      },
      BrowserWindow,
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => record.menus.push(menu) },
      protocol: { registerSchemesAsPrivileged: (schemes: unknown) => record.schemes.push(schemes), handle: () => {} },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      session,
      dialog: { showMessageBox: vi.fn(), showMessageBoxSync: vi.fn(() => 1) },
      shell: { openExternal: vi.fn() },
      ipcMain: { handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => record.handlers.set(channel, handler), removeHandler: vi.fn() },
    },
  };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (event: string, handler: (event: { preventDefault(): void }, url: string) => void) => handlers.set(event, handler),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
    navigate(event: string, url: string): boolean {
      let prevented = false;
      handlers.get(event)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('the Electron shell (electron/main.ts)', () => {
  let userData: string;
  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'apparatus-main-'));
    (globalThis as { __userData?: string }).__userData = userData;
    await import('../../electron/main.ts');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  afterAll(() => rmSync(userData, { recursive: true, force: true }));

  it('opens one window, sandboxed and context-isolated, without Node', () => {
    expect(fake.windows).toHaveLength(1);
    const preferences = fake.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(preferences.preload).toMatch(/preload\.cjs$/);
  });

  it('loads the app from its own secure scheme', () => {
    expect((fake.windows[0] as { url?: string }).url).toBe('apparatus://app/index.html');
    expect(fake.record.schemes).toEqual([
      [expect.objectContaining({ scheme: 'apparatus', privileges: expect.objectContaining({ secure: true, standard: true }) })],
    ]);
  });

  it('holds the single-instance lock', () => {
    expect(fake.record.lockRequested).toBe(true);
    expect(fake.listeners.get('second-instance')).toHaveLength(1);
  });

  it('denies every permission request', () => {
    const [handler] = fake.record.permissionHandlers;
    const answers: boolean[] = [];
    handler?.({}, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = fakeContents();
    for (const listener of fake.listeners.get('web-contents-created') ?? []) listener({}, contents);
    expect(contents.navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.org/')).toBe(true);
    expect(contents.navigate('will-navigate', 'apparatus://app/index.html')).toBe(false);
    expect(contents.navigate('will-attach-webview', '')).toBe(true);
    expect(contents.open('https://example.org/')).toEqual({ action: 'deny' });
  });

  it('installs the File, Edit, View, Window and Help menus', () => {
    expect(fake.record.menus).toHaveLength(1);
    const labels = (fake.record.menus[0] as { label?: string; role?: string }[]).map((menu) => menu.label ?? menu.role);
    // (The menu's items themselves are checked in menu.test.ts.)
    expect(labels).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
  });

  it('rebuilds the menu when the page says what Undo and Redo would do', async () => {
    const contents = (fake.windows[0] as unknown as { webContents: { mainFrame?: { url: string } } }).webContents;
    contents.mainFrame = { url: 'apparatus://app/index.html' };
    const historyChanged = fake.record.handlers.get('apparatus:app.historyChanged');
    const answer = await historyChanged?.({ sender: contents, senderFrame: contents.mainFrame }, { undo: 'Rename Tag', redo: null });
    expect(answer).toEqual({ ok: true, value: null });
    const edit = (fake.record.menus.at(-1) as { label?: string; submenu?: { label?: string; enabled?: boolean }[] }[])[1];
    expect(edit?.submenu?.slice(0, 2)).toMatchObject([
      { label: 'Undo Rename Tag', enabled: true },
      { label: 'Redo', enabled: false },
    ]);
  });
});

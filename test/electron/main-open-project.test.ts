/**
 * The app's opening dialog for a project in trouble (electron/main.ts): it offers the same
 * choices as `apparatus project restore` and `accept`, through the same store functions, and
 * never starts an empty project silently where one existed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openProjectStore } from '../../electron/services/store/open-project-store.ts';
import { DAY, fakeClock, highlight } from '../support/store-temp.ts';

// Only what electron/main.ts touches while starting; the dialog answers "restore" (button 0).
const fake = vi.hoisted(() => {
  const dialogs: { message: string; buttons?: string[] }[] = [];
  const windows: unknown[] = [];
  class BrowserWindow {
    webContents = {};
    constructor() {
      windows.push(this);
    }
    maximize() {}
    once() {}
    on() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      requestSingleInstanceLock: () => true,
      on: () => {},
      whenReady: () => Promise.resolve(),
      quit: () => {},
      isPackaged: false,
      getAppPath: () => process.cwd(),
      getPath: () => (globalThis as { __userData?: string }).__userData ?? '/nonexistent',
      getName: () => 'Apparatus',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => {} },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1280, height: 800 } }] },
    session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
    dialog: {
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showMessageBoxSync: (options: { message: string; buttons?: string[] }) => {
        dialogs.push(options);
        return 0;
      },
    },
    shell: { openExternal: () => Promise.resolve() },
    ipcMain: { handle: () => {}, removeHandler: () => {} },
    clipboard: { write: () => {} },
  };
  return { dialogs, windows, electron };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('opening a project whose file is missing (electron/main.ts)', () => {
  let root: string;
  let savedNote: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-main-open-'));
    (globalThis as { __userData?: string }).__userData = join(root, 'user-data');
    const project = join(root, 'project');
    vi.stubEnv('APPARATUS_PROJECT', project);
    // Two days of work, so that a backup exists; then the project file disappears.
    const clock = fakeClock();
    let store = openProjectStore(join(project, 'project.sqlite'), { now: clock.now });
    savedNote = store.create(highlight({ note: 'written before the file went missing' })).note;
    store.close();
    clock.advance(DAY);
    store = openProjectStore(join(project, 'project.sqlite'), { now: clock.now });
    store.close();
    rmSync(join(project, 'project.sqlite'));
    await import('../../electron/main.ts');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  it('says the file is missing and offers the backup, a new project or quitting', () => {
    expect(fake.dialogs[0]?.message).toMatch(/project\.sqlite is missing, although this folder held a project\. Apparatus will not start an empty project in its place\./);
    expect(fake.dialogs[0]?.buttons).toEqual([
      'Restore the backup of 2025-03-02T09:00:00.000Z',
      'Start a new, empty project',
      'Quit',
    ]);
  });

  it('restores the backup when asked, then opens the window on the restored project', () => {
    expect(fake.windows).toHaveLength(1);
    const store = openProjectStore(join(root, 'project', 'project.sqlite'));
    expect(store.list().map((annotation) => annotation.note)).toEqual([savedNote]);
    store.close();
  });
});

// The Electron shell: lifecycle, the one window, its security settings, the menu. Everything it
// does beyond wiring lives in modules that run and are tested without Electron.
import { app, BrowserWindow, clipboard, dialog, Menu, protocol, screen, session, shell } from 'electron';
import { eventChannel, type EventName, type EventPayloads } from '../core/api.ts';
import { cpSync, existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { readAppFile } from './app-files.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl } from './sender.ts';
import { AppServices } from './services/app-services.ts';
import {
  openProjectStore,
  resolveProjectFile,
  restoreBackup,
  StoreCorruptError,
  StoreError,
  type ProjectStore,
} from './services/store/index.ts';
import { WindowStateStore, type WindowBounds } from './services/window-state.ts';

// Must happen before `ready`: our scheme behaves like https (secure context, same-origin rules).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
// Set once the page has saved what it still held (a note being typed), so the window may close.
let pageFlushed = false;

function closeAfterFlush(): void {
  pageFlushed = true;
  mainWindow?.close();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  const rendererRoot = join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = await readAppFile(rendererRoot, url.pathname);
    return new Response(file.body as ConstructorParameters<typeof Response>[0], { status: file.status, headers: file.headers });
  });
  // No page of ours needs a camera, notifications or anything else a permission guards.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const store = openStore();
  if (!store) return;
  const services = new AppServices({
    corpusFolder: app.isPackaged ? userCorpus() : join(app.getAppPath(), 'corpus'),
    projectFile: projectFilePath(),
    cacheFolder: join(app.getPath('userData'), 'cache'),
    openStore: () => store,
    watchCorpus: true,
    // A worker thread cannot start from inside app.asar; the installer unpacks it beside.
    searchWorkerFile: join(__dirname, 'search-worker.cjs').replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`),
    onSearchProgress: (progress) => send('search.progress', progress),
    // PDFs are read in a worker thread, which cannot start from inside app.asar either.
    pdfWorkerFile: join(__dirname, 'pdf-worker.mjs').replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`),
    // Text files to import are cleaned in a worker thread too.
    cleanWorkerFile: join(__dirname, 'clean-worker.mjs').replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`),
    onImportProgress: (progress) => send('import.progress', progress),
    platform: {
      openExternal: (url) => shell.openExternal(url),
      chooseImportFile,
      chooseSaveFile,
      // Electron's clipboard.write({ text, html }); its typing collides with the DOM's Clipboard.
      writeClipboard: (citation) => (clipboard as unknown as { write(data: { text: string; html: string }): void }).write(citation),
      flushed: closeAfterFlush,
    },
  });
  app.on('will-quit', () => void services.close());
  // The page reloads what changed on disk, whoever changed it.
  services.events.on('corpus.changed', (change) => send('corpus.changed', change));
  registerIpc(services, () => mainWindow);
  services.startIndexing();
  const actions = {
    about: showAbout,
    undo: () => send('menu.undo'),
    redo: () => send('menu.redo'),
    importSource: () => send('menu.import'),
    exportAnnotations: () => send('menu.export'),
  };
  const buildMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, actions, app.getName(), services.history.current())));
  // The Edit menu names what undo and redo would do, as the page reports it.
  services.events.on('history.changed', buildMenu);
  buildMenu();
  createWindow();
}

/** Pushes an event to the page, with the payload its name calls for. */
function send<E extends EventName>(event: E, ...payload: EventPayloads[E] extends undefined ? [] : [EventPayloads[E]]): void {
  mainWindow?.webContents.send(eventChannel(event), ...payload);
}

// Opens the project database. A damaged one has already been moved aside by the store; offer the
// newest good backup, a fresh project, or quitting — never silently start empty.
function projectFilePath(): string {
  return resolveProjectFile({ env: process.env, appDataDir: app.getPath('appData') });
}

function openStore(): ProjectStore | null {
  const file = projectFilePath();
  for (;;) {
    try {
      return openProjectStore(file);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      const backup = error instanceof StoreCorruptError ? error.backups[0] : undefined;
      const buttons = backup ? [`Restore the backup of ${backup.created}`, 'Quit'] : ['Quit'];
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        title: 'Apparatus cannot open your project',
        message: error.message,
        detail: error instanceof StoreCorruptError ? `The damaged file was kept as ${error.damagedFile}.` : undefined,
        buttons,
        defaultId: 0,
      });
      if (!backup || choice !== 0) {
        app.quit();
        return null;
      }
      restoreBackup(file, backup.name);
    }
  }
}

function createWindow(): void {
  const windowState = new WindowStateStore(join(app.getPath('userData'), 'window-state.json'));
  const bounds = windowState.load(screen.getAllDisplays().map((display) => display.workArea));
  mainWindow = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Apparatus',
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (bounds.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', (event) => {
    if (!mainWindow) return;
    // Give the page a moment to save the last keystrokes of a note; it answers app.flushed.
    if (!pageFlushed) {
      event.preventDefault();
      send('app.flush');
      setTimeout(closeAfterFlush, 2000);
      return;
    }
    const normal = mainWindow.getNormalBounds();
    const saved: WindowBounds = { ...normal, maximized: mainWindow.isMaximized() };
    try {
      windowState.save(saved);
    } catch (error) {
      console.error('Could not remember the window position:', error);
    }
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

// Our pages never navigate, open windows or embed webviews: links to the web are opened in the
// system browser by an explicit, confirmed action, never by the page itself.
function lockDown(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

// An installed app's resources are read-only, and imports add to the corpus: the first run copies
// the shipped corpus into the user's data folder, and the app works on that copy from then on.
function userCorpus(): string {
  const folder = join(app.getPath('userData'), 'corpus');
  if (!existsSync(folder)) cpSync(join(process.resourcesPath, 'corpus'), folder, { recursive: true });
  return folder;
}

async function chooseSaveFile(defaultName: string): Promise<string | null> {
  const options = { title: 'Export', defaultPath: join(app.getPath('documents'), defaultName) };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function chooseImportFile(): Promise<string | null> {
  const options = {
    title: 'Import a source',
    properties: ['openFile' as const],
    filters: [{ name: 'Text, Markdown, web page or PDF', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'pdf'] }],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'About Apparatus',
    message: `Apparatus ${app.getVersion()}`,
    detail: 'A reader for historians: read sources closely, annotate them, and cite them.',
  };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}


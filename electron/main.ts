// The Electron shell: lifecycle, the one window, its security settings, the menu. Everything it
// does beyond wiring lives in modules that run and are tested without Electron.
import { app, BrowserWindow, clipboard, dialog, Menu, protocol, screen, session, shell } from 'electron';
import { eventChannel, type EventName } from '../core/api.ts';
import { cpSync, existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { readAppFile } from './app-files.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl } from './sender.ts';
import { AnnotationService } from './services/annotation-service.ts';
import { CorpusService } from './services/corpus-service.ts';
import { ExportService } from './services/export-service.ts';
import { MetadataService } from './services/metadata-service.ts';
import { ImportService } from './services/import/import-service.ts';
import { ImportSessions } from './services/import-sessions.ts';
import { annotationsFromStore } from './services/search/annotation-input.ts';
import { AppSearch } from './services/search/app-search.ts';
import { SearchHost } from './services/search/search-host.ts';
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

  const corpusFolder = app.isPackaged ? userCorpus() : join(app.getAppPath(), 'corpus');
  const store = openStore();
  if (!store) return;
  app.on('will-quit', () => store.close());
  const corpus = new CorpusService(corpusFolder);
  // The renderer asks only after the user confirmed; the contract has checked the scheme, and it
  // is checked again here, where it matters: nothing but a web page ever reaches the system.
  const openExternal = async (url: string) => {
    const parsed = new URL(url);
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point here.
    if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && !/[\u0000-\u001f\u007f]/u.test(url)) {
      await shell.openExternal(parsed.href);
    }
  };
  const imports = new ImportSessions(new ImportService(corpusFolder), chooseImportFile);
  const send = (event: EventName, payload?: unknown) => mainWindow?.webContents.send(eventChannel(event), payload);
  // Search runs in a thread of its own, off this event loop (loading, queries, annotation updates).
  const searchService = new SearchHost(corpusFolder, join(app.getPath('userData'), 'cache'), () => annotationsFromStore(store), {
    // A worker thread cannot start from inside app.asar; the installer unpacks it beside.
    workerFile: join(__dirname, 'search-worker.cjs').replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`),
  });
  const search = new AppSearch(searchService, (progress) => send('search.progress', progress));
  app.on('will-quit', () => void search.close());
  registerIpc(
    {
      corpus,
      store,
      annotations: new AnnotationService(corpus, store),
      openExternal,
      imports,
      search,
      flushed: closeAfterFlush,
      // Electron's clipboard.write({ text, html }); its typing collides with the DOM's Clipboard.
      writeClipboard: (citation) => (clipboard as unknown as { write(data: { text: string; html: string }): void }).write(citation),
      exporter: new ExportService({ corpusFolder, projectFile: projectFilePath() }),
      metadata: new MetadataService(corpusFolder),
      chooseSaveFile,
    },
    () => mainWindow,
  );
  const actions = {
    about: showAbout,
    undo: () => send('menu.undo'),
    redo: () => send('menu.redo'),
    importSource: () => send('menu.import'),
    exportAnnotations: () => send('menu.export'),
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, actions, app.getName())));
  createWindow();
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
      mainWindow.webContents.send(eventChannel('app.flush'));
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
    filters: [{ name: 'Text, Markdown or web page', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] }],
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


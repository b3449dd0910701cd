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
import { zoteroBaseUrl } from './services/interop/zotero-client.ts';
import {
  acceptProjectAsIs,
  openProjectStore,
  resolveProjectFile,
  restorableCopies,
  restoreCopy,
  StoreCorruptError,
  StoreError,
  StoreRecoveryError,
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
// Set when the project could only be opened for reading (read-only media, a full disk).
let projectReadOnly = false;

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
  // The project opened above; after File ▸ Project ▸ Backups… restored a copy, the restored one.
  let first: ProjectStore | undefined = store;
  const services = new AppServices({
    corpusFolder: app.isPackaged ? userCorpus() : join(app.getAppPath(), 'corpus'),
    projectFile: projectFilePath(),
    cacheFolder: join(app.getPath('userData'), 'cache'),
    openStore: (file) => {
      const opened = first ?? openProjectStore(file, { readOnly: projectReadOnly });
      first = undefined;
      return opened;
    },
    watchCorpus: true,
    // A worker thread cannot start from inside app.asar; the installer unpacks it beside.
    searchWorkerFile: join(__dirname, 'search-worker.cjs').replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`),
    onSearchProgress: (progress) => send('search.progress', progress),
    // PDFs are read in a worker thread, which cannot start from inside app.asar either.
    pdfWorkerFile: join(__dirname, 'pdf-worker.mjs').replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`),
    // Text files to import are cleaned in a worker thread too.
    cleanWorkerFile: join(__dirname, 'clean-worker.mjs').replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`),
    onImportProgress: (progress) => send('import.progress', progress),
    zoteroUrl: zoteroBaseUrl(process.env),
    onZoteroProgress: (progress) => send('zotero.progress', progress),
    onAnnotationImportProgress: (progress) => send('annotations.importProgress', progress),
    keepSyncing: true,
    platform: {
      openExternal: (url) => shell.openExternal(url),
      chooseImportFile,
      chooseSaveFile,
      chooseInteropFile,
      chooseFolder,
      // Electron's clipboard.write({ text, html }); its typing collides with the DOM's Clipboard.
      writeClipboard: (citation) => (clipboard as unknown as { write(data: { text: string; html: string }): void }).write(citation),
      flushed: closeAfterFlush,
    },
  });
  app.on('will-quit', () => void services.close());
  // The page reloads what changed on disk, whoever changed it.
  services.events.on('corpus.changed', (change) => send('corpus.changed', change));
  services.events.on('references.changed', () => send('references.changed'));
  // Sharing: where syncing stands, what the user should know, and what other members changed.
  services.sync.onView((view) => send('share.status', view));
  services.sync.onNotice((message) => send('share.notice', { message }));
  services.sync.onRemoteApplied(({ annotationIds, tags }) => send('share.changed', { annotationIds, tags }));
  services.sync.connect();
  registerIpc(services, () => mainWindow);
  services.startIndexing();
  const actions = {
    about: showAbout,
    undo: () => send('menu.undo'),
    redo: () => send('menu.redo'),
    importSource: () => send('menu.import'),
    exportAnnotations: () => send('menu.export'),
    importReferences: () => send('menu.importReferences'),
    importAnnotations: () => send('menu.importAnnotations'),
    zoteroImport: () => send('menu.zoteroImport'),
    zoteroSend: () => send('menu.zoteroSend'),
    projectCheck: () => send('menu.projectCheck'),
    projectBackups: () => send('menu.projectBackups'),
    shareCorpus: () => send('menu.shareCorpus'),
    joinGroup: () => send('menu.joinGroup'),
  };
  const cannotAdd = () => services.sync.writeRefusal('sources')?.message ?? null;
  const buildMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, actions, app.getName(), services.history.current(), cannotAdd())));
  // The Edit menu names what undo and redo would do, as the page reports it.
  services.events.on('history.changed', buildMenu);
  // The imports follow the user's role in the group the corpus is shared with.
  let menuLock = cannotAdd();
  services.sync.onView(() => {
    if (cannotAdd() !== menuLock) buildMenu();
    menuLock = cannotAdd();
  });
  buildMenu();
  createWindow();
}

/** Pushes an event to the page, with the payload its name calls for. */
function send<E extends EventName>(event: E, ...payload: EventPayloads[E] extends undefined ? [] : [EventPayloads[E]]): void {
  mainWindow?.webContents.send(eventChannel(event), ...payload);
}

// Opens the project database. A damaged one has already been moved aside by the store, and a
// missing one is never silently replaced by an empty one: offer the newest good copy, going on
// as it is (a fresh project where none is left), or quitting.
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
      if (error.code === 'read-only' || error.code === 'disk-full') {
        // Reading still works: the user is told that changes cannot be saved.
        const store = openProjectStore(file, { readOnly: true });
        projectReadOnly = true;
        dialog.showMessageBoxSync({ type: 'warning', title: 'Apparatus can only read your project', message: error.message, detail: 'You can read, search and export, but changes cannot be saved.' });
        return store;
      }
      // The same choices as `apparatus project restore` and `apparatus project accept`.
      const newest = restorableCopies(file)[0];
      const waiting = error.code === 'journal-removed' || error.code === 'busy';
      const restore = newest && !waiting ? `Restore the ${newest.kind === 'recovery' ? 'recovery copy' : 'backup'} of ${newest.created}` : undefined;
      const accept = waiting ? undefined : error.code === 'project-missing' || error instanceof StoreCorruptError ? 'Start a new, empty project' : error instanceof StoreRecoveryError ? 'Go on with the project as it is' : undefined;
      const buttons = [restore, accept, waiting ? 'Try again' : undefined, 'Quit'].filter((label): label is string => label !== undefined);
      const choice = buttons[dialog.showMessageBoxSync({
        type: 'error',
        title: 'Apparatus cannot open your project',
        message: error.message,
        detail: error instanceof StoreCorruptError ? `The damaged file was kept as ${error.damagedFile}.` : undefined,
        buttons,
        defaultId: 0,
      })];
      if (choice === undefined || choice === 'Quit') {
        app.quit();
        return null;
      }
      try {
        if (choice === restore && newest) restoreCopy(file, newest.name);
        else if (choice === accept) acceptProjectAsIs(file);
      } catch (failure) {
        if (!(failure instanceof StoreError)) throw failure;
        dialog.showMessageBoxSync({ type: 'error', title: 'Apparatus could not do that', message: failure.message });
      }
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

// The reference and annotation files Apparatus reads, by what the user is importing.
const INTEROP_DIALOGS = {
  references: { title: 'Import references', filters: [{ name: 'CSL-JSON, BibTeX, BibLaTeX or RIS', extensions: ['json', 'bib', 'ris', 'txt'] }] },
  annotations: { title: 'Import annotations', filters: [{ name: 'Hypothesis export or Web Annotations (JSON-LD)', extensions: ['json', 'jsonld'] }] },
} as const;

async function chooseInteropFile(kind: keyof typeof INTEROP_DIALOGS): Promise<string | null> {
  const { title, filters } = INTEROP_DIALOGS[kind];
  const options = { title, properties: ['openFile' as const], filters: [...filters.map((filter) => ({ ...filter, extensions: [...filter.extensions] })), { name: 'All files', extensions: ['*'] }] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function chooseFolder(): Promise<string | null> {
  const options = { title: 'Export notes into a folder', buttonLabel: 'Export here', defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] };
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


// The Electron shell: lifecycle, the one window, its security settings, the menu. Everything it
// does beyond wiring lives in modules that run and are tested without Electron.
import { app, BrowserWindow, dialog, Menu, protocol, screen, session } from 'electron';
import { join } from 'node:path';
import { readAppFile } from './app-files.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl } from './sender.ts';
import { CorpusService } from './services/corpus-service.ts';
import { WindowStateStore, type WindowBounds } from './services/window-state.ts';

// Must happen before `ready`: our scheme behaves like https (secure context, same-origin rules).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;

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

  const corpusFolder = app.isPackaged ? join(process.resourcesPath, 'corpus') : join(app.getAppPath(), 'corpus');
  registerIpc({ corpus: new CorpusService(corpusFolder) }, () => mainWindow);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(process.platform, { about: showAbout }, app.getName())),
  );
  createWindow();
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
  mainWindow.on('close', () => {
    if (!mainWindow) return;
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


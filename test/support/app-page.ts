import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHANNEL_PREFIX, DROPPED_FILE_CHANNEL, callNames, eventChannel, type CallName, type EventName } from '../../core/api.ts';
import { readAppFile } from '../../electron/app-files.ts';
import { createDropHandler, createHandlers, type Services } from '../../electron/handlers.ts';

const RENDERER_ROOT = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../../out/preload/preload.cjs', import.meta.url));
const ORIGIN = 'http://apparatus.test';

/** The built app open in a page, with the calls it made, for assertions. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  calls: { name: string; payload: unknown; result: unknown }[];
  errors: string[];
  /** Sends an event from "main" to the page, as the menu does. */
  emit(event: EventName, payload?: unknown): Promise<void>;
  /**
   * Drops files from "the desktop" on an element, as the user drags them there: the page gets
   * `File`s whose paths only the (shimmed) preload can tell, as in Electron.
   */
  dropFiles(selector: string, paths: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the built renderer (out/renderer) in Chromium, served with the same files and headers as
 * the Electron protocol handler, and runs the built preload (out/preload/preload.cjs) in it with
 * its `electron` import replaced by a bridge to the real main-process handlers running in Node.
 */
export async function openApp(browser: Browser, services: Services): Promise<AppPage> {
  const handlers = createHandlers(services);
  const dropHandler = createDropHandler(services);
  const calls: AppPage['calls'] = [];
  const errors: string[] = [];
  const context = await browser.newContext();
  await context.route(`${ORIGIN}/**`, async (route) => {
    const file = await readAppFile(RENDERER_ROOT, new URL(route.request().url()).pathname);
    await route.fulfill({ status: file.status, headers: file.headers, body: Buffer.from(file.body) });
  });
  await context.exposeBinding('__apparatusInvoke', async (_source, channel: string, payload: unknown) => {
    if (channel === DROPPED_FILE_CHANNEL) {
      const result = await dropHandler(payload);
      calls.push({ name: channel, payload, result });
      return result;
    }
    const name = channel.slice(CHANNEL_PREFIX.length) as CallName;
    if (!channel.startsWith(CHANNEL_PREFIX) || !callNames.includes(name)) {
      return { ok: false, error: { code: 'forbidden-sender', message: `Unknown channel ${channel}` } };
    }
    const result = await handlers[name](payload);
    calls.push({ name, payload, result });
    return result;
  });
  await context.addInitScript({ content: preloadShim(readFileSync(PRELOAD, 'utf8')) });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${ORIGIN}/index.html`);
  const emit = (event: EventName, payload?: unknown) =>
    page.evaluate(
      ([channel, data]) => {
        const listeners = (window as unknown as { __apparatusListeners?: [string, (e: unknown, p: unknown) => void][] }).__apparatusListeners ?? [];
        for (const [name, handler] of listeners) if (name === channel) handler({}, data);
      },
      [eventChannel(event), payload] as const,
    );
  const dropFiles = (selector: string, paths: readonly string[]) =>
    page.evaluate(
      ([target, files]) => {
        const known = ((window as unknown as { __apparatusFilePaths?: Map<File, string> }).__apparatusFilePaths ??= new Map());
        const transfer = new DataTransfer();
        for (const path of files) {
          const file = new File(['(the file on disk)'], path.split('/').at(-1)!);
          known.set(file, path);
          transfer.items.add(file);
        }
        const element = document.querySelector(target)!;
        for (const type of ['dragenter', 'dragover', 'drop']) element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      },
      [selector, paths] as const,
    );
  return { page, context, calls, errors, emit, dropFiles, close: () => context.close() };
}

// The built preload is CommonJS that requires 'electron'. In the page we hand it a stand-in whose
// contextBridge puts the API on window, whose ipcRenderer forwards to the Node-side binding, and
// whose webUtils knows the paths of the files `dropFiles` made (Chromium's own Files have none).
function preloadShim(preloadSource: string): string {
  return `(() => {
    const electron = {
      webUtils: { getPathForFile: (file) => window.__apparatusFilePaths?.get(file) ?? '' },
      contextBridge: { exposeInMainWorld: (key, api) => { Object.defineProperty(window, key, { value: Object.freeze(api) }); } },
      ipcRenderer: {
        invoke: (channel, payload) => window.__apparatusInvoke(channel, payload),
        on: (channel, handler) => { (window.__apparatusListeners ??= []).push([channel, handler]); },
        removeListener: (channel, handler) => { window.__apparatusListeners = (window.__apparatusListeners ?? []).filter((entry) => entry[1] !== handler); },
      },
    };
    const require = (name) => { if (name === 'electron') return electron; throw new Error('preload may not require ' + name); };
    const module = { exports: {} };
    (function (require, module, exports) {\n${preloadSource}\n})(require, module, module.exports);
  })();`;
}

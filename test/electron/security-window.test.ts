import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/app-files.ts';
import { createHandlers, type Services } from '../../electron/handlers.ts';
import { DesktopService } from '../../electron/services/desktop-service.ts';

// Items of Electron's own security checklist (its Security tutorial) that main-window.test.ts does
// not cover, checked against a stand-in Electron that records what electron/main.ts asks for.
const fake = vi.hoisted(() => {
  const record = {
    listeners: new Map<string, ((...args: unknown[]) => void)[]>(),
    permissionChecks: [] as ((...args: unknown[]) => boolean)[],
    protocolHandlers: [] as ((request: Request) => Promise<Response>)[],
    preferences: [] as Record<string, unknown>[],
  };
  class BrowserWindow {
    webContents = {};
    constructor(options: { webPreferences: Record<string, unknown> }) {
      record.preferences.push(options.webPreferences);
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
      on: (event: string, listener: (...args: unknown[]) => void) => {
        record.listeners.set(event, [...(record.listeners.get(event) ?? []), listener]);
      },
      whenReady: () => Promise.resolve(),
      quit: () => {},
      isPackaged: false,
      getAppPath: () => process.cwd(),
      getPath: () => (globalThis as { __securityUserData?: string }).__securityUserData ?? '/nonexistent',
      getName: () => 'Apparatus',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => {} },
    protocol: {
      registerSchemesAsPrivileged: () => {},
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => record.protocolHandlers.push(handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => record.permissionChecks.push(handler),
      },
    },
    dialog: { showMessageBox: () => {}, showMessageBoxSync: () => 1 },
    shell: { openExternal: () => Promise.resolve() },
    ipcMain: { handle: () => {}, removeHandler: () => {} },
    clipboard: { write: () => {} },
  };
  return { record, electron };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

/** The directives of a policy, by name, with their sources in order. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources.join(' ')]),
  );
}

function builtMetaPolicy(): string {
  const html = readFileSync(fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url)), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta?.[1]) throw new Error('out/renderer/index.html has no Content-Security-Policy <meta>; run npm run build:renderer');
  return meta[1];
}

describe('the hardened shell (electron/main.ts), beyond main-window.test.ts', () => {
  let userData: string;
  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'apparatus-security-'));
    (globalThis as { __securityUserData?: string }).__securityUserData = userData;
    await import('../../electron/main.ts');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  afterAll(() => rmSync(userData, { recursive: true, force: true }));

  it('answers every permission check with no', () => {
    expect(fake.record.permissionChecks).toHaveLength(1);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'hid', 'serial']) {
      expect(fake.record.permissionChecks[0]?.({}, permission, 'apparatus://app', {})).toBe(false);
    }
  });

  it('turns on no Blink feature, worker or subframe Node, and trusts no bad certificate', () => {
    const [preferences] = fake.record.preferences;
    expect(preferences).toBeDefined();
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences?.nodeIntegrationInWorker ?? false).toBe(false);
    expect(preferences?.nodeIntegrationInSubFrames ?? false).toBe(false);
    expect(fake.record.listeners.get('certificate-error')).toBeUndefined();
  });

  it('blocks navigation to script, data and look-alike app URLs', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    const contents = { on: (event: string, handler: (e: { preventDefault(): void }, url: string) => void) => handlers.set(event, handler), setWindowOpenHandler: () => {} };
    for (const listener of fake.record.listeners.get('web-contents-created') ?? []) listener({}, contents);
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'apparatus://evil/index.html', 'http://app/index.html']) {
      let prevented = false;
      handlers.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
      expect(prevented, url).toBe(true);
    }
  });

  it('serves only its own host, and every page with the strict policy header', async () => {
    const [handle] = fake.record.protocolHandlers;
    expect((await handle!(new Request('apparatus://elsewhere/index.html'))).status).toBe(404);
    const page = await handle!(new Request('apparatus://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the Content-Security-Policy of the built page', () => {
  it('agrees with the header on every directive a <meta> can carry', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(builtMetaPolicy());
    // Browsers ignore frame-ancestors (and report-uri, sandbox) in a <meta>; the header has them.
    for (const ignored of ['frame-ancestors', 'report-uri', 'sandbox']) header.delete(ignored);
    expect(Object.fromEntries(meta)).toEqual(Object.fromEntries(header));
  });

  it('forbids inline script, eval and anything remote', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, builtMetaPolicy()]) {
      const parsed = directives(policy);
      expect(parsed.get('default-src')).toBe("'none'");
      expect(parsed.get('script-src')).toBe("'self'");
      expect(parsed.get('object-src')).toBe("'none'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|https?:|wss?:|\*/);
    }
  });

  it('loads no inline or remote script in the built page', () => {
    const html = readFileSync(fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url)), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body?.trim()).toBe('');
      expect(attributes).toMatch(/src="\.\//);
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});

describe('app.openExternal at the IPC boundary', () => {
  it('hands only http(s) URLs to the system, whatever the page sends', async () => {
    const opened: string[] = [];
    const desktop = new DesktopService({ openExternal: async (url: string) => void opened.push(url), flushed: () => {} });
    const services = { desktop } as unknown as Services;
    const open = createHandlers(services, () => {})['app.openExternal'];
    const hostile = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'mailto:a@example.org', 'vbscript:msgbox(1)', 'ms-msdt:/id', ' https://example.org/'];
    for (const url of hostile) expect((await open({ url })).ok, url).toBe(false);
    expect(await open({ url: 'https://example.org/' })).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://example.org/']);
  });
});

/**
 * Helpers for tests of sharing: a real sync server on 127.0.0.1 with a free port (in this process
 * or as a child process, as an administrator would run it), its users and groups, and bare
 * Hocuspocus clients that speak the protocol without the sync engine's own checks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Role } from '../../core/share/roles.ts';
import { AccessStore } from '../../electron/server/access-store.ts';
import { openServerDatabase } from '../../electron/server/server-database.ts';
import { startSyncServer, type RunningSyncServer } from '../../electron/server/sync-server.ts';

const CLI = fileURLToPath(new URL('../../electron/cli.ts', import.meta.url));

/** A temporary folder; `remove` deletes it. */
export function tempFolder(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `work` on the access database of `dataDir` through its own connection, as the CLI does. */
export function withAccess<T>(dataDir: string, work: (access: AccessStore) => T): T {
  const db = openServerDatabase(dataDir);
  try {
    return work(new AccessStore(db));
  } finally {
    db.close();
  }
}

/** Creates `group` with `members` (name → role) and returns each member's token. */
export function makeGroup(dataDir: string, group: string, members: Record<string, Role>): Record<string, string> {
  return withAccess(dataDir, (access) => {
    const tokens: Record<string, string> = {};
    if (!access.groups().includes(group)) access.createGroup(group);
    for (const [name, role] of Object.entries(members)) {
      tokens[name] = access.users().some((user) => user.name === name) ? access.renewToken(name) : access.addUser(name);
      access.setMember(group, name, role);
    }
    return tokens;
  });
}

/** A server in this process, with every log line kept. */
export async function startTestServer(dataDir: string, port = 0): Promise<{ server: RunningSyncServer; logs: string[] }> {
  const logs: string[] = [];
  const server = await startSyncServer({ dataDir, port, log: (line) => logs.push(line), accessPollMs: 100 });
  return { server, logs };
}

/**
 * A server that lets every token in and keeps documents in memory, but never answers for the
 * documents whose name matches `silent` (their authentication stays pending): a server that
 * stopped answering half-way. Listens on 127.0.0.1:`port`.
 */
export async function startServerSilentFor(silent: RegExp, port = 0): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const hocuspocus = new Server({
    quiet: true,
    stopOnSignals: false,
    extensions: [{ onAuthenticate: ({ documentName }: { documentName: string }) => (silent.test(documentName) ? new Promise(() => {}) : Promise.resolve({})) }],
  });
  const http = createServer((_request, response) => response.end());
  http.on('upgrade', (request, socket, head) => hocuspocus.httpServer.emit('upgrade', request, socket, head));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ host: '127.0.0.1', port }, resolve);
  });
  const bound = (http.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${bound}`,
    port: bound,
    async stop() {
      http.close();
      await hocuspocus.destroy();
      http.closeAllConnections();
    },
  };
}

/** `apparatus serve` as a child process; resolves once it prints where it listens. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
}

/** Starts `apparatus serve --data DIR --port PORT` in a child process. */
export function spawnServer(dataDir: string, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--data', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Listening on (ws:\/\/[^\s]+:(\d+))/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], port: Number(match[2]), output: () => output });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** A bare Hocuspocus client of one document. */
export interface RawClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves with the scope once authenticated, or rejects with the server's reason. */
  authenticated: Promise<string>;
  /** Resolves once the first handshake with the server is done. */
  synced: Promise<void>;
  /** The reasons of every close the server sent. */
  closes: string[];
  destroy(): void;
}

/** Connects a bare client to `name` with `token`. */
export function rawClient(url: string, name: string, token: string, doc = new Y.Doc()): RawClient {
  const socket = new HocuspocusProviderWebsocket({ url, delay: 50, minDelay: 50, maxDelay: 200, factor: 1.5, jitter: false });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token });
  const closes: string[] = [];
  provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
  socket.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
  const authenticated = new Promise<string>((resolve, reject) => {
    provider.on('authenticated', ({ scope }: { scope: string }) => resolve(scope));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => reject(new Error(reason)));
  });
  authenticated.catch(() => {});
  const synced = new Promise<void>((resolve) => {
    provider.on('synced', () => resolve());
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    authenticated,
    synced,
    closes,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * `apparatus serve`: a Hocuspocus server for a research group's shared corpora. It persists every
 * document to SQLite in the data folder (each change on disk before it is acknowledged), lets in
 * only tokens of members of the document's group, refuses writes the group's rules do not allow
 * (readers, other members' annotations) by opening those documents read-only, and answers
 * checkpoints so clients know what it holds. Access changes made while it runs (a user removed,
 * a role changed) close the connections they affect.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import type { DatabaseSync } from 'node:sqlite';
import { Database } from '@hocuspocus/extension-database';
import { Server, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CHECKPOINT_REQUEST, checkpointReply } from '../../core/share/checkpoint.ts';
import { writeMembers } from '../../core/share/members-doc.ts';
import { docName, parseDocName } from '../../core/share/names.ts';
import { accessTo } from '../../core/share/roles.ts';
import { WHOAMI_REQUEST, whoamiReply } from '../../core/share/whoami.ts';
import { AccessStore } from './access-store.ts';
import { DocumentStore } from './document-store.ts';
import { openServerDatabase } from './server-database.ts';
import { ServerError } from './server-error.ts';
import { hashToken } from './tokens.ts';

/** How to run the server. */
export interface SyncServerOptions {
  /** The data folder: the server database lives here. */
  dataDir: string;
  /** The address to listen on; 127.0.0.1 unless the server must be reached from other machines. */
  host?: string;
  /** The port; 0 picks a free one. */
  port?: number;
  /** A certificate and its key (PEM files): the server then speaks TLS (wss://). */
  tls?: { cert: string; key: string };
  /** Where log lines go (never a token). */
  log?: (line: string) => void;
  /** How often to look for access changes made by `apparatus serve user|group`, in ms. */
  accessPollMs?: number;
  now?: () => Date;
}

/** A running server. */
export interface RunningSyncServer {
  /** `ws://HOST:PORT` or `wss://HOST:PORT`. */
  url: string;
  host: string;
  port: number;
  /** How many client connections (one per document and client) are open. */
  connectionCount(): number;
  /** Closes every connection, saves every document and stops listening. */
  stop(): Promise<void>;
}

/** The default port of `apparatus serve`. */
export const DEFAULT_PORT = 7480;

const MAX_MESSAGE_BYTES = 96 * 1024 * 1024;

interface ConnectionContext {
  user: string;
  tokenHash: string;
}

/** A refusal Hocuspocus sends to the client as the reason of a permission-denied message. */
class Refusal {
  readonly reason: string;

  constructor(reason: string) {
    this.reason = reason;
  }
}

/** Starts the server; resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const tls = options.tls ? readTls(options.tls) : undefined;
  const db = openServerDatabase(options.dataDir);
  const access = new AccessStore(db, now);
  const documents = new DocumentStore(db, log);

  const rules: Extension = {
    async onAuthenticate({ token, documentName, connectionConfig, requestParameters }) {
      const address = parseDocName(documentName);
      if (!address) throw new Refusal(`There is no shared document called “${documentName}”.`);
      const user = access.userFor(token);
      if (!user) {
        log(`refused: an unknown or revoked token asked for ${documentName}`);
        throw new Refusal('The server does not accept this token: it is wrong or has been revoked. Ask the administrator of the server for a new one.');
      }
      const claimed = requestParameters.get('user');
      if (claimed !== null && claimed !== user) {
        log(`refused: ${user}'s token was used as “${claimed}” for ${documentName}`);
        throw new Refusal(`This token does not belong to “${claimed}”.`);
      }
      const role = access.roleOf(address.group, user);
      if (!role) {
        log(`refused: ${user} is not a member of ${address.group} (asked for ${documentName})`);
        throw new Refusal(`You are not a member of the group “${address.group}” on this server.`);
      }
      connectionConfig.readOnly = accessTo(address, user, role) === 'read';
      log(`${user} (${role}) opened ${documentName}${connectionConfig.readOnly ? ', read only' : ''}`);
      const context: ConnectionContext = { user, tokenHash: hashToken(token) };
      return context;
    },

    async beforeSync({ connection, documentName, type, payload }) {
      if (!connection.readOnly || (type !== 1 && type !== 2)) return;
      if (type === 2 || !Y.snapshotContainsUpdate(Y.snapshot(connection.document), payload)) {
        log(`refused: ${(connection.context as ConnectionContext).user} may only read ${documentName}; their changes were not applied`);
      }
    },

    // Every change is written to disk as it is applied: the 'update' event fires inside the apply,
    // before Hocuspocus acknowledges it or the server answers a checkpoint. An update with missing
    // dependencies changes nothing yet (and no checkpoint counts it); it is written once it applies.
    async afterLoadDocument({ document, documentName }) {
      document.on('update', (update: Uint8Array) => documents.append(documentName, update));
    },

    async onStateless({ connection, document, documentName, payload }) {
      if (payload === CHECKPOINT_REQUEST) connection.sendStateless(checkpointReply(Y.encodeSnapshot(Y.snapshot(document))));
      if (payload === WHOAMI_REQUEST) {
        const { user } = connection.context as ConnectionContext;
        const group = parseDocName(documentName)?.group;
        const role = group === undefined ? undefined : access.roleOf(group, user);
        if (role) connection.sendStateless(whoamiReply(user, role));
      }
    },
  };

  const database = new Database({
    fetch: async ({ documentName }) => documents.load(documentName),
    store: async ({ documentName, state }) => {
      documents.compact(documentName, state, now());
    },
  });

  const hocuspocus = new Server({
    quiet: true,
    stopOnSignals: false,
    timeout: 30_000,
    debounce: 2_000,
    maxDebounce: 10_000,
    maxPendingDocuments: 1_000,
    websocketOptions: { maxPayload: MAX_MESSAGE_BYTES },
    extensions: [rules, database],
  });
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Apparatus sync server\n');
  };
  const http = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  // Hocuspocus's own server speaks plain HTTP only; ours hands it the upgrade requests instead.
  http.on('upgrade', (request, socket, head) => hocuspocus.httpServer.emit('upgrade', request, socket, head));

  try {
    await listen(http, host, options.port ?? DEFAULT_PORT);
  } catch (error) {
    db.close();
    throw error;
  }
  const port = (http.address() as AddressInfo).port;
  const url = `${tls ? 'wss' : 'ws'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!tls && !isLoopback(host)) {
    log(
      `Warning: listening on ${host} without TLS: tokens and the group's work cross the network unencrypted. ` +
        'Give a certificate with --cert and --key, or run the server behind a reverse proxy that provides TLS (see docs/sharing-server.md).',
    );
  }

  const watcher = watchAccess(db, access, hocuspocus, log, options.accessPollMs ?? 1000);
  await watcher.publishMembers();

  let stopping: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    connectionCount: () => [...hocuspocus.hocuspocus.documents.values()].reduce((sum, document) => sum + document.getConnectionsCount(), 0),
    stop() {
      stopping ??= (async () => {
        watcher.stop();
        http.close();
        // Hocuspocus closes each document but leaves the sockets open (until its timeout, or for
        // good in a process that stays): connected apps would wait, "syncing", for an answer.
        // Closed here with the reason, they say they are offline and try again later. Each close
        // is awaited (briefly): closing every connection at once would cut a goodbye still queued.
        const sockets = new Set<GoingSocket>();
        for (const document of hocuspocus.hocuspocus.documents.values()) for (const connection of document.getConnections()) sockets.add(connection.webSocket as unknown as GoingSocket);
        await Promise.all([...sockets].map((socket) => goodbye(socket)));
        await hocuspocus.destroy();
        http.closeAllConnections();
        db.close();
      })();
      return stopping;
    },
  };
}

// The WebSocket close code of a server going down, and what the apps show.
const GOING_AWAY = 1001;
const STOPPED = 'The server was stopped; Apparatus connects again when it is back.';
// How long a stopping server waits for an app to answer its goodbye.
const GOODBYE_MS = 3000;

/** What the server needs of a connection's socket to close it. */
interface GoingSocket {
  readonly readyState: number;
  close(code: number, reason: string): void;
  addEventListener(type: 'close', listener: () => void, options: { once: true }): void;
}

// Closes `socket` with the reason a stopping server gives; resolves once the app answered (or soon after).
function goodbye(socket: GoingSocket): Promise<void> {
  return new Promise((resolve) => {
    const CLOSED = 3;
    if (socket.readyState === CLOSED) return resolve();
    const timer = setTimeout(resolve, GOODBYE_MS);
    timer.unref();
    socket.addEventListener(
      'close',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    socket.close(GOING_AWAY, STOPPED);
  });
}

// Read and checked before anything starts: a file that is not a PEM certificate and its key ended
// the server with OpenSSL's stack trace.
function readTls(files: { cert: string; key: string }): { cert: Buffer; key: Buffer } {
  const tls = { cert: readPem(files.cert, 'certificate'), key: readPem(files.key, 'key') };
  try {
    createSecureContext(tls);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = /PEM|ASN1|DECODER|BAD_BASE64/.test(code)
      ? `${files.cert} must hold a certificate and ${files.key} its private key, both in PEM form (text starting “-----BEGIN”)`
      : /MISMATCH/i.test(`${code} ${(error as Error).message}`)
        ? `the key ${files.key} is not the key of the certificate ${files.cert}`
        : (error as Error).message;
    throw new ServerError('tls', `The certificate cannot be used: ${why}.`);
  }
  return tls;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `there is no file at ${file}` : code === 'EISDIR' ? `${file} is a folder` : code === 'EACCES' ? `this account may not read ${file}` : (error as Error).message;
    throw new ServerError('tls', `The ${what} cannot be read: ${why}.`);
  }
}

function listen(server: ReturnType<typeof createHttpServer>, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} is already in use on ${host}`
          : error.code === 'EACCES'
            ? `this account may not listen on port ${port}`
            : error.code === 'EADDRNOTAVAIL'
              ? `${host} is not an address of this machine`
              : error.message;
      reject(new ServerError('listen', `The server cannot listen: ${reason}.`));
    };
    server.once('error', failed);
    server.listen({ host, port }, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

// The CLI's access commands write from another process; `data_version` tells this connection when
// any other connection has committed.
function watchAccess(db: DatabaseSync, access: AccessStore, server: Server, log: (line: string) => void, pollMs: number) {
  const version = () => Number(db.prepare('PRAGMA data_version').get()?.data_version ?? 0);
  let seen = version();
  let running: Promise<void> | undefined;

  const publishMembers = async () => {
    for (const group of access.groups()) {
      const connection = await server.hocuspocus.openDirectConnection(docName({ group, kind: 'members' }), {});
      await connection.transact((doc) => {
        writeMembers(doc, access.membersOf(group));
      });
      await connection.disconnect();
    }
  };

  const recheckConnections = () => {
    for (const document of server.hocuspocus.documents.values()) {
      const address = parseDocName(document.name);
      for (const connection of document.getConnections()) {
        const context = connection.context as Partial<ConnectionContext>;
        if (!address || context.user === undefined || context.tokenHash === undefined) continue;
        const role = access.holds(context.user, context.tokenHash) ? access.roleOf(address.group, context.user) : undefined;
        const reason =
          role === undefined
            ? 'Your access to this group has been removed.'
            : (accessTo(address, context.user, role) === 'read') !== connection.readOnly
              ? 'Your role in this group has changed.'
              : undefined;
        if (reason) {
          log(`closed ${context.user}'s connection to ${document.name}: ${reason}`);
          connection.webSocket.close(4403, reason);
        }
      }
    }
  };

  const timer = setInterval(() => {
    if (running) return;
    const current = version();
    if (current === seen) return;
    seen = current;
    recheckConnections();
    running = publishMembers()
      .catch((error: unknown) => log(`could not update the member lists: ${(error as Error).message}`))
      .finally(() => {
        running = undefined;
      });
  }, pollMs);
  timer.unref();

  return {
    publishMembers,
    stop: () => clearInterval(timer),
  };
}

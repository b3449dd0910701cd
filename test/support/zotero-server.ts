/**
 * A loopback HTTP server that answers as Zotero 7 does (on 127.0.0.1, a free port): the local
 * API's paths with the recorded bodies of test/fixtures/zotero (a collection's items are those of
 * the library in that collection; 403 "Local API is not enabled"
 * when the local API is off, 404 "Not found" for what the library lacks, the attachment's file
 * URL from `/file/view/url`), and the connector's `/connector/import` (201 with the items saved),
 * recording every request so that a test can check what was sent.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/zotero/', import.meta.url));

/** A request the server received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A running fake Zotero. */
export interface ZoteroServer {
  url: string;
  requests: ReceivedRequest[];
  /** Whether the local API is on (Zotero ▸ Settings ▸ Advanced). */
  setLocalApi(enabled: boolean): void;
  /** What `/connector/import` answers from now on instead of Zotero's 201 (an error inside Zotero, another program); null for Zotero's. */
  setConnectorAnswer(answer: { status: number; type: string; body: string } | null): void;
  /** Holds every answer until the returned function is called, as a busy Zotero would: a test sees work in progress. */
  hold(): () => void;
  close(): Promise<void>;
}

/** Starts the server; `files` maps attachment keys to the PDF paths on disk. */
export async function startZoteroServer(files: Record<string, string>): Promise<ZoteroServer> {
  const requests: ReceivedRequest[] = [];
  let localApi = true;
  let connectorAnswer: { status: number; type: string; body: string } | null = null;
  let held: Promise<void> = Promise.resolve();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => void held.then(() => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const send = (status: number, type: string, body: string) => {
        response.writeHead(status, { 'Content-Type': type, 'Zotero-API-Version': '3', 'Zotero-Schema-Version': '31' });
        response.end(body);
      };
      if (path === '/connector/import' && request.method === 'POST') {
        return connectorAnswer ? send(connectorAnswer.status, connectorAnswer.type, connectorAnswer.body) : send(201, 'application/json', fixture('connector-import-201.json') ?? '[]');
      }
      if (!path.startsWith('/api/')) return send(404, 'text/plain', 'No endpoint found');
      if (!localApi) return send(403, 'text/plain', 'Local API is not enabled');
      const file = apiFixture(path);
      if (file === 'file-url') {
        const key = /items\/([^/]+)\/file/.exec(path)?.[1] ?? '';
        const pdf = files[key];
        return pdf ? send(200, 'text/plain', pathToFileURL(pdf).href) : send(400, 'text/plain', `Not a file attachment: ${key}`);
      }
      const body = file === null ? null : typeof file === 'string' ? fixture(file) : collectionItems(file.collection);
      return body === null ? send(404, 'text/plain', 'Not found') : send(200, 'application/json', body);
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setLocalApi: (enabled) => {
      localApi = enabled;
    },
    setConnectorAnswer: (answer) => {
      connectorAnswer = answer;
    },
    hold: () => {
      let release = () => {};
      held = new Promise((resolve) => (release = resolve));
      return release;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An address where nothing listens: a port the system gave and took back. */
export async function deadZoteroUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function apiFixture(path: string): string | 'file-url' | { collection: string } | null {
  const rest = path.replace(/^\/api\/users\/0\//, '');
  if (rest === 'collections') return 'collections.json';
  if (rest === 'items/top') return 'items-top.json';
  let m = /^collections\/([^/]+)\/items\/top$/.exec(rest);
  if (m) return { collection: m[1] ?? '' };
  if (/^items\/[^/]+\/file\/view\/url$/.test(rest)) return 'file-url';
  m = /^items\/([^/]+)\/children$/.exec(rest);
  if (m) return `children-${m[1]}.json`;
  m = /^items\/([^/]+)$/.exec(rest);
  if (m) return `item-${m[1]}.json`;
  return null;
}

/** The top-level items of a collection, as Zotero finds them: those of the library that name it; null for a collection the library lacks. */
function collectionItems(key: string): string | null {
  const collections = JSON.parse(fixture('collections.json') ?? '[]') as { key: string }[];
  if (!collections.some((c) => c.key === key)) return null;
  const items = JSON.parse(fixture('items-top.json') ?? '[]') as { data: { collections?: string[] } }[];
  return JSON.stringify(items.filter((item) => item.data.collections?.includes(key)), null, 4);
}

function fixture(name: string): string | null {
  const file = join(FIXTURES, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** The Content-Security-Policy of every page Apparatus shows: nothing remote, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A file of the built renderer, ready to be sent as an HTTP-like response. */
export interface AppFile {
  status: number;
  body: Uint8Array | string;
  headers: Record<string, string>;
}

/**
 * Serves the built renderer from `root` for a request path. Paths that escape `root` (`..`,
 * encoded slashes, NUL bytes) and missing files get a 404: the renderer can reach nothing else.
 */
export async function readAppFile(root: string, requestPath: string): Promise<AppFile> {
  const notFound: AppFile = { status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } };
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return notFound;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return notFound;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  if (!file.startsWith(base + sep)) return notFound;
  try {
    const body = await readFile(file);
    return {
      status: 200,
      body,
      headers: {
        'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    };
  } catch {
    return notFound;
  }
}

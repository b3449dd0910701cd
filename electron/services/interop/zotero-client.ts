/**
 * A client of the Zotero 7 running on this computer: its local API (read-only, the Web API v3 for
 * user 0 under `/api/`) for collections, items, their children and attachment files, and its
 * connector (`/connector/import`) to add references to the collection selected in Zotero. Every
 * failure is a `ZoteroError` whose message says what to do: start Zotero, or turn its local API on.
 */
import { DomainError, type ErrorKind } from '../../../core/errors.ts';
import { fileURLToPath } from 'node:url';

/** Where Zotero listens unless `APPARATUS_ZOTERO_URL` says otherwise. */
export const DEFAULT_ZOTERO_URL = 'http://127.0.0.1:23119';

/** The base address of Zotero's server: `$APPARATUS_ZOTERO_URL`, else Zotero's default. */
export function zoteroBaseUrl(env: Record<string, string | undefined>): string {
  return (env.APPARATUS_ZOTERO_URL ?? '').trim() || DEFAULT_ZOTERO_URL;
}

/** Why talking to Zotero failed. */
export type ZoteroErrorCode = 'zotero-not-running' | 'zotero-api-disabled' | 'zotero-not-found' | 'zotero-refused';

/** A failure to talk to Zotero, with a message for the historian. */
export class ZoteroError extends DomainError<ZoteroErrorCode> {
  override name = 'ZoteroError';

  /** Zotero not answering, or refusing, is another program being unavailable; an unknown item is not found. */
  override get kind(): ErrorKind {
    return this.code === 'zotero-not-found' ? 'not-found' : 'unavailable';
  }
}

/** An item as the local API returns it: its key, version and `data` (Zotero's item JSON). */
export interface ZoteroItem {
  key: string;
  version: number;
  data: Record<string, unknown>;
  meta?: { creatorSummary?: string; parsedDate?: string; numChildren?: number };
}

/** A collection: its key, name and parent collection. */
export interface ZoteroCollection {
  key: string;
  name: string;
  parent: string | null;
  items: number | null;
}

const NOT_RUNNING = 'Zotero is not running: nothing answers at {url}. Start Zotero 7 and try again.';
const API_OFF =
  'Zotero is running, but its local API is turned off, so other programs cannot read your library. ' +
  'In Zotero, open Settings (Edit ▸ Settings, or Zotero ▸ Settings on a Mac) ▸ Advanced and tick ' +
  '“Allow other applications on this computer to communicate with Zotero”, then try again.';
// The local API answers at once; a library of thousands of items takes a few seconds.
const TIMEOUT_MS = 60_000;

/** Zotero's local API and connector at one address. */
export class ZoteroClient {
  readonly #base: string;

  constructor(baseUrl: string = DEFAULT_ZOTERO_URL) {
    this.#base = baseUrl.replace(/\/+$/, '');
  }

  /** Every collection of the user's library. */
  async collections(): Promise<ZoteroCollection[]> {
    const list = await this.#json<{ key: string; data: { name?: string; parentCollection?: string | false }; meta?: { numItems?: number } }[]>('/api/users/0/collections');
    return list.map((c) => ({ key: c.key, name: c.data.name ?? c.key, parent: typeof c.data.parentCollection === 'string' ? c.data.parentCollection : null, items: c.meta?.numItems ?? null }));
  }

  /** The top-level items (works, not attachments or notes) of the library or of one collection. */
  async items(collection?: string): Promise<ZoteroItem[]> {
    const path = collection === undefined ? '/api/users/0/items/top' : `/api/users/0/collections/${encodeURIComponent(collection)}/items/top`;
    return this.#json<ZoteroItem[]>(path, collection === undefined ? undefined : `Zotero has no collection with the key “${collection}”.`);
  }

  /** One item. */
  async item(key: string): Promise<ZoteroItem> {
    return this.#json<ZoteroItem>(`/api/users/0/items/${encodeURIComponent(key)}`, `Zotero has no item with the key “${key}” (see apparatus zotero list).`);
  }

  /** An item's children: attachments and notes of a work, annotations of an attachment. */
  async children(key: string): Promise<ZoteroItem[]> {
    return this.#json<ZoteroItem[]>(`/api/users/0/items/${encodeURIComponent(key)}/children`, `Zotero has no item with the key “${key}”.`);
  }

  /** The path on this computer of an attachment's file. */
  async attachmentPath(key: string): Promise<string> {
    const response = await this.#request(`/api/users/0/items/${encodeURIComponent(key)}/file/view/url`, { headers: { 'Zotero-API-Version': '3' } });
    await this.#check(response, `Zotero has no file for the attachment “${key}”.`);
    const url = (await response.text()).trim();
    if (!url.startsWith('file:')) throw new ZoteroError('zotero-refused', `Zotero gave no file for the attachment “${key}”: its file is not on this computer (sync or download it in Zotero first).`);
    return fileURLToPath(url);
  }

  /** Adds references (CSL-JSON) to the library or collection selected in Zotero; returns how many Zotero saved. */
  async send(cslJson: string): Promise<number> {
    const response = await this.#request('/connector/import', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8',
        'X-Zotero-Connector-API-Version': '3',
        'Zotero-Allowed-Request': '1',
      },
      body: cslJson,
    });
    if (response.status === 400) throw new ZoteroError('zotero-refused', 'Zotero could not read the references it was sent; nothing was added.');
    // Zotero answers 500 with {"libraryEditable": false} when the library selected in it is
    // read-only; any other 500 is an error inside Zotero, which the read-only advice would not mend.
    if (response.status === 500 && (await response.clone().json().catch(() => null) as { libraryEditable?: unknown } | null)?.libraryEditable === false) {
      throw new ZoteroError('zotero-refused', 'Zotero cannot add to the library selected in it (it is read-only): select My Library or one of its collections in Zotero and try again.');
    }
    await this.#check(response, 'Zotero does not offer the connector import here; is this Zotero 7?');
    // Zotero's connector answers 201 with the items it saved; anything else is another program.
    const saved = (await response.json().catch(() => null)) as unknown;
    if (response.status !== 201 || !Array.isArray(saved)) {
      throw new ZoteroError('zotero-refused', `The program answering at ${this.#base} is not Zotero's connector (it did not say what it saved), so the references may not have been added. Check that Zotero 7 is running there.`);
    }
    return saved.length;
  }

  async #json<T>(path: string, notFound?: string): Promise<T> {
    const response = await this.#request(path, { headers: { 'Zotero-API-Version': '3', Accept: 'application/json' } });
    await this.#check(response, notFound ?? `Zotero has nothing at ${path}.`);
    try {
      return (await response.json()) as T;
    } catch {
      throw new ZoteroError('zotero-refused', `Zotero answered ${path} with something other than JSON; is this Zotero 7?`);
    }
  }

  async #request(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.#base}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      if ((error as Error).name === 'TimeoutError') {
        throw new ZoteroError('zotero-not-running', `Zotero did not answer at ${this.#base} within a minute. Check that Zotero 7 is running and not busy, and try again.`);
      }
      throw new ZoteroError('zotero-not-running', NOT_RUNNING.replace('{url}', this.#base) + (cause?.code && cause.code !== 'ECONNREFUSED' ? ` (${cause.code})` : ''));
    }
  }

  async #check(response: Response, notFound: string): Promise<void> {
    if (response.ok) return;
    const body = (await response.text().catch(() => '')).trim();
    if (response.status === 403) throw new ZoteroError('zotero-api-disabled', API_OFF);
    if (response.status === 404) throw new ZoteroError('zotero-not-found', notFound);
    throw new ZoteroError('zotero-refused', `Zotero refused the request (${response.status}${body ? `: ${body.slice(0, 200)}` : ''}).`);
  }
}

/**
 * Zotero as the window and the command line use it: the library's collections and works to
 * browse, items imported one after another with progress (stopping when Zotero goes away or the
 * user says so, keeping what was done), and the corpus's references sent to Zotero's connector.
 */
import type { ZoteroCollectionView, ZoteroImportReport, ZoteroItemView, ZoteroProgress } from '../../../core/api.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { DomainError } from '../../../core/errors.ts';
import { writeCslJson } from '../../../core/export/csl-json.ts';
import { isRegularItem } from '../../../core/interop/zotero/zotero-item.ts';
import type { CorpusService } from '../corpus-service.ts';
import { ZoteroError, type ZoteroClient } from './zotero-client.ts';
import type { ZoteroImporter, ZoteroImportOutcome } from './zotero-import.ts';

/** What the service works with. */
export interface ZoteroServiceDeps {
  client: ZoteroClient;
  /** Makes the importer, on the first import (it needs the project). */
  importer: () => ZoteroImporter;
  corpus: CorpusService;
  /** How far an import has come, for the window. */
  onProgress?: (progress: ZoteroProgress) => void;
}

/** Zotero, read and written for one corpus and project. */
export class ZoteroService {
  readonly #deps: ZoteroServiceDeps;
  #importer: ZoteroImporter | undefined;
  #stopping = false;

  constructor(deps: ZoteroServiceDeps) {
    this.#deps = deps;
  }

  /** Every collection of the user's Zotero library. */
  collections(): Promise<ZoteroCollectionView[]> {
    return this.#deps.client.collections();
  }

  /** The works (not attachments or notes) of the library or of one collection, as the browser lists them. */
  async items(collection?: string): Promise<ZoteroItemView[]> {
    const items = await this.#deps.client.items(collection);
    return items
      .filter((item) => isRegularItem(item.data))
      .map((item) => ({
        key: item.key,
        title: typeof item.data.title === 'string' && item.data.title.trim() !== '' ? item.data.title : item.key,
        creators: item.meta?.creatorSummary ?? null,
        year: /^\d{4}/.exec(item.meta?.parsedDate ?? '')?.[0] ?? null,
        itemType: String(item.data.itemType),
      }));
  }

  /** Imports one work (the command line: any failure is thrown). */
  importItem(key: string): Promise<ZoteroImportOutcome> {
    return (this.#importer ??= this.#deps.importer()).importItem(key);
  }

  /**
   * Imports the works `keys` one after another, reporting progress. An item that cannot be
   * imported is reported and the others go on; when Zotero stops answering, or `cancel` is called,
   * the import stops after the item being read, and the report says why.
   */
  async import(keys: readonly string[]): Promise<ZoteroImportReport> {
    this.#deps.corpus.assertWritable('sources');
    const report: ZoteroImportReport = { items: [], failed: [], stopped: null };
    const progress = this.#deps.onProgress ?? (() => {});
    this.#stopping = false;
    for (const [done, key] of keys.entries()) {
      if (this.#stopping) {
        report.stopped = `You stopped the import: ${keys.length - done} of ${keys.length} items were not imported.`;
        break;
      }
      progress({ done, total: keys.length, key });
      try {
        report.items.push(await this.importItem(key));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error instanceof ZoteroError && (error.code === 'zotero-not-running' || error.code === 'zotero-api-disabled')) {
          report.stopped = error.message;
          break;
        }
        report.failed.push({ key, message: error.message });
      }
    }
    progress({ done: report.items.length + report.failed.length, total: keys.length, key: null });
    return report;
  }

  /** Stops the import under way after the item being read. */
  cancel(): null {
    this.#stopping = true;
    return null;
  }

  /** Sends the references of these sources (or references without text) to the library or collection selected in Zotero. */
  async send(ids: readonly string[]): Promise<{ sent: number; saved: number }> {
    const items = referencesOf(this.#deps.corpus, ids);
    const saved = await this.#deps.client.send(writeCslJson(items));
    return { sent: items.length, saved };
  }
}

/** The CSL-JSON of each source or reference without text named by `ids`; throws `not-found` naming the first the corpus lacks. */
export function referencesOf(corpus: CorpusService, ids: readonly string[]): CslItem[] {
  const references = corpus.references();
  return ids.map((id) => {
    const reference = references.find((item) => item.id === id);
    if (reference) return reference;
    try {
      return corpus.get(id).meta.csl;
    } catch {
      throw new DomainError('not-found', `There is no source or reference “${id}” in the corpus.`);
    }
  });
}

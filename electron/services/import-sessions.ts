import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportPreview, ImportProgress } from '../../core/api.ts';
import { encodingName } from '../../core/clean/encodings.ts';
import { displayName } from '../../core/corpus/summary.ts';
import { DomainError } from '../../core/errors.ts';
import { ImportError } from './import/import-error.ts';
import { metadataFromForm, type ImportMetadata } from './import/import-metadata.ts';
import type { ImportChoices, ImportService, PreparedImport } from './import/import-service.ts';
import { textlessNotice } from './import/pdf/textless.ts';

// How many dropped files wait for the page to ask for them (several dropped at once).
const MAX_DROPPED = 20;

/**
 * Imports driven from the window: main asks the user for the file in its own dialog and keeps the
 * prepared import under a random token, so the page never names a path on disk. A PDF is read in
 * a worker thread, with its progress reported to `onProgress`, and can be cancelled.
 */
export class ImportSessions {
  readonly #service: ImportService;
  readonly #chooseFile: () => Promise<string | null>;
  readonly #onProgress: (progress: ImportProgress) => void;
  readonly #pending = new Map<string, PreparedImport>();
  // Files dropped on the window, by the token the page was given for each; the page never sees a path.
  readonly #dropped = new Map<string, string>();
  #reading: AbortController | undefined;

  constructor(service: ImportService, chooseFile: () => Promise<string | null>, onProgress: (progress: ImportProgress) => void = () => {}) {
    this.#service = service;
    this.#chooseFile = chooseFile;
    this.#onProgress = onProgress;
  }

  /** Lets the user choose a file, reads and cleans it; null if the user cancelled (in the dialog or while it was read). */
  async choose(): Promise<ImportPreview | null> {
    const file = await this.#chooseFile();
    return file ? this.#read(file) : null;
  }

  /**
   * Keeps the path of a file dropped on the window (the preload learnt it) and returns the token
   * that names it to `chooseDropped`. Only the last few drops are kept.
   */
  acceptDropped(path: string): string {
    const token = randomUUID();
    this.#dropped.set(token, path);
    for (const old of [...this.#dropped.keys()].slice(0, -MAX_DROPPED)) this.#dropped.delete(old);
    return token;
  }

  /** Reads and cleans the dropped file a token names, as `choose` does a chosen one; null if cancelled while it was read. */
  async chooseDropped(token: string): Promise<ImportPreview | null> {
    const file = this.#dropped.get(token);
    if (file === undefined) throw new DomainError('not-found', 'The dropped file is no longer known. Please drop it again.');
    this.#dropped.delete(token);
    return this.#read(file);
  }

  async #read(file: string): Promise<ImportPreview | null> {
    this.#reading?.abort();
    const reading = new AbortController();
    this.#reading = reading;
    let prepared: PreparedImport;
    try {
      prepared = await this.#service.prepareFile(file, { onProgress: this.#onProgress, signal: reading.signal, previewConversion: true });
    } catch (error) {
      if (error instanceof ImportError && error.code === 'cancelled') return null;
      throw error;
    } finally {
      if (this.#reading === reading) this.#reading = undefined;
    }
    const token = randomUUID();
    this.#pending.clear();
    this.#pending.set(token, prepared);
    const found = prepared.found;
    const year = found.issued?.['date-parts']?.[0]?.[0];
    const preview: ImportPreview = {
      token,
      fileName: basename(file),
      form: prepared.form,
      blocks: prepared.blocks,
      notes: prepared.notes,
      missing: prepared.missing,
      notices: prepared.notices,
      ...(prepared.conversion
        ? { encoding: { from: prepared.conversion.from, notice: `This file is in ${encodingName(prepared.conversion.from)}; Apparatus will convert it to UTF-8.` } }
        : {}),
      suggested: {
        title: found.title ?? '',
        authors: (found.author ?? []).map((name) => (name.family && name.given ? `${name.family}, ${name.given}` : displayName(name))),
        issued: year !== undefined ? String(year) : '',
        type: found.type ?? '',
        containerTitle: found['container-title'] ?? '',
        url: found.URL ?? '',
        id: prepared.suggestedId,
      },
    };
    for (const key of ['volume', 'issue', 'page', 'DOI', 'ISSN'] as const) {
      const value = found[key];
      if (typeof value === 'string' && value !== '') preview.suggested[key] = value;
    }
    const extraction = prepared.pdf?.extraction;
    if (extraction) {
      preview.pdf = {
        pages: extraction.pages,
        pageNumbers: extraction.labelSource,
        textless: extraction.textless,
        notice: textlessNotice(extraction) ?? null,
        caveats: extraction.caveats,
      };
    }
    return preview;
  }

  /** Stops reading the file being read; `choose` then resolves to null. */
  cancel(): null {
    this.#reading?.abort();
    return null;
  }

  /**
   * Stops reading the file being read and forgets the prepared imports and dropped files: the
   * project is closing, and an import left running would keep its worker cleaning for nothing.
   */
  close(): void {
    this.#reading?.abort();
    this.#pending.clear();
    this.#dropped.clear();
  }

  /** Adds the prepared source to the corpus with the details the user confirmed in the form; returns its id. */
  commit(token: string, form: ImportMetadata, choices: ImportChoices = {}): { id: string } {
    const prepared = this.#pending.get(token);
    if (!prepared) throw new DomainError('not-found', 'This import has expired. Please choose the file again.');
    const result = this.#service.commit(prepared, metadataFromForm(form), choices);
    this.#pending.delete(token);
    return result;
  }
}

import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportPreview } from '../../core/api.ts';
import { displayName } from '../../core/corpus/summary.ts';
import { DomainError } from '../../core/errors.ts';
import { metadataFromForm, type ImportMetadata } from './import/import-metadata.ts';
import type { ImportService, PreparedImport } from './import/import-service.ts';

/**
 * Imports driven from the window: main asks the user for the file in its own dialog and keeps the
 * prepared import under a random token, so the page never names a path on disk.
 */
export class ImportSessions {
  readonly #service: ImportService;
  readonly #chooseFile: () => Promise<string | null>;
  readonly #pending = new Map<string, PreparedImport>();

  constructor(service: ImportService, chooseFile: () => Promise<string | null>) {
    this.#service = service;
    this.#chooseFile = chooseFile;
  }

  /** Lets the user choose a file, reads and cleans it; null if the user cancelled. */
  async choose(): Promise<ImportPreview | null> {
    const file = await this.#chooseFile();
    if (!file) return null;
    const prepared = this.#service.prepare(file);
    const token = randomUUID();
    this.#pending.clear();
    this.#pending.set(token, prepared);
    const found = prepared.found;
    const year = found.issued?.['date-parts']?.[0]?.[0];
    return {
      token,
      fileName: basename(file),
      form: prepared.form,
      blocks: prepared.blocks,
      notes: prepared.notes,
      missing: prepared.missing,
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
  }

  /** Adds the prepared source to the corpus with the details the user confirmed in the form; returns its id. */
  commit(token: string, form: ImportMetadata): { id: string } {
    const prepared = this.#pending.get(token);
    if (!prepared) throw new DomainError('not-found', 'This import has expired. Please choose the file again.');
    const result = this.#service.commit(prepared, metadataFromForm(form));
    this.#pending.delete(token);
    return result;
  }
}

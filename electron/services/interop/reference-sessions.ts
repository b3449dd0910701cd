/**
 * Reference imports driven from the window: main asks for the file in its own dialog and keeps it
 * under a random token while the page shows the plan, so the page never names a path. Confirming
 * plans the file again against the corpus as it is then, and applies only what the user saw.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { ReferenceImportDone, ReferenceImportPreview } from '../../../core/api.ts';
import { DomainError } from '../../../core/errors.ts';
import type { ReferenceImportService } from './reference-import.ts';

/** The pending reference import of the window (one at a time). */
export class ReferenceImportSessions {
  readonly #service: ReferenceImportService;
  readonly #chooseFile: () => Promise<string | null>;
  readonly #pending = new Map<string, { file: string; shown: ReferenceImportPreview['plan'] }>();

  constructor(service: ReferenceImportService, chooseFile: () => Promise<string | null>) {
    this.#service = service;
    this.#chooseFile = chooseFile;
  }

  /** Lets the user choose a reference file and plans its import; null if the user cancelled. */
  async choose(): Promise<ReferenceImportPreview | null> {
    const file = await this.#chooseFile();
    if (!file) return null;
    const { fileName, format, plan } = this.#service.plan(file);
    const token = randomUUID();
    this.#pending.clear();
    this.#pending.set(token, { file, shown: plan });
    return { token, fileName, format, plan };
  }

  /**
   * Carries out the plan shown under `token`. When the file or the corpus changed since (a
   * source's details were edited meanwhile), nothing is written: the user looks at the new plan.
   */
  apply(token: string): ReferenceImportDone {
    const pending = this.#pending.get(token);
    if (!pending) throw new DomainError('not-found', 'This import has expired. Please choose the reference file again.');
    const { plan } = this.#service.plan(pending.file);
    if (!isDeepStrictEqual(plan, pending.shown)) {
      this.#pending.delete(token);
      throw new DomainError('conflict', 'The reference file or the corpus changed since the import was shown; nothing was changed. Please choose the file again to see what it would change now.');
    }
    this.#pending.delete(token);
    return this.#service.apply(plan);
  }
}

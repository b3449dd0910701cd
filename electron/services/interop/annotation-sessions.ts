/**
 * Annotation imports driven from the window: main asks for the file in its own dialog, reads it
 * and says which sources its annotations name, and keeps it under a random token until the user
 * says where they go; the page never names a path. The import then gives the process a turn every
 * 50 ms, so that the window keeps answering, says how far it has come, and stops when the user
 * asks, keeping what it saved.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { AnnotationImportPreview, AnnotationImportProgress, AnnotationImportReport } from '../../../core/api.ts';
import type { ExternalAnnotations } from '../../../core/interop/annotations/external.ts';
import { matchSource } from '../../../core/interop/annotations/match-source.ts';
import { DomainError } from '../../../core/errors.ts';
import type { CorpusService } from '../corpus-service.ts';
import { readAnnotationsFile } from './annotation-file.ts';
import { refusalOf, requireSource, type AnnotationImporter } from './annotation-import.ts';

// What the import tells of an annotation whose address names no source, in the window's words.
const CHOOSE_A_SOURCE = 'choose the source it is on when you import the file';

// How long the import runs between two turns: a record may take several milliseconds to place and
// save, and the window should never wait much longer than this for an answer.
const TURN_EVERY_MS = 50;

/** What the window's imports need besides the corpus and the importer. */
export interface AnnotationImportSessionsDeps {
  corpus: CorpusService;
  importer: AnnotationImporter;
  chooseFile: () => Promise<string | null>;
  onProgress?: (progress: AnnotationImportProgress) => void;
  /** How long an import runs between two turns of the process (default 50 ms; tests take 0: a turn after each annotation). */
  turnEveryMs?: number;
}

/** The pending annotation import of the window (one at a time). */
export class AnnotationImportSessions {
  readonly #corpus: CorpusService;
  readonly #importer: AnnotationImporter;
  readonly #chooseFile: () => Promise<string | null>;
  readonly #onProgress: ((progress: AnnotationImportProgress) => void) | undefined;
  readonly #turnEveryMs: number;
  readonly #pending = new Map<string, ExternalAnnotations>();
  readonly #running = new Map<string, AbortController>();

  constructor(deps: AnnotationImportSessionsDeps) {
    this.#corpus = deps.corpus;
    this.#importer = deps.importer;
    this.#chooseFile = deps.chooseFile;
    this.#onProgress = deps.onProgress;
    this.#turnEveryMs = deps.turnEveryMs ?? TURN_EVERY_MS;
  }

  /** Lets the user choose an annotation file and reads it; null if the user cancelled. */
  async choose(): Promise<AnnotationImportPreview | null> {
    const file = await this.#chooseFile();
    if (!file) return null;
    const read = readAnnotationsFile(file);
    const items = this.#corpus.contents().sources.map((source) => source.meta.csl);
    const counts = new Map<string, number>();
    let unmatched = 0;
    let annotations = 0;
    // The preview lists what the import will refuse, as the import's report does, so that its counts add up.
    const skipped = [...read.skipped];
    for (const external of read.annotations) {
      if (external.quote === null || external.quote.exact.trim() === '') continue;
      const refusal = refusalOf(external);
      if (refusal !== null) {
        skipped.push({ label: external.label, reason: refusal });
        continue;
      }
      annotations += 1;
      const sourceId = matchSource(external.target, items);
      if (sourceId === null) unmatched += 1;
      else counts.set(sourceId, (counts.get(sourceId) ?? 0) + 1);
    }
    const titles = new Map(items.map((item) => [item.id, item['title-short'] ?? item.title ?? item.id]));
    // A file imported before (a newer export of the same Hypothesis group) is mostly there already.
    const present = counts.size === 0 ? new Map<string, number>() : this.#importer.alreadyPresent(read.annotations);
    const token = randomUUID();
    this.#pending.clear();
    this.#pending.set(token, read);
    return {
      token,
      fileName: basename(file),
      format: read.format,
      annotations,
      bySource: [...counts].map(([sourceId, count]) => ({ sourceId, title: titles.get(sourceId) ?? sourceId, count, present: present.get(sourceId) ?? 0 })),
      unmatched,
      skipped,
    };
  }

  /**
   * Imports the file read under `token`: onto `sourceId`, or each annotation onto the source its
   * address names. Stopped by `cancel`, it reports how many annotations it never read.
   */
  async commit(token: string, sourceId?: string): Promise<AnnotationImportReport> {
    const read = this.#pending.get(token);
    if (!read) throw new DomainError('not-found', 'This import has expired. Please choose the annotation file again.');
    requireSource(this.#corpus, sourceId);
    this.#pending.delete(token);
    const options = sourceId === undefined ? { unmatched: CHOOSE_A_SOURCE } : { sourceId };
    const controller = new AbortController();
    this.#running.set(token, controller);
    const total = read.annotations.length;
    try {
      const { summary, unread } = await this.#importer.importStoppable(read.annotations, options, read.skipped, {
        signal: controller.signal,
        turnEveryMs: this.#turnEveryMs,
        onProgress: (done) => this.#onProgress?.({ token, done, total }),
      });
      return unread > 0 ? { ...summary, unread } : summary;
    } finally {
      this.#running.delete(token);
    }
  }

  /** Stops the import of `token` before its next annotation (nothing if it is not running). */
  cancel(token: string): null {
    this.#running.get(token)?.abort();
    return null;
  }

  /** Stops every import under way: the project is closing, or being replaced by a restore. */
  close(): void {
    for (const controller of this.#running.values()) controller.abort();
    this.#pending.clear();
  }
}

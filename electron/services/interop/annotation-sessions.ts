/**
 * Annotation imports driven from the window: main asks for the file in its own dialog, reads it
 * and says which sources its annotations name, and keeps it under a random token until the user
 * says where they go; the page never names a path.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { AnnotationImportPreview, AnnotationImportReport } from '../../../core/api.ts';
import type { ExternalAnnotations } from '../../../core/interop/annotations/external.ts';
import { matchSource } from '../../../core/interop/annotations/match-source.ts';
import { DomainError } from '../../../core/errors.ts';
import type { CorpusService } from '../corpus-service.ts';
import { readAnnotationsFile } from './annotation-file.ts';
import { refusalOf, requireSource, type AnnotationImporter } from './annotation-import.ts';

// What the import tells of an annotation whose address names no source, in the window's words.
const CHOOSE_A_SOURCE = 'choose the source it is on when you import the file';

/** The pending annotation import of the window (one at a time). */
export class AnnotationImportSessions {
  readonly #corpus: CorpusService;
  readonly #importer: AnnotationImporter;
  readonly #chooseFile: () => Promise<string | null>;
  readonly #pending = new Map<string, ExternalAnnotations>();

  constructor(corpus: CorpusService, importer: AnnotationImporter, chooseFile: () => Promise<string | null>) {
    this.#corpus = corpus;
    this.#importer = importer;
    this.#chooseFile = chooseFile;
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
    const token = randomUUID();
    this.#pending.clear();
    this.#pending.set(token, read);
    return {
      token,
      fileName: basename(file),
      format: read.format,
      annotations,
      bySource: [...counts].map(([sourceId, count]) => ({ sourceId, title: titles.get(sourceId) ?? sourceId, count })),
      unmatched,
      skipped,
    };
  }

  /** Imports the file read under `token`: onto `sourceId`, or each annotation onto the source its address names. */
  commit(token: string, sourceId?: string): AnnotationImportReport {
    const read = this.#pending.get(token);
    if (!read) throw new DomainError('not-found', 'This import has expired. Please choose the annotation file again.');
    requireSource(this.#corpus, sourceId);
    this.#pending.delete(token);
    const options = sourceId === undefined ? { unmatched: CHOOSE_A_SOURCE } : { sourceId };
    return this.#importer.import(read.annotations, options, read.skipped);
  }
}

/**
 * Importing a reference file (CSL-JSON, BibTeX, RIS) into the corpus folder: `plan` reads it and
 * says what would change, writing nothing; `apply` fills the gaps of the sources' metadata through
 * the corpus service (so a source's recipe keeps the edit too) and has it write the references
 * without text to `references.json`.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CslItem } from '../../../core/corpus/model.ts';
import { SOURCE_ID_PATTERN } from '../../../core/corpus/front-matter-schema.ts';
import { planReferenceImport, type ReferencePlan } from '../../../core/interop/references/plan-import.ts';
import { readReferences, type ReferenceFileFormat } from '../../../core/interop/references/read-references.ts';
import type { ReadRecord } from '../../../core/interop/references/read-references.ts';
import { DomainError } from '../../../core/errors.ts';
import type { CorpusService } from '../corpus-service.ts';
import { deriveId } from '../import/import-id.ts';

/** A reference file read and matched, ready to apply. */
export interface ReferenceImportPlan {
  fileName: string;
  format: ReferenceFileFormat;
  plan: ReferencePlan;
}

/** What applying a plan changed. */
export interface ReferenceImportResult {
  /** Sources whose metadata got at least one field. */
  sourcesFilled: string[];
  /** References without text that were added or filled. */
  referencesAdded: string[];
  referencesFilled: string[];
}

// A reference file is text: larger than this, it is not one.
const MAX_BYTES = 20 * 1024 * 1024;

/** The import of reference files into one corpus folder. */
export class ReferenceImportService {
  readonly #corpus: CorpusService;

  constructor(corpus: CorpusService) {
    this.#corpus = corpus;
  }

  /** Reads `file` and plans its import; writes nothing. */
  plan(file: string): ReferenceImportPlan {
    this.#corpus.assertWritable('references');
    const fileName = basename(file);
    let text: string;
    try {
      if (statSync(file).size > MAX_BYTES) throw new DomainError('invalid-input', `“${fileName}” is larger than 20 MB: it is not a reference file.`);
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('not-found', `The file “${fileName}” cannot be read: ${file}`);
    }
    const read = readReferences(text, fileName);
    const plan = this.planRecords(read.records);
    return { fileName, format: read.format, plan: { ...plan, skipped: [...read.skipped, ...plan.skipped] } };
  }

  /** Plans records already read (from Zotero, say) against the corpus and the references kept. */
  planRecords(records: readonly ReadRecord[]): ReferencePlan {
    const sources = this.#corpus.contents().sources.map((source) => source.meta.csl);
    return planReferenceImport(records, sources, this.#corpus.references(), (item, key, taken) => this.#chooseId(item, key, taken));
  }

  /** Carries out a plan: the sources' gaps filled, the references list written. */
  apply(plan: ReferencePlan): ReferenceImportResult {
    const result: ReferenceImportResult = { sourcesFilled: [], referencesAdded: [], referencesFilled: [] };
    for (const fill of plan.sources) {
      if (fill.filled.length === 0) continue;
      this.#corpus.updateMetadata(fill.sourceId, fill.patch);
      if (!result.sourcesFilled.includes(fill.sourceId)) result.sourcesFilled.push(fill.sourceId);
    }
    const changed = plan.references.filter((fill) => fill.filled.length > 0);
    if (changed.length > 0 || plan.added.length > 0) {
      const list = new Map(this.#corpus.references().map((item) => [item.id, item]));
      for (const fill of changed) list.set(fill.referenceId, fill.item);
      for (const added of plan.added) list.set(added.item.id, added.item);
      this.#corpus.saveReferences([...list.values()]);
      result.referencesFilled = changed.map((fill) => fill.referenceId);
      result.referencesAdded = plan.added.map((added) => added.item.id);
    }
    return result;
  }

  /** Drops a reference without text (a source with its text has taken its place). */
  remove(id: string): void {
    const list = this.#corpus.references();
    if (list.some((item) => item.id === id)) this.#corpus.saveReferences(list.filter((item) => item.id !== id));
  }

  /** The references without text kept in the corpus folder. */
  references(): CslItem[] {
    return this.#corpus.references();
  }

  // The file's own key when it is a valid id (our exports key entries by id), else one made from
  // the first author and year, as imported sources are named.
  #chooseId(item: CslItem, key: string | null, taken: ReadonlySet<string>): string {
    const stem = key !== null && SOURCE_ID_PATTERN.test(key) ? key : deriveId(item, 'reference');
    const free = (id: string) => !taken.has(id) && !this.#corpus.idTaken(id);
    if (free(stem)) return stem;
    for (let n = 2; ; n += 1) if (free(`${stem}-${n}`)) return `${stem}-${n}`;
  }
}

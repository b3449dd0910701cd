/**
 * Exports on disk: reads the corpus through the corpus service and the project through the store
 * the process holds, builds the export with `core/export`, and writes the file atomically, never
 * replacing an existing file unless asked.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportSummary, UnreadableSource } from '../../core/api.ts';
import type { Annotation, Tag } from '../../core/annotate/model.ts';
import { DomainError } from '../../core/errors.ts';
import { buildExport } from '../../core/export/build-export.ts';
import type { StyleName } from '../../core/cite/style.ts';
import { FILE_EXTENSIONS, isFolderFormat, isReferenceFormat } from '../../core/export/formats.ts';
import type { ExportFormat } from '../../core/export/formats.ts';
import { writeObsidian } from '../../core/export/obsidian.ts';
import type { ExportOrder } from '../../core/export/order.ts';
import { referenceItems } from '../../core/export/reference-scope.ts';
import { selectAnnotations, type ExportScope } from '../../core/export/scope.ts';
import { renderDocument, renderReferences } from '../../core/export/write-format.ts';
import { AtomicWriteError, writeFileAtomic } from './atomic-write.ts';
import type { CorpusService } from './corpus-service.ts';
import type { AnnotationService } from './annotation-service.ts';
import type { ProjectStore } from './store/index.ts';

/** What the service works with. */
export interface ExportServiceDeps {
  corpus: CorpusService;
  /** The project store of this process; asked for only when an export needs highlights or tags. */
  project: () => ProjectStore;
  /** The annotations as every reader sees them: re-anchored where their source's text changed. */
  annotations: () => Pick<AnnotationService, 'list'>;
  /** Asks the user where to save (the system's save dialog, which confirms replacing a file); null if cancelled. */
  chooseSaveFile?: (defaultName: string) => Promise<string | null>;
  /** Asks the user for a folder (the system's folder dialog), for a folder of notes; null if cancelled. */
  chooseFolder?: () => Promise<string | null>;
}

/** What to export, as the export dialog asks for it. */
export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  order: ExportOrder;
  style: StyleName;
  /** For docx: citations and bibliography as Zotero fields that Zotero's plugins can refresh. */
  zoteroFields?: boolean;
  /** For a folder of notes: replace the notes of the same name already in the folder. */
  replace?: boolean;
}

/** One export to make, into a file. */
export interface ExportJob extends ExportRequest {
  /** The file to write (for a folder format: the folder, made if missing). */
  out: string;
  /** Replace `out` if it exists (default false); for a folder format, the notes in it. */
  overwrite?: boolean;
}

/** What was written. */
export interface ExportReport extends ExportSummary {
  bytes: number;
}

/** Builds and writes exports; holds no state between calls. */
export class ExportService {
  readonly #deps: ExportServiceDeps;

  constructor(deps: ExportServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Builds `job` and writes it atomically. The report names the corpus files that could not be
   * read; an export that needs one of them (its scope's source, or a source of its highlights) is
   * refused (`corpus-unreadable`) with the reason and the repair. Throws `ExportError` or
   * `CitationError` for an export that cannot be made, `AtomicWriteError` (`file-exists`,
   * `write-failed`) when the file cannot be written, and `StoreError` when the project cannot be read.
   */
  async export(job: ExportJob): Promise<ExportReport> {
    const { sources, unreadable } = this.#deps.corpus.contents();
    const needsStore = !isReferenceFormat(job.format) || job.scope.kind === 'tag';
    const project = needsStore ? this.readProject() : { annotations: [], tags: [] };
    refuseUnreadable(neededSources(job, project), unreadable);
    let bytes: Uint8Array;
    let annotations = 0;
    let sourceCount: number;
    if (isReferenceFormat(job.format)) {
      const references = this.#deps.corpus.references();
      const items = referenceItems(sources, project.annotations, project.tags, job.scope, references);
      bytes = renderReferences(items, job.format);
      sourceCount = items.length;
    } else if (isFolderFormat(job.format)) {
      const doc = buildExport({ sources, ...project, scope: job.scope, order: job.order, style: job.style });
      const notes = writeObsidian(doc, project.tags);
      writeNotes(job.out, notes, job.overwrite ?? false);
      const written = notes.reduce((sum, note) => sum + new TextEncoder().encode(note.text).length, 0);
      return { file: job.out, bytes: written, annotations: new Set(doc.entries.map((entry) => entry.annotation.id)).size, sources: notes.length, unreadable };
    } else {
      const doc = buildExport({ sources, ...project, scope: job.scope, order: job.order, style: job.style });
      bytes = await renderDocument(doc, job.format, { zoteroFields: job.zoteroFields ?? false });
      // Grouped by tag, a highlight is listed under each of its tags: it is still one highlight.
      annotations = new Set(doc.entries.map((entry) => entry.annotation.id)).size;
      sourceCount = new Set(doc.entries.map((entry) => entry.item.id)).size;
    }
    writeFileAtomic(job.out, bytes, { overwrite: job.overwrite ?? false });
    return { file: job.out, bytes: bytes.length, annotations, sources: sourceCount, unreadable };
  }

  /**
   * Asks the user where to save (a folder, for a folder of notes), then exports there; null when
   * the user cancelled. Notes already in the folder are replaced only when the request says so.
   */
  async saveAs(request: ExportRequest): Promise<ExportSummary | null> {
    const folder = isFolderFormat(request.format);
    const out = folder ? await this.#deps.chooseFolder?.() : await this.#deps.chooseSaveFile?.(`annotations.${FILE_EXTENSIONS[request.format]}`);
    if (!out) return null;
    // The save dialog has already asked before replacing an existing file.
    const overwrite = folder ? (request.replace ?? false) : true;
    try {
      const { bytes: _bytes, ...summary } = await this.export({ ...request, out, overwrite });
      return summary;
    } catch (error) {
      if (!folder || !(error instanceof AtomicWriteError) || error.code !== 'file-exists') throw error;
      throw new AtomicWriteError('file-exists', error.path, `${error.message} Export again with “Replace notes already in the folder” ticked, or choose another folder.`);
    }
  }

  /** The annotations (with their trimmed quotations, placed in the current text) and tags of the project. */
  readProject(): { annotations: Annotation[]; tags: Tag[] } {
    const store = this.#deps.project();
    const tags: Tag[] = store.listTags().map(({ id, name, color, parent }) => ({ id, name, color, ...(parent !== undefined ? { parent } : {}) }));
    return { annotations: this.#deps.annotations().list({}), tags };
  }
}

/** The ids of the sources an export cannot be made without. */
function neededSources(job: ExportJob, project: { annotations: Annotation[]; tags: Tag[] }): string[] {
  if (job.scope.kind === 'source') return [job.scope.sourceId];
  if (isReferenceFormat(job.format) && job.scope.kind === 'all') return [];
  return selectAnnotations(project.annotations, project.tags, job.scope).map((annotation) => annotation.sourceId);
}

function refuseUnreadable(needed: readonly string[], unreadable: readonly UnreadableSource[]): void {
  const wanted = new Set(needed);
  const missing = unreadable.find((file) => wanted.has(file.id));
  if (missing) {
    throw new DomainError(
      'corpus-unreadable',
      `This export needs ${missing.fileName}, which cannot be read. ${missing.problem.reason} ${missing.problem.repair}`,
    );
  }
}

/** Writes each note into `folder`; refuses before writing any if one exists and may not be replaced. */
function writeNotes(folder: string, notes: readonly { fileName: string; text: string }[], overwrite: boolean): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new AtomicWriteError('write-failed', folder, `The folder ${folder} cannot be made: ${(error as Error).message}`);
  }
  const encoder = new TextEncoder();
  if (!overwrite) {
    const existing = new Set(readdirSync(folder));
    const clash = notes.find((note) => existing.has(note.fileName));
    if (clash) throw new AtomicWriteError('file-exists', join(folder, clash.fileName), `${join(folder, clash.fileName)} already exists; nothing was written.`);
  }
  for (const note of notes) writeFileAtomic(join(folder, note.fileName), encoder.encode(note.text), { overwrite: true });
}

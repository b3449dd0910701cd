/**
 * Exports on disk: reads the corpus folder and the project store, builds the export with
 * `core/export`, and writes the file atomically, never replacing an existing file unless asked.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, Tag } from '../../core/annotate/model.ts';
import type { Source } from '../../core/corpus/model.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { buildExport } from '../../core/export/build-export.ts';
import type { StyleName } from '../../core/export/cite-style.ts';
import { isFolderFormat, isReferenceFormat, renderDocument, renderReferences } from '../../core/export/formats.ts';
import { writeObsidian } from '../../core/export/obsidian.ts';
import type { ExportFormat } from '../../core/export/formats.ts';
import type { ExportOrder } from '../../core/export/order.ts';
import { referenceItems } from '../../core/export/reference-scope.ts';
import type { ExportScope } from '../../core/export/scope.ts';
import { UserFacingError } from '../errors.ts';
import { ReferenceListFile } from './interop/reference-list-file.ts';
import { openProjectStore, StoreError } from './store/index.ts';
import { writeFileAtomic, WriteFileError } from './write-file.ts';

/** Where the service reads from. */
export interface ExportServiceDeps {
  /** The corpus folder of cleaned `<id>.md` files. */
  corpusFolder: string;
  /** The project database file. */
  projectFile: string;
}

/** One export to make. */
export interface ExportJob {
  format: ExportFormat;
  scope: ExportScope;
  order: ExportOrder;
  style: StyleName;
  /** The file to write (for a folder format: the folder, made if missing). */
  out: string;
  /** Replace `out` if it exists (default false); for a folder format, the notes in it. */
  overwrite?: boolean;
  /** For docx: citations and bibliography as Zotero fields that Zotero's plugins can refresh. */
  zoteroFields?: boolean;
}

/** What was written. */
export interface ExportReport {
  file: string;
  bytes: number;
  /** Highlights exported (0 for reference-manager formats). */
  annotations: number;
  /** Sources cited or listed. */
  sources: number;
}

/** Builds and writes exports; holds no state between calls. */
export class ExportService {
  readonly #deps: ExportServiceDeps;

  constructor(deps: ExportServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Builds `job` and writes it atomically. Throws `ExportError` or `CitationError` for an export
   * that cannot be made, `WriteFileError` (`file-exists`, `write-failed`) when the file cannot be
   * written, and `StoreError` when the project cannot be read.
   */
  async export(job: ExportJob): Promise<ExportReport> {
    const sources = this.readSources();
    const needsStore = !isReferenceFormat(job.format) || job.scope.kind === 'tag';
    const project = needsStore ? this.readProject() : { annotations: [], tags: [] };
    let bytes: Uint8Array;
    let annotations = 0;
    let sourceCount: number;
    if (isReferenceFormat(job.format)) {
      const references = new ReferenceListFile(this.#deps.corpusFolder).read();
      const items = referenceItems(sources, project.annotations, project.tags, job.scope, references);
      bytes = renderReferences(items, job.format);
      sourceCount = items.length;
    } else if (isFolderFormat(job.format)) {
      const doc = buildExport({ sources, ...project, scope: job.scope, order: job.order, style: job.style });
      const notes = writeObsidian(doc, project.tags);
      writeNotes(job.out, notes, job.overwrite ?? false);
      const written = notes.reduce((sum, note) => sum + new TextEncoder().encode(note.text).length, 0);
      return { file: job.out, bytes: written, annotations: new Set(doc.entries.map((entry) => entry.annotation.id)).size, sources: notes.length };
    } else {
      const doc = buildExport({ sources, ...project, scope: job.scope, order: job.order, style: job.style });
      bytes = await renderDocument(doc, job.format, { zoteroFields: job.zoteroFields ?? false });
      annotations = doc.entries.length;
      sourceCount = new Set(doc.entries.map((entry) => entry.item.id)).size;
    }
    writeFileAtomic(job.out, bytes, { overwrite: job.overwrite ?? false });
    return { file: job.out, bytes: bytes.length, annotations, sources: sourceCount };
  }

  /** Every source of the corpus folder, by id; a file that does not parse is an error here. */
  readSources(): Source[] {
    const folder = this.#deps.corpusFolder;
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md');
    } catch {
      throw new UserFacingError('corpus-unreadable', `The corpus folder cannot be read: ${folder}`);
    }
    // An export silently missing a source would cite wrongly; a broken file stops it instead.
    return names.sort().map((name) => parseSource(readFileSync(join(folder, name), 'utf8')));
  }

  /** The annotations (with their trimmed quotations) and tags of the project, read without writing. */
  readProject(): {
    annotations: Annotation[];
    tags: Tag[];
  } {
    const store = openForReading(this.#deps.projectFile);
    try {
      const tags: Tag[] = store.listTags().map(({ id, name, color, parent }) => ({
        id,
        name,
        color,
        ...(parent !== undefined ? { parent } : {}),
      }));
      return { annotations: store.list(), tags };
    } finally {
      store.close();
    }
  }
}

/** Writes each note into `folder`; refuses before writing any if one exists and may not be replaced. */
function writeNotes(folder: string, notes: readonly { fileName: string; text: string }[], overwrite: boolean): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new WriteFileError('write-failed', `The folder ${folder} cannot be made: ${(error as Error).message}`);
  }
  const encoder = new TextEncoder();
  if (!overwrite) {
    const existing = new Set(readdirSync(folder));
    const clash = notes.find((note) => existing.has(note.fileName));
    if (clash) throw new WriteFileError('file-exists', `${join(folder, clash.fileName)} already exists; nothing was written. Choose another folder, or replace the notes (--force).`);
  }
  for (const note of notes) writeFileAtomic(join(folder, note.fileName), encoder.encode(note.text), { overwrite: true });
}

/**
 * The project opened read-only. A project saved by an older Apparatus is first brought up to the
 * current format (after a backup copy, as any opening does), so that an export run before the app
 * was started after an update still works.
 */
function openForReading(file: string): ReturnType<typeof openProjectStore> {
  try {
    return openProjectStore(file, { readOnly: true });
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'read-only') throw error;
    openProjectStore(file).close();
    return openProjectStore(file, { readOnly: true });
  }
}

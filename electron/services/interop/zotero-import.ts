/**
 * Importing items of the user's Zotero library: the item's metadata, its PDF (through the PDF
 * import, as a new source) and the annotations Zotero keeps on that PDF (placed by our anchoring).
 * An item the corpus already has (same DOI, else title and year) fills that source's gaps instead
 * of being imported twice; an item without a PDF is kept as a reference without text.
 */
import type { MetadataPatch } from '../../../core/corpus/metadata-patch.ts';
import { NAME_ROLES, type CslItem, type CslName } from '../../../core/corpus/model.ts';
import type { ExternalAnnotation, SkippedRecord } from '../../../core/interop/annotations/external.ts';
import { zoteroAnnotation } from '../../../core/interop/zotero/zotero-annotation.ts';
import { isRegularItem, pdfAttachments, zoteroToCsl } from '../../../core/interop/zotero/zotero-item.ts';
import { isZoteroKey, ZOTERO_KEY } from '../../../core/corpus/zotero-key.ts';
import { invertedName } from '../../../core/export/csl-fields.ts';
import type { ImportMetadata } from '../import/import-metadata.ts';
import { IMPORT_TYPES } from '../import/import-metadata.ts';
import { ImportError } from '../import/import-error.ts';
import type { ImportService, PreparedImport } from '../import/import-service.ts';
import { AnnotationImporter, type AnnotationImportSummary } from './annotation-import.ts';
import type { ReferenceImportService } from './reference-import.ts';
import { ZoteroError, type ZoteroClient, type ZoteroItem } from './zotero-client.ts';
import type { CorpusService } from '../corpus-service.ts';
import type { AnnotationService } from '../annotation-service.ts';
import type { TagService } from '../tag-service.ts';

/** What importing one Zotero item did. */
export interface ZoteroImportOutcome {
  key: string;
  title: string;
  /** The source the item's text is, or null when it became a reference without text. */
  sourceId: string | null;
  /** How: its PDF imported as a new source, or a source the corpus had already. */
  how: 'pdf-imported' | 'matched-source' | 'reference-added' | 'reference-filled';
  /** The reference without text, when it became (or filled) one. */
  referenceId: string | null;
  /** Metadata fields of an existing source or reference that the item filled. */
  filled: string[];
  annotations: AnnotationImportSummary | null;
  /** What else to tell (attachments passed over). */
  notes: string[];
}

/** The services an import uses. */
export interface ZoteroImportDeps {
  client: ZoteroClient;
  corpus: CorpusService;
  importer: ImportService;
  references: ReferenceImportService;
  annotations: AnnotationService;
  tags: TagService;
}

/** Imports Zotero items into one corpus and project. */
export class ZoteroImporter {
  readonly #deps: ZoteroImportDeps;

  constructor(deps: ZoteroImportDeps) {
    this.#deps = deps;
  }

  /** Imports the item `key` (a work, not an attachment or note). */
  async importItem(key: string): Promise<ZoteroImportOutcome> {
    const { client, corpus, references, importer } = this.#deps;
    const item = await client.item(key);
    if (!isRegularItem(item.data)) {
      const parent = typeof item.data.parentItem === 'string' ? ` Import its parent item, ${item.data.parentItem}.` : '';
      throw new ZoteroError('zotero-refused', `The Zotero item “${key}” is ${article(String(item.data.itemType))}, not a work.${parent}`);
    }
    const csl = zoteroToCsl(item.data, '', item.meta?.parsedDate);
    // Kept so that Word's citation fields of this work link to the item in Zotero.
    if (isZoteroKey(item.key)) csl[ZOTERO_KEY] = item.key;
    const title = typeof csl.title === 'string' && csl.title !== '' ? csl.title : key;
    if (csl.title === undefined) csl.title = title;
    const notes: string[] = [];
    const children = await client.children(key);
    const pdfs = pdfAttachments(children, item.data.url);
    if (pdfs.length > 1) {
      const others = pdfs.slice(1).map((other) => `“${String(other.data.title ?? other.key)}”`).join(', ');
      notes.push(`it has ${pdfs.length} PDFs: “${String(pdfs[0]?.data.title ?? pdfs[0]?.key)}”, the one Zotero opens, is the source's text; ${others} and ${pdfs.length > 2 ? 'their' : 'its'} annotations stay in Zotero`);
    }
    const plan = references.planRecords([{ label: `Zotero item ${key}`, item: csl, key: null }]);
    const matched = plan.sources[0];
    let pdf = pdfs[0];
    // A PDF without a single page of text (a scan) cannot be read: the work is kept as a reference
    // without text, which can be cited, rather than not imported at all.
    const prepared = !matched && pdf ? await this.#prepared(pdf, notes) : undefined;
    if (prepared === null) pdf = undefined;
    let outcome: ZoteroImportOutcome;
    if (matched) {
      const linked = corpus.get(matched.sourceId).meta.csl[ZOTERO_KEY] === undefined && isZoteroKey(item.key) ? { [ZOTERO_KEY]: item.key } : {};
      if (matched.filled.length > 0 || Object.keys(linked).length > 0) corpus.updateMetadata(matched.sourceId, { ...matched.patch, ...linked });
      outcome = { key, title, sourceId: matched.sourceId, how: 'matched-source', referenceId: null, filled: matched.filled, annotations: null, notes };
    } else if (pdf && prepared) {
      const { id } = importer.commit(prepared, importMetadata(csl), { textPagesOnly: true });
      const extra = extraFields(csl);
      if (Object.keys(extra).length > 0) corpus.updateMetadata(id, extra);
      // A reference without text of the same work gives way to the source.
      const known = plan.references[0];
      if (known) references.remove(known.referenceId);
      if (prepared.pdf && prepared.pdf.extraction.textless.length > 0) notes.push(`${prepared.pdf.extraction.textless.length} page(s) of its PDF have no text layer and were left as gaps`);
      outcome = { key, title, sourceId: id, how: 'pdf-imported', referenceId: null, filled: [], annotations: null, notes };
    } else {
      references.apply(plan);
      const added = plan.added[0];
      const filled = plan.references[0];
      if (prepared !== null) notes.push('it has no PDF attachment: kept as a reference without text, which can be cited');
      outcome = added
        ? { key, title, sourceId: null, how: 'reference-added', referenceId: added.item.id, filled: [], annotations: null, notes }
        : { key, title, sourceId: null, how: 'reference-filled', referenceId: filled?.referenceId ?? null, filled: filled?.filled ?? [], annotations: null, notes };
    }
    if (outcome.sourceId !== null && pdf) outcome.annotations = await this.#annotations(pdf, outcome.sourceId);
    return outcome;
  }

  // The PDF read for import, or null when none of its pages has a text layer (said in `notes`).
  async #prepared(pdf: ZoteroItem, notes: string[]): Promise<PreparedImport | null> {
    const { client, importer } = this.#deps;
    try {
      return await importer.prepareFile(await client.attachmentPath(pdf.key));
    } catch (error) {
      if (!(error instanceof ImportError) || error.code !== 'no-text-layer') throw error;
      notes.push(
        'its PDF has no text layer (it is a scan, whose words Apparatus cannot read): kept as a reference without text, which can be cited; ' +
          'to read it here, add a text layer with OCR (for example with the free program OCRmyPDF) and import the new file',
      );
      return null;
    }
  }

  async #annotations(pdf: ZoteroItem, sourceId: string): Promise<AnnotationImportSummary> {
    const externals: ExternalAnnotation[] = [];
    const skipped: SkippedRecord[] = [];
    for (const child of await this.#deps.client.children(pdf.key)) {
      if (child.data.itemType !== 'annotation') continue;
      const read = zoteroAnnotation(child.data);
      if ('reason' in read) skipped.push(read);
      else externals.push(read);
    }
    return new AnnotationImporter(this.#deps.corpus, this.#deps.annotations, this.#deps.tags).import(externals, { sourceId }, skipped);
  }
}

/** The PDF import's metadata from the item's: what the import form would take, checked as it checks it. */
function importMetadata(csl: CslItem): ImportMetadata {
  const metadata: ImportMetadata = { title: csl.title ?? 'Untitled', reliability: 'secondary' };
  const authors = (csl.author ?? []).filter((name: CslName) => !(name.literal ?? '').includes(',')).map(invertedName).filter((name) => name !== '');
  if (authors.length > 0) metadata.authors = authors;
  const parts = csl.issued?.['date-parts']?.[0];
  if (parts && typeof parts[0] === 'number') metadata.issued = parts.map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0')).join('-');
  if ((IMPORT_TYPES as readonly string[]).includes(csl.type)) metadata.type = csl.type;
  if (typeof csl['container-title'] === 'string') metadata.containerTitle = csl['container-title'];
  if (typeof csl.URL === 'string' && /^https?:\/\/\S+$/i.test(csl.URL)) metadata.url = csl.URL;
  for (const field of ['volume', 'issue', 'page'] as const) if (typeof csl[field] === 'string' && csl[field] !== '') metadata[field] = csl[field];
  if (typeof csl.DOI === 'string' && /^10\.\d{4,9}\/\S+$/u.test(csl.DOI)) metadata.DOI = csl.DOI;
  const issn = typeof csl.ISSN === 'string' ? /\b\d{4}-\d{3}[\dX]\b/i.exec(csl.ISSN)?.[0] : undefined;
  if (issn) metadata.ISSN = issn;
  return metadata;
}

// The item's text fields the import form does not take.
const EXTRA_FIELDS = ['publisher', 'publisher-place', 'language', 'title-short', 'archive', 'archive_location', 'call-number', 'genre', 'edition', 'collection-title', 'ISBN', 'number-of-pages', ZOTERO_KEY] as const;

/**
 * The item's fields the import form does not take, set afterwards with the metadata editor: the
 * publisher and language, where an archival document is kept (repository and shelfmark), a book's
 * edition and series, and the editors, translators, the book's author and the other people the
 * item names besides its authors, whom a letter's, a chapter's or an edition's citation needs.
 */
function extraFields(csl: CslItem): MetadataPatch {
  const extra: MetadataPatch = {};
  for (const field of EXTRA_FIELDS) {
    const value = csl[field];
    if (typeof value === 'string' && value.trim() !== '') extra[field] = value;
  }
  for (const role of NAME_ROLES) {
    const names = csl[role];
    if (Array.isArray(names) && names.length > 0) extra.names = { ...extra.names, [role]: names as CslName[] };
  }
  return extra;
}

function article(itemType: string): string {
  const names: Record<string, string> = { attachment: 'an attachment', note: 'a note', annotation: 'an annotation' };
  return names[itemType] ?? `a ${itemType}`;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { CleanedBody } from '../../../core/clean/cleaned-body.ts';
import { buildSource, type CleanerRegistry } from '../../../core/clean/build-source.ts';
import { cleaners } from '../../../core/clean/cleaners.ts';
import { detectForm, type DetectedForm } from '../../../core/clean/detect-form.ts';
import type { Recipe } from '../../../core/clean/recipe.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { readingTextOf } from '../../../core/corpus/reading-text.ts';
import { serializeSource } from '../../../core/corpus/serialize-source.ts';
import { AtomicWriteError } from '../atomic-write.ts';
import type { CorpusService } from '../corpus-service.ts';
import { htmlCleaner, sanitizeHtml } from './html-cleaner.ts';
import { ImportError } from './import-error.ts';
import { deriveId } from './import-id.ts';
import { checkImportMetadata, toCslItem, type ImportMetadata } from './import-metadata.ts';
import { DEFAULT_MAX_BYTES, readImportFile, type ImportFile } from './read-import-file.ts';
import { recipeText } from './recipe-text.ts';
import type { PdfExtraction } from './pdf/pdf-protocol.ts';
import { readPdf, type PdfProgress } from './pdf/read-pdf.ts';
import { allPagesTextless, textlessRefusal } from './pdf/textless.ts';

/** What `prepare` found in a file, for the user to confirm and complete before `commit`. */
export interface PreparedImport {
  /** The file's path, as given. */
  file: string;
  form: DetectedForm;
  /** Metadata the file itself states (front matter, `<meta>` tags, byline …). */
  found: Partial<CslItem>;
  /** Fields the user must still give: `title` when the file states none, always `reliability`. */
  missing: string[];
  /** Number of body blocks and of notes the cleaned source will have. */
  blocks: number;
  notes: number;
  /** An id free in the corpus folder, from the found author and year (or title, or file name). */
  suggestedId: string;
  /** For a PDF: what was read from it, and a hash of its bytes to notice a change before `commit`. */
  pdf?: { extraction: PdfExtraction; sha256: string };
}

/** What the user chose beyond the metadata. */
export interface ImportChoices {
  /** For a PDF with pages that have no text layer: import the pages that have text (the others become gaps). */
  textPagesOnly?: boolean;
}

/** How `prepareFile` reports progress and is stopped (PDFs only: other files are read at once). */
export interface PrepareOptions {
  onProgress?: (progress: PdfProgress) => void;
  signal?: AbortSignal;
}

/** Options of the import service. */
export interface ImportOptions {
  /** The size limit of the file in bytes; default 10 MB. */
  maxBytes?: number;
  /** The limit of the cleaned text in characters; default `DEFAULT_MAX_TEXT_CHARS`. */
  maxTextChars?: number;
  /** The clock, for the access date of web pages. */
  now?: () => Date;
  /** The size limit of a PDF in bytes; default 100 MB. */
  maxPdfBytes?: number;
  /** The PDF extraction worker's script, when it is not beside the service (the bundled app). */
  pdfWorkerFile?: string;
}

/**
 * How much cleaned text one source may hold: 2 million characters, a long book. The reader opens
 * a source this long without freezing the window for more than 200 ms (bench/huge-source.ts);
 * much longer ones freeze it for seconds, so they are refused with a request to split them.
 */
export const DEFAULT_MAX_TEXT_CHARS = 2_000_000;

// The build's cleaners, plus the HTML one, which needs a DOM and so lives in the main process.
const IMPORT_CLEANERS: CleanerRegistry = { ...cleaners, html: htmlCleaner };

/**
 * Imports a new `.txt`, `.md`, `.html` or `.pdf` file into the corpus: `prepare` (or, for any
 * file including PDFs, `prepareFile`) reads, checks and cleans it without writing; `commit` has
 * the corpus service write the raw copy, the recipe and the cleaned file, each atomically and
 * never over an existing file, leaving nothing behind if any step fails.
 * Every refusal is an `ImportError` whose message is written for the user.
 */
export class ImportService {
  readonly #corpus: CorpusService;
  readonly #maxBytes: number;
  readonly #maxTextChars: number;
  readonly #now: () => Date;
  readonly #options: ImportOptions;

  constructor(corpus: CorpusService, options: ImportOptions = {}) {
    this.#corpus = corpus;
    this.#options = options;
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
    this.#now = options.now ?? (() => new Date());
  }

  /** Reads, checks and cleans a file, and says what metadata is still needed. Writes nothing. */
  prepare(file: string): PreparedImport {
    if (extname(file).toLowerCase() === '.pdf') throw new Error('a PDF is read in a worker: use prepareFile');
    const { form, body } = this.#read(file);
    const missing = [...(body.found?.title ? [] : ['title']), 'reliability'];
    const found = body.found ?? {};
    return {
      file,
      form,
      found,
      missing,
      blocks: body.blocks.length,
      notes: body.notes.length,
      suggestedId: this.#corpus.uniqueId(deriveId(found, basename(file).replace(/\.[^.]*$/, ''))),
    };
  }

  /**
   * Reads, checks and cleans any importable file, a PDF included (in a worker thread, reporting
   * its progress page by page, stopped by `signal`). Writes nothing.
   */
  async prepareFile(file: string, options: PrepareOptions = {}): Promise<PreparedImport> {
    if (extname(file).toLowerCase() !== '.pdf') return this.prepare(file);
    const extraction = await readPdf(file, {
      maxBytes: this.#options.maxPdfBytes,
      workerFile: this.#options.pdfWorkerFile,
      onProgress: options.onProgress,
      signal: options.signal,
    });
    const name = basename(file);
    if (allPagesTextless(extraction)) throw textlessRefusal(name, extraction, 'all');
    this.#checkBody(name, 'pdf', extraction.body);
    const found = extraction.found;
    return {
      file,
      form: 'pdf',
      found,
      missing: [...(found.title ? [] : ['title']), 'reliability'],
      blocks: extraction.body.blocks.length,
      notes: extraction.body.notes.length,
      suggestedId: this.#corpus.uniqueId(deriveId(found, name.replace(/\.[^.]*$/, ''))),
      pdf: { extraction, sha256: sha256(readFileSync(file)) },
    };
  }

  /**
   * Adds the prepared file to the corpus with the user's metadata (which wins over what the file
   * states) and returns the new source's id. The file is read and cleaned again, so a file
   * changed since `prepare` is checked again. Writes `raw/<id>.<ext>` (for HTML, the page with
   * every script removed), `recipes/<id>.yml` and `<id>.md`.
   */
  commit(prepared: PreparedImport, metadata: ImportMetadata, choices: ImportChoices = {}): { id: string } {
    const checked = checkImportMetadata(metadata);
    const { file, form, body } = prepared.pdf ? this.#pdfRead(prepared, choices) : this.#read(prepared.file);
    const csl = toCslItem(body.found ?? {}, checked, form, this.#now());
    let id: string;
    if (checked.id !== undefined) {
      if (this.#corpus.idTaken(checked.id)) {
        throw new ImportError(
          'id-taken',
          `The corpus already has a source with the id “${checked.id}”. Choose another id; ` +
            'nothing was imported.',
        );
      }
      id = checked.id;
    } else {
      id = this.#corpus.uniqueId(deriveId(csl, basename(file.path).replace(/\.[^.]*$/, '')));
    }
    const rawName = `${id}.${file.extension}`;
    const rawText = form === 'html' ? sanitizeHtml(file.text) : undefined;
    const day = this.#now().toISOString().slice(0, 10);
    const caveats = prepared.pdf?.extraction.caveats ?? [];
    const recipe: Recipe = {
      raw: rawName,
      form,
      metadata: { csl: { ...csl, id } as CslItem, reliability: checked.reliability, ...(caveats.length > 0 ? { caveats } : {}) },
      withheld: [],
      corrections: [],
    };
    const cleaned = form === 'pdf' ? this.#build('', recipe, body) : this.#build(rawText ?? file.text, recipe);
    const origin = `Imported from “${basename(file.path)}” on ${day}${form === 'html' ? ' (scripts, styles and event handlers removed from the raw copy)' : ''}${pdfOrigin(prepared.pdf?.extraction)}.`;
    const recipeFile = recipeText({
      raw: rawName,
      form,
      csl: recipe.metadata.csl,
      reliability: checked.reliability,
      origin,
      caveats,
      ...(prepared.pdf ? { pageLabels: prepared.pdf.extraction.pageLabels } : {}),
    });
    try {
      this.#corpus.addSource(id, [
        { path: join('raw', rawName), data: rawText ?? file.bytes },
        { path: join('recipes', `${id}.yml`), data: recipeFile },
        { path: `${id}.md`, data: cleaned },
      ]);
    } catch (error) {
      if (error instanceof AtomicWriteError && error.code === 'file-exists') {
        throw new ImportError('id-taken', `Another source took the id “${id}” meanwhile; nothing was imported. Try again.`, {
          cause: error,
        });
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new ImportError('write-failed', `The source could not be added to the corpus folder, and nothing was kept: ${reason}`, {
        cause: error,
      });
    }
    return { id };
  }

  #read(path: string): { file: ImportFile; form: DetectedForm; body: CleanedBody } {
    const file = readImportFile(path, this.#maxBytes);
    const form = detectForm(basename(path), file.text);
    const cleaner = IMPORT_CLEANERS[form];
    let body: CleanedBody;
    try {
      if (!cleaner) throw new Error(`no cleaner for ${form}`);
      body = cleaner(file.text);
    } catch (error) {
      throw new ImportError(
        'no-text',
        `The text of “${basename(path)}” could not be cleaned as ${describeForm(form)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    this.#checkBody(basename(path), form, body);
    return { file, form, body };
  }

  // A PDF is not read again: its bytes must be those that were read, and pages without text
  // are imported only when the user chose so.
  #pdfRead(prepared: PreparedImport, choices: ImportChoices): { file: ImportFile; form: DetectedForm; body: CleanedBody } {
    const pdf = prepared.pdf as NonNullable<PreparedImport['pdf']>;
    const name = basename(prepared.file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(prepared.file);
    } catch (error) {
      throw new ImportError('unreadable', `The file “${name}” cannot be read any more: ${prepared.file}`, { cause: error });
    }
    if (sha256(bytes) !== pdf.sha256) {
      throw new ImportError('changed', `“${name}” changed after it was read; nothing was imported. Choose the file again.`);
    }
    if (pdf.extraction.textless.length > 0 && choices.textPagesOnly !== true) throw textlessRefusal(name, pdf.extraction, 'some');
    return { file: { path: prepared.file, extension: 'pdf', bytes, text: '' }, form: 'pdf', body: { ...pdf.extraction.body, found: pdf.extraction.found } };
  }

  #checkBody(name: string, form: DetectedForm, body: CleanedBody): void {
    if (body.blocks.length === 0) {
      throw new ImportError(
        'no-text',
        `No text was found in “${name}”: after cleaning it as ${describeForm(form)}, ` +
          'no paragraph is left. Check that the file holds the text of the source.',
      );
    }
    const length = readingTextOf(body.blocks, body.notes).text.length;
    if (length > this.#maxTextChars) {
      throw new ImportError(
        'too-large',
        `The text of “${name}” is too long for one source: ${millions(length)} characters ` +
          `once cleaned, over the limit of ${millions(this.#maxTextChars)}. Split it into parts ` +
          '(for example one per chapter) and import each.',
      );
    }
  }

  #build(raw: string, recipe: Recipe, pdfBody?: CleanedBody): string {
    const cleaners: CleanerRegistry = pdfBody ? { ...IMPORT_CLEANERS, pdf: () => pdfBody } : IMPORT_CLEANERS;
    try {
      return serializeSource(buildSource(raw, recipe, cleaners));
    } catch (error) {
      throw new ImportError(
        'no-text',
        `The cleaned source could not be written in the corpus format: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

function describeForm(form: DetectedForm): string {
  const names: Record<DetectedForm, string> = {
    html: 'a web page',
    markdown: 'Markdown',
    plain: 'plain text',
    wikitext: 'WikiText',
    'pdf-text': 'text extracted from a PDF',
    paraphrase: 'a paraphrase',
    'web-page': 'a copied web page',
    pdf: 'a PDF',
  };
  return names[form];
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// What the recipe's comment records about how a PDF's pages were read.
function pdfOrigin(extraction: PdfExtraction | undefined): string {
  if (!extraction) return '';
  const pages = { 'pdf-labels': 'the PDF’s page labels', 'printed-numbers': 'the page numbers printed in its running heads', 'page-index': 'the PDF’s page count (no printed pages known)' };
  const textless = extraction.textless.length > 0 ? `; ${extraction.textless.length} page(s) without a text layer left as gaps` : '';
  return ` (${extraction.pages} pages, pages from ${pages[extraction.labelSource]}${textless})`;
}

/** A character count for people: "2 million", "3.4 million", "850,000". */
function millions(count: number): string {
  if (count < 1_000_000) return count.toLocaleString('en');
  return `${Number((count / 1_000_000).toFixed(1))} million`;
}

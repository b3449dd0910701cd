import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { CleanedBody } from '../../../core/clean/cleaned-body.ts';
import { buildSource, type CleanerRegistry } from '../../../core/clean/build-source.ts';
import { cleaners } from '../../../core/clean/cleaners.ts';
import type { DetectedForm } from '../../../core/clean/detect-form.ts';
import { encodingName, sameReading, type ConvertibleEncoding } from '../../../core/clean/encodings.ts';
import type { Recipe } from '../../../core/clean/recipe.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { serializeSource } from '../../../core/corpus/serialize-source.ts';
import { AtomicWriteError } from '../atomic-write.ts';
import type { CorpusService } from '../corpus-service.ts';
import { checkBody, cleanImportFile, cutBytes, sha256, type CleanedFile, type CleanFileInput, type CleanProgress, type CleanStage } from './clean-file.ts';
import { refusalError, type CleanRefusal } from './clean-protocol.ts';
import { ImportError } from './import-error.ts';
import { deriveId } from './import-id.ts';
import { checkImportMetadata, toCslItem, type ImportMetadata } from './import-metadata.ts';
import { DEFAULT_MAX_BYTES, checkedExtension, checkedSize, sniffImportFile } from './read-import-file.ts';
import { recipeText } from './recipe-text.ts';
import { runWorker } from './run-worker.ts';
import { findWorkerFile } from './worker-file.ts';
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
  /** Facts the source will carry as caveats (nesting flattened, pages that are not printed pages). */
  caveats: string[];
  /** What the user should read before adding the file: the caveats, and anything the reading passed over (not the conversion). */
  notices: string[];
  /**
   * For a text file that is not UTF-8: the encoding it is converted from, and whether the user
   * confirmed it when asking for the preparation; `commit` needs the confirmation otherwise.
   */
  conversion?: { from: ConvertibleEncoding; confirmed: boolean };
  /** For a text file: what cleaning it gave, kept for `commit`, which checks the file is unchanged. */
  cleaned?: CleanedFile;
  /** For a PDF: what was read from it, and a hash of its bytes to notice a change before `commit`. */
  pdf?: { extraction: PdfExtraction; sha256: string };
}

/** What the user chose beyond the metadata. */
export interface ImportChoices {
  /** For a PDF with pages that have no text layer: import the pages that have text (the others become gaps). */
  textPagesOnly?: boolean;
  /** For a file that is not UTF-8: the encoding the user confirmed converting it from. */
  encoding?: ConvertibleEncoding;
}

/** How far reading a file has come: pages of a PDF, or the stage a text file is at (1 of 2, 2 of 2). */
export interface ImportStepProgress extends PdfProgress {
  /** For a text file: "reading" or "cleaning". */
  stage?: CleanStage;
  /** How far into its stage a text file is, from 0 to 1, where the cleaning can tell (a large web page). */
  fraction?: number;
}

/** How `prepareFile` reports progress, is stopped, and reads a file that is not UTF-8. */
export interface PrepareOptions {
  onProgress?: (progress: ImportStepProgress) => void;
  signal?: AbortSignal;
  /** The encoding the user confirmed for a text file that is not UTF-8 (`--encoding`). */
  encoding?: ConvertibleEncoding;
  /** Prepare a file in a convertible encoding without confirmation: the preview names the encoding and `commit` asks for it. */
  previewConversion?: boolean;
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
  /** The text cleaning worker's script, when it is not beside the service (the bundled app). */
  cleanWorkerFile?: string;
  /** How long cleaning one text file may take before it is stopped; default `DEFAULT_CLEAN_TIME_MS`. */
  cleanTimeMs?: number;
  /**
   * Read web pages with more markup than this many characters as a stream instead of cleaning them;
   * default `APPARATUS_LARGE_PAGE_CHARS` from the environment (for tests of real processes), else
   * `LARGE_PAGE_CHARS`.
   */
  largePageChars?: number;
}

/**
 * How much cleaned text one source may hold: 2 million characters, a long book. The reader opens
 * a source this long without freezing the window for more than 200 ms (bench/huge-source.ts);
 * much longer ones freeze it for seconds, so they are refused with a request to split them.
 */
export const DEFAULT_MAX_TEXT_CHARS = 2_000_000;

/**
 * How long cleaning one text file may take: 2 minutes. A 10 MB web page, the largest imported,
 * cleans in seconds (bench/import.ts); a file that takes longer is built in a way no reader
 * expects and is stopped with a message rather than left to run.
 */
export const DEFAULT_CLEAN_TIME_MS = 120_000;

/**
 * The young generation of the cleaning worker's heap: 2 MB. Cleaning makes a great many short-lived
 * objects (a parser's tokens and attribute records, the pieces of each written block); a larger young
 * generation only holds them longer before they are collected, and its pages count in the import's
 * peak memory. With 2 MB instead of V8's default, a 9 MB page's import peaks about 25 MB lower and a
 * 2 MB page's cleaned with a DOM about 80 MB lower, in the same time (bench/import.ts).
 */
const CLEAN_YOUNG_GENERATION_MB = 2;

/**
 * Imports a new `.txt`, `.md`, `.html` or `.pdf` file into the corpus: `prepareFile` reads, checks
 * and cleans it in a worker thread (so the window never stalls), once, without writing; `commit`
 * checks that the file is unchanged and has the corpus service write the raw copy, the recipe and
 * the cleaned file, each atomically and never over an existing file, leaving nothing behind if any
 * step fails. Every refusal is an `ImportError` whose message is written for the user.
 */
export class ImportService {
  readonly #corpus: CorpusService;
  readonly #maxBytes: number;
  readonly #maxTextChars: number;
  readonly #now: () => Date;
  readonly #options: ImportOptions;
  readonly #largePageChars: number | undefined;

  constructor(corpus: CorpusService, options: ImportOptions = {}) {
    this.#corpus = corpus;
    this.#options = options;
    this.#largePageChars = options.largePageChars ?? largePageCharsFromEnvironment();
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Reads, checks and cleans a text file in this thread (scripts and tests; the app and the
   * command line use `prepareFile`), and says what metadata is still needed. Writes nothing.
   */
  prepare(file: string, options: Pick<PrepareOptions, 'encoding' | 'previewConversion'> = {}): PreparedImport {
    if (extname(file).toLowerCase() === '.pdf') throw new Error('a PDF is read in a worker: use prepareFile');
    // Refused before the file is read: a reader of the group would wait only to be told no.
    this.#corpus.assertWritable('sources');
    return this.#prepared(file, cleanImportFile(this.#cleanInput(file, options)), options.encoding !== undefined);
  }

  /**
   * Reads, checks and cleans any importable file in a worker thread, reporting its progress (a
   * PDF's pages, a text file's stages), stopped by `signal`, and within the time budget for a text
   * file. Writes nothing.
   */
  async prepareFile(file: string, options: PrepareOptions = {}): Promise<PreparedImport> {
    this.#corpus.assertWritable('sources');
    if (extname(file).toLowerCase() === '.pdf') return this.#preparePdf(file, options);
    const name = basename(file);
    // What needs only the file's size and first bytes is refused here, at once.
    checkedExtension(file);
    sniffImportFile(file, checkedSize(file, this.#maxBytes));
    const workerFile = this.#options.cleanWorkerFile ?? findWorkerFile(typeof import.meta.url === 'string' ? import.meta.url : undefined, 'clean-worker');
    if (workerFile === undefined) throw new Error('the import worker script cannot be found');
    const timeMs = this.#options.cleanTimeMs ?? DEFAULT_CLEAN_TIME_MS;
    const cleaned = await runWorker<CleanProgress, CleanedFile, CleanRefusal>(workerFile, this.#cleanInput(file, options), {
      onProgress: ({ stage, fraction }) =>
        options.onProgress?.({ done: stage === 'reading' ? 0 : 1 + (fraction ?? 0), total: 2, stage, ...(fraction === undefined ? {} : { fraction }) }),
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: timeMs,
      resourceLimits: { maxYoungGenerationSizeMb: CLEAN_YOUNG_GENERATION_MB },
      refused: (refusal) => refusalError(refusal, name),
      cancelled: () => new ImportError('cancelled', `The import of “${name}” was cancelled; nothing was imported.`),
      timedOut: () =>
        new ImportError(
          'too-slow',
          `Cleaning “${name}” took longer than ${Math.round(timeMs / 1000)} seconds, so Apparatus stopped it; nothing was imported. ` +
            'The file is built in an unusual way (a web page nested very deeply, or of extraordinary size): open it in a browser, ' +
            'save or copy only the article’s text, and import that.',
        ),
      crashed: (detail) =>
        new ImportError('no-text', `Apparatus could not clean “${name}”: its reader stopped (${detail}). Nothing was imported.`),
    });
    options.onProgress?.({ done: 2, total: 2, stage: 'cleaning' });
    return this.#prepared(file, cleaned, options.encoding !== undefined);
  }

  /**
   * Adds the prepared file to the corpus with the user's metadata (which wins over what the file
   * states) and returns the new source's id. The file is not cleaned again: its bytes must be
   * those that were prepared (else `changed`), and a conversion the user has not yet confirmed
   * needs `choices.encoding`. Writes `raw/<id>.<ext>` (for HTML, the page with every script
   * removed; for a converted file, its text in UTF-8), `recipes/<id>.yml` and `<id>.md`.
   */
  commit(prepared: PreparedImport, metadata: ImportMetadata, choices: ImportChoices = {}): { id: string } {
    const checked = checkImportMetadata(metadata);
    const name = basename(prepared.file);
    const conversion = prepared.conversion;
    if (conversion && !conversion.confirmed && (choices.encoding === undefined || !sameReading(choices.encoding, conversion.from))) {
      throw new ImportError(
        'needs-conversion',
        `“${name}” is in ${encodingName(conversion.from)}: confirm converting it to UTF-8 to import it. Nothing was imported.`,
      );
    }
    const bytes = this.#unchanged(prepared);
    const cleaned = prepared.cleaned as CleanedFile;
    const { form, body, raw, extension } = prepared.pdf
      ? this.#pdfBody(prepared, choices)
      : { ...cleaned, body: { blocks: [], notes: [], ...(cleaned.body.found ? { found: cleaned.body.found } : {}) }, raw: rawCopy(cleaned, bytes) };
    const csl = toCslItem(body.found ?? {}, checked, form, this.#now());
    const id = this.#newId(checked.id, csl, name);
    const rawName = `${id}.${extension}`;
    const day = this.#now().toISOString().slice(0, 10);
    const caveats = prepared.caveats;
    const recipe: Recipe = {
      raw: rawName,
      form,
      metadata: { csl: { ...csl, id } as CslItem, reliability: checked.reliability, ...(caveats.length > 0 ? { caveats } : {}) },
      withheld: [],
      corrections: [],
    };
    // A text file's body was written in the corpus format when it was cleaned: only its front matter is written now.
    const cleanedText = prepared.pdf ? this.#build(recipe, body) : [Buffer.from(this.#build(recipe, body), 'utf8'), cleaned.body.text];
    const converted = conversion ? ` (converted from ${encodingName(conversion.from)} to UTF-8)` : '';
    const origin = `Imported from “${name}”${converted} on ${day}${form === 'html' ? ' (scripts, styles and event handlers removed from the raw copy)' : ''}${pdfOrigin(prepared.pdf?.extraction)}.`;
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
        { path: join('raw', rawName), data: raw ?? bytes },
        { path: join('recipes', `${id}.yml`), data: recipeFile },
        { path: `${id}.md`, data: cleanedText },
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

  #cleanInput(file: string, options: Pick<PrepareOptions, 'encoding' | 'previewConversion'>): CleanFileInput {
    return {
      path: file,
      maxBytes: this.#maxBytes,
      maxTextChars: this.#maxTextChars,
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(options.previewConversion ? { preview: true } : {}),
      ...(this.#largePageChars === undefined ? {} : { largePageChars: this.#largePageChars }),
    };
  }

  #prepared(file: string, cleaned: CleanedFile, confirmed: boolean): PreparedImport {
    const { body, form } = cleaned;
    const found = body.found ?? {};
    const caveats = body.caveats ?? [];
    const conversion = cleaned.encoding === undefined ? undefined : { from: cleaned.encoding, confirmed };
    const notices = [...caveats, ...(body.notices ?? [])];
    return {
      file,
      form,
      found,
      missing: [...(found.title ? [] : ['title']), 'reliability'],
      blocks: body.blocks,
      notes: body.notes,
      suggestedId: this.#corpus.uniqueId(deriveId(found, basename(file).replace(/\.[^.]*$/, ''))),
      caveats,
      notices,
      ...(conversion ? { conversion } : {}),
      cleaned,
    };
  }

  async #preparePdf(file: string, options: PrepareOptions): Promise<PreparedImport> {
    const extraction = await readPdf(file, {
      maxBytes: this.#options.maxPdfBytes,
      workerFile: this.#options.pdfWorkerFile,
      onProgress: options.onProgress,
      signal: options.signal,
    });
    const name = basename(file);
    if (allPagesTextless(extraction)) throw textlessRefusal(name, extraction, 'all');
    checkBody(name, 'pdf', extraction.body, this.#maxTextChars);
    const found = extraction.found;
    return {
      file,
      form: 'pdf',
      found,
      missing: [...(found.title ? [] : ['title']), 'reliability'],
      blocks: extraction.body.blocks.length,
      notes: extraction.body.notes.length,
      suggestedId: this.#corpus.uniqueId(deriveId(found, name.replace(/\.[^.]*$/, ''))),
      caveats: extraction.caveats,
      notices: [...extraction.caveats],
      pdf: { extraction, sha256: sha256(readFileSync(file)) },
    };
  }

  // The file's bytes, which must be those that were prepared: a file changed since is read again.
  #unchanged(prepared: PreparedImport): Buffer {
    const name = basename(prepared.file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(prepared.file);
    } catch (error) {
      throw new ImportError('unreadable', `The file “${name}” cannot be read any more: ${prepared.file}`, { cause: error });
    }
    const expected = prepared.pdf?.sha256 ?? prepared.cleaned?.sha256;
    if (sha256(bytes) !== expected) {
      throw new ImportError('changed', `“${name}” changed after it was read; nothing was imported. Choose the file again.`);
    }
    return bytes;
  }

  // A PDF's pages without text are imported only when the user chose so.
  #pdfBody(prepared: PreparedImport, choices: ImportChoices): { form: DetectedForm; body: CleanedBody; raw: undefined; extension: string } {
    const pdf = prepared.pdf as NonNullable<PreparedImport['pdf']>;
    if (pdf.extraction.textless.length > 0 && choices.textPagesOnly !== true) throw textlessRefusal(basename(prepared.file), pdf.extraction, 'some');
    return { form: 'pdf', body: { ...pdf.extraction.body, found: pdf.extraction.found }, raw: undefined, extension: 'pdf' };
  }

  #newId(given: string | undefined, csl: Omit<CslItem, 'id'>, name: string): string {
    if (given === undefined) return this.#corpus.uniqueId(deriveId(csl, name.replace(/\.[^.]*$/, '')));
    if (this.#corpus.idTaken(given)) {
      throw new ImportError('id-taken', `The corpus already has a source with the id “${given}”. Choose another id; nothing was imported.`);
    }
    return given;
  }

  // The cleaned file, from the body cleaned when the file was prepared: never cleaned again.
  #build(recipe: Recipe, body: CleanedBody): string {
    const registry: CleanerRegistry = { ...cleaners, [recipe.form]: () => body };
    try {
      return serializeSource(buildSource('', recipe, registry));
    } catch (error) {
      throw new ImportError('no-text', `The cleaned source could not be written in the corpus format: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}

// The raw copy to write: the file's bytes as they are (undefined), text, or the file's bytes with cuts.
function rawCopy(cleaned: CleanedFile, bytes: Buffer): string | Uint8Array[] | undefined {
  return cleaned.rawCuts ? cutBytes(bytes, cleaned.rawCuts) : cleaned.raw;
}

// A smaller threshold for large pages, set by tests that run the app or the command line as processes.
function largePageCharsFromEnvironment(): number | undefined {
  const value = Number(process.env.APPARATUS_LARGE_PAGE_CHARS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

// What the recipe's comment records about how a PDF's pages were read.
function pdfOrigin(extraction: PdfExtraction | undefined): string {
  if (!extraction) return '';
  const pages = { 'pdf-labels': 'the PDF’s page labels', 'printed-numbers': 'the page numbers printed in its running heads', 'page-index': 'the PDF’s page count (no printed pages known)' };
  const textless = extraction.textless.length > 0 ? `; ${extraction.textless.length} page(s) without a text layer left as gaps` : '';
  return ` (${extraction.pages} pages, pages from ${pages[extraction.labelSource]}${textless})`;
}

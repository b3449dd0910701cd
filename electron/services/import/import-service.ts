import { basename, join } from 'node:path';
import type { CleanedBody } from '../../../core/clean/cleaned-body.ts';
import { buildSource, type CleanerRegistry } from '../../../core/clean/build-source.ts';
import { cleaners } from '../../../core/clean/index.ts';
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
}

/** Options of the import service. */
export interface ImportOptions {
  /** The size limit of the file in bytes; default 10 MB. */
  maxBytes?: number;
  /** The limit of the cleaned text in characters; default `DEFAULT_MAX_TEXT_CHARS`. */
  maxTextChars?: number;
  /** The clock, for the access date of web pages. */
  now?: () => Date;
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
 * Imports a new `.txt`, `.md` or `.html` file into the corpus: `prepare` reads, checks and
 * cleans it without writing; `commit` has the corpus service write the raw copy, the recipe and
 * the cleaned file, each atomically and never over an existing file, leaving nothing behind if
 * any step fails.
 * Every refusal is an `ImportError` whose message is written for the user.
 */
export class ImportService {
  readonly #corpus: CorpusService;
  readonly #maxBytes: number;
  readonly #maxTextChars: number;
  readonly #now: () => Date;

  constructor(corpus: CorpusService, options: ImportOptions = {}) {
    this.#corpus = corpus;
    this.#maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
    this.#now = options.now ?? (() => new Date());
  }

  /** Reads, checks and cleans a file, and says what metadata is still needed. Writes nothing. */
  prepare(file: string): PreparedImport {
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
   * Adds the prepared file to the corpus with the user's metadata (which wins over what the file
   * states) and returns the new source's id. The file is read and cleaned again, so a file
   * changed since `prepare` is checked again. Writes `raw/<id>.<ext>` (for HTML, the page with
   * every script removed), `recipes/<id>.yml` and `<id>.md`.
   */
  commit(prepared: PreparedImport, metadata: ImportMetadata): { id: string } {
    const checked = checkImportMetadata(metadata);
    const { file, form, body } = this.#read(prepared.file);
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
    const recipe: Recipe = {
      raw: rawName,
      form,
      metadata: { csl: { ...csl, id } as CslItem, reliability: checked.reliability },
      withheld: [],
      corrections: [],
    };
    const cleaned = this.#build(rawText ?? file.text, recipe);
    const origin = `Imported from “${basename(file.path)}” on ${day}${form === 'html' ? ' (scripts, styles and event handlers removed from the raw copy)' : ''}.`;
    const recipeFile = recipeText({
      raw: rawName,
      form,
      csl: recipe.metadata.csl,
      reliability: checked.reliability,
      origin,
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
    if (body.blocks.length === 0) {
      throw new ImportError(
        'no-text',
        `No text was found in “${basename(path)}”: after cleaning it as ${describeForm(form)}, ` +
          'no paragraph is left. Check that the file holds the text of the source.',
      );
    }
    const length = readingTextOf(body.blocks, body.notes).text.length;
    if (length > this.#maxTextChars) {
      throw new ImportError(
        'too-large',
        `The text of “${basename(path)}” is too long for one source: ${millions(length)} characters ` +
          `once cleaned, over the limit of ${millions(this.#maxTextChars)}. Split it into parts ` +
          '(for example one per chapter) and import each.',
      );
    }
    return { file, form, body };
  }

  #build(raw: string, recipe: Recipe): string {
    try {
      return serializeSource(buildSource(raw, recipe, IMPORT_CLEANERS as CleanerRegistry));
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
  };
  return names[form];
}

/** A character count for people: "2 million", "3.4 million", "850,000". */
function millions(count: number): string {
  if (count < 1_000_000) return count.toLocaleString('en');
  return `${Number((count / 1_000_000).toFixed(1))} million`;
}

/**
 * The PDF a source was imported from, for the page view: found through the source's recipe (its
 * `raw` file, form `pdf`), with the printed page of each PDF page the import recorded there. Only
 * ever a file in the corpus folder's `raw/`, named by the recipe; the page names a source id.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import type { SourcePdfInfo } from '../../core/api.ts';
import { parseRecipe, type Recipe } from '../../core/clean/recipe.ts';
import { DomainError } from '../../core/errors.ts';
import type { CorpusService } from './corpus-service.ts';

const PageLabels = v.array(v.nullable(v.pipe(v.string(), v.maxLength(100))));

/** Reads the PDFs of the corpus's sources. */
export class SourcePdfs {
  readonly #corpus: CorpusService;

  constructor(corpus: CorpusService) {
    this.#corpus = corpus;
  }

  /** What the page view needs to know of source `id`'s PDF; null when it was not imported from one. */
  info(id: string): SourcePdfInfo | null {
    const found = this.#find(id);
    if (!found) return null;
    const labels = v.safeParse(PageLabels, found.recipe.options?.pageLabels);
    return { bytes: statSync(found.file).size, pageLabels: labels.success ? labels.output : null };
  }

  /** The bytes of source `id`'s PDF; `not-found` when it has none. */
  async data(id: string): Promise<Uint8Array> {
    const found = this.#find(id);
    if (!found) throw new DomainError('not-found', `“${this.#title(id)}” was not imported from a PDF, so there is no page to show.`);
    const bytes = await readFile(found.file);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  #find(id: string): { recipe: Recipe; file: string } | null {
    // Checks the id and that the source exists (not-found otherwise).
    this.#corpus.get(id);
    const recipeFile = join(this.#corpus.folder, 'recipes', `${id}.yml`);
    if (!existsSync(recipeFile)) return null;
    let recipe: Recipe;
    try {
      recipe = parseRecipe(readFileSync(recipeFile, 'utf8'), `recipes/${id}.yml`);
    } catch (error) {
      throw new DomainError('corpus-unreadable', `The recipe of “${this.#title(id)}” cannot be read, so its PDF cannot be found: ${(error as Error).message}`, { cause: error });
    }
    if (recipe.form !== 'pdf' || !/^[^/\\]+\.pdf$/iu.test(recipe.raw)) return null;
    const file = join(this.#corpus.folder, 'raw', recipe.raw);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new DomainError('not-found', `The PDF of “${this.#title(id)}” is missing from the corpus folder: raw/${recipe.raw} is not there any more.`);
    }
    return { recipe, file };
  }

  #title(id: string): string {
    return this.#corpus.source(id)?.meta.csl.title ?? id;
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { applyMetadataPatch, type MetadataPatch } from '../../core/corpus/metadata-patch.ts';
import type { CslItem } from '../../core/corpus/model.ts';
import { parseSource } from '../../core/corpus/parse-source.ts';
import { serializeSource } from '../../core/corpus/serialize-source.ts';
import { SOURCE_ID_PATTERN } from '../../core/corpus/front-matter-schema.ts';
import { UserFacingError } from '../errors.ts';
import { writeFileAtomic } from './write-file.ts';

// The body is everything after the closing line of the front matter.
function bodyOf(text: string): string {
  const end = text.indexOf('\n---\n', 4);
  return end < 0 ? text : text.slice(end + 5);
}

/**
 * Edits a source's metadata in its cleaned file's front matter, and in its recipe when it has
 * one (so `npm run corpus` keeps the edit). The body is never touched: the new file is refused if
 * its body would differ by a single character. Both files are written atomically.
 */
export class MetadataService {
  readonly #folder: string;

  constructor(corpusFolder: string) {
    this.#folder = corpusFolder;
  }

  /** Applies the patch; returns the new metadata. */
  update(id: string, patch: MetadataPatch): CslItem {
    if (!SOURCE_ID_PATTERN.test(id)) throw new UserFacingError('not-found', `There is no source "${id}" in the corpus.`);
    const file = join(this.#folder, `${id}.md`);
    if (!existsSync(file)) throw new UserFacingError('not-found', `There is no source "${id}" in the corpus.`);
    const text = readFileSync(file, 'utf8');
    const source = parseSource(text);
    const csl = applyMetadataPatch(source.meta.csl, patch);
    const next = serializeSource({ ...source, meta: { ...source.meta, csl } });
    if (bodyOf(next) !== bodyOf(text)) {
      throw new UserFacingError('internal', 'Saving these details would change the text of the source, so nothing was saved.');
    }
    const recipe = join(this.#folder, 'recipes', `${id}.yml`);
    const recipeBefore = existsSync(recipe) ? readFileSync(recipe, 'utf8') : null;
    if (recipeBefore !== null) writeFileAtomic(recipe, new TextEncoder().encode(updatedRecipe(recipeBefore, source.meta.csl, csl)), { overwrite: true });
    try {
      writeFileAtomic(file, new TextEncoder().encode(next), { overwrite: true });
    } catch (error) {
      // Keep the two files in step: put the recipe back if the source could not be written.
      if (recipeBefore !== null) writeFileAtomic(recipe, new TextEncoder().encode(recipeBefore), { overwrite: true });
      throw error;
    }
    return csl;
  }
}

// Rewrites only the changed metadata variables, keeping the recipe's comments and layout.
function updatedRecipe(text: string, before: CslItem, after: CslItem): string {
  const document = parseDocument(text);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'id' || JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    // null tells the build the variable is known to be absent, so a cleaner may not fill it in.
    if (after[key] === undefined) document.setIn(['metadata', key], null);
    else document.setIn(['metadata', key], after[key]);
  }
  return document.toString();
}

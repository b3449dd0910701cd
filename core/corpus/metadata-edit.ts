/**
 * A metadata edit as new file contents: the cleaned file with new front matter (its body never
 * touched) and its recipe with only the changed variables rewritten, keeping comments and layout.
 */
import { parseDocument } from 'yaml';
import { DomainError } from '../errors.ts';
import { applyMetadataPatch, type MetadataPatch } from './metadata-patch.ts';
import type { CslItem, Source } from './model.ts';
import { serializeSource } from './serialize-source.ts';

/** The outcome of an edit: the new metadata and the new texts of the source file and its recipe. */
export interface MetadataEdit {
  csl: CslItem;
  sourceText: string;
  /** The new recipe, or undefined when the source has none. */
  recipeText: string | undefined;
}

// The body is everything after the closing line of the front matter.
function bodyOf(text: string): string {
  const end = text.indexOf('\n---\n', 4);
  return end < 0 ? text : text.slice(end + 5);
}

/**
 * Applies `patch` to `source` (parsed from `text`). Throws `MetadataError` for bad metadata, and
 * refuses (`internal`) an edit that would change a single character of the body.
 */
export function editMetadata(source: Source, text: string, patch: MetadataPatch, recipe: string | undefined): MetadataEdit {
  const csl = applyMetadataPatch(source.meta.csl, patch);
  const sourceText = serializeSource({ ...source, meta: { ...source.meta, csl } });
  if (bodyOf(sourceText) !== bodyOf(text)) {
    throw new DomainError('internal', 'Saving these details would change the text of the source, so nothing was saved.');
  }
  return { csl, sourceText, recipeText: recipe === undefined ? undefined : updatedRecipe(recipe, source.meta.csl, csl) };
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

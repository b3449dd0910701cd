/**
 * Test support for the PDF-text cleaner: runs a corpus recipe on its raw seed (corrections first,
 * as the corpus build does) and renders inline content in a compact, readable markup.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CleanedBody } from '../../../../core/clean/cleaned-body.ts';
import { cleanPdfText, type PdfTextOptions } from '../../../../core/clean/pdf-text/pdf-text.ts';
import type { Block, Inline } from '../../../../core/corpus/model.ts';

/** A manual correction as a recipe writes it. */
export interface RecipeCorrection {
  original: string;
  replacement: string;
  reason: string;
  count?: number;
}

/** The parts of a recipe these tests use. */
export interface Recipe {
  raw: string;
  form: string;
  options?: PdfTextOptions;
  metadata: Record<string, unknown>;
  corrections?: RecipeCorrection[];
}

const root = new URL('../../../../', import.meta.url);

/** Reads `corpus/recipes/<id>.yml`. */
export function readRecipe(id: string): Recipe {
  return parse(readFileSync(new URL(`corpus/recipes/${id}.yml`, root), 'utf8')) as Recipe;
}

/** Reads a raw seed from `corpus/raw/`. */
export function readRaw(file: string): string {
  return readFileSync(new URL(`corpus/raw/${file}`, root), 'utf8');
}

/**
 * Applies corrections in order, as the build does: each `original` must occur exactly `count`
 * times (default 1) in the text as it stands, else this throws.
 */
export function applyCorrections(raw: string, corrections: readonly RecipeCorrection[]): string {
  let text = raw;
  for (const { original, replacement, count = 1 } of corrections) {
    const found = text.split(original).length - 1;
    if (found !== count) throw new Error(`"${original}" occurs ${found} times, expected ${count}`);
    text = text.split(original).join(replacement);
  }
  return text;
}

/** Cleans a corpus source from its recipe: corrections, then `cleanPdfText` with its options. */
export function cleanFromRecipe(id: string): CleanedBody {
  const recipe = readRecipe(id);
  const raw = applyCorrections(readRaw(recipe.raw), recipe.corrections ?? []);
  return cleanPdfText(raw, recipe.options);
}

/** Renders inlines: text as is, `{{page:L}}`, `[^L]`, `{{gap}}`; emphasis and links unmarked. */
export function markup(content: readonly Inline[]): string {
  return content
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return inline.text;
        case 'page':
          return `{{page:${inline.label}}}`;
        case 'noteRef':
          return `[^${inline.label}]`;
        case 'gap':
          return '{{gap}}';
        case 'marker':
          return `{{marker:${inline.label}}}`;
      }
    })
    .join('');
}

/** The reading text of a block: its text runs only. */
export function textOf(block: Block): string {
  return block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
}

/** Every block of a cleaned body, body first, then the paragraphs of the notes. */
export function allBlocks(body: CleanedBody): Block[] {
  return [...body.blocks, ...body.notes.flatMap((note) => note.blocks)];
}

/** The whole body as markup, one block per line. */
export function bodyMarkup(body: CleanedBody): string {
  return body.blocks.map((block) => markup(block.content)).join('\n');
}

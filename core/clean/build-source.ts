import type { CslItem, Source, SourceMeta } from '../corpus/model.ts';
import { normalizeSource } from '../corpus/normalize-source.ts';
import { serializeSource } from '../corpus/serialize-source.ts';
import type { CleanedBody, Cleaner, RawForm } from './cleaned-body.ts';
import { applyCorrections } from './corrections.ts';
import type { Recipe } from './recipe.ts';
import { DomainError } from '../errors.ts';

/** Why a source could not be built. */
export type BuildErrorCode = 'no-cleaner' | 'cleaner-failed';

/** A source that cannot be built: no cleaner exists for its form yet, or the cleaner failed. */
export class BuildError extends DomainError<BuildErrorCode> {
  override name = 'BuildError';
}

/** The cleaners the build may use, by raw form; a form without a cleaner yet maps to undefined. */
export type CleanerRegistry = Record<RawForm, Cleaner | undefined>;

/**
 * Builds a Source from a raw text and its recipe: applies the corrections to the raw text, runs
 * the cleaner for the recipe's form (with the recipe's `options`, if any, as second argument),
 * lays the cleaner's `found` metadata under the recipe's (the recipe wins; variables it withholds
 * stay absent), records the corrections (without `count`) as the `cleaning` log, and numbers the
 * blocks. The result is normalised, so it equals
 * what `parseSource` reads back from `buildCleanedFile`. Throws a `CorrectionError` for a
 * correction that does not match and a `BuildError` when there is no cleaner or it fails.
 */
export function buildSource(raw: string, recipe: Recipe, cleaners: CleanerRegistry): Source {
  const corrected = applyCorrections(raw, recipe.corrections);
  const cleaner = cleaners[recipe.form];
  if (!cleaner) {
    throw new BuildError('no-cleaner', `there is no cleaner for the form "${recipe.form}" yet`);
  }
  let body: CleanedBody;
  try {
    body = cleaner(corrected, recipe.options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `the ${recipe.form} cleaner failed: ${reason}`;
    throw new BuildError('cleaner-failed', message, { cause: error });
  }
  const found: Record<string, unknown> = { ...body.found };
  for (const key of recipe.withheld) delete found[key];
  for (const [key, value] of Object.entries(found)) {
    if (value === undefined || value === null) delete found[key];
  }
  const csl = { ...found, ...recipe.metadata.csl } as CslItem;
  const meta: SourceMeta = {
    ...recipe.metadata,
    csl,
    cleaning: recipe.corrections.map((c) => ({
      original: c.original,
      replacement: c.replacement,
      reason: c.reason,
    })),
  };
  return normalizeSource({ id: csl.id, meta, blocks: body.blocks, notes: body.notes });
}

/** The text of `corpus/<id>.md` for a raw text and recipe: `serializeSource(buildSource(…))`. */
export function buildCleanedFile(raw: string, recipe: Recipe, cleaners: CleanerRegistry): string {
  return serializeSource(buildSource(raw, recipe, cleaners));
}

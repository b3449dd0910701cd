import * as v from 'valibot';
import { APPARATUS_KEYS, metadataSchema, toSourceMeta } from '../corpus/front-matter-schema.ts';
import type { SourceMeta } from '../corpus/model.ts';
import { isMapping, readYaml } from '../corpus/read-yaml.ts';
import { describeIssues } from '../corpus/schema-issues.ts';
import { DomainError } from '../errors.ts';
import type { RawForm } from './cleaned-body.ts';
import type { CountedCorrection } from './corrections.ts';

/**
 * What the corpus build needs to know about one source and no rule can decide (corpus/README.md):
 * the raw file, its form, its metadata and the manual corrections.
 */
export interface Recipe {
  /** File name of the raw text in `corpus/raw/`. */
  raw: string;
  form: RawForm;
  /** Options for the cleaner of `form` (e.g. `firstPage` for PDF text); the cleaner checks them. */
  options?: Record<string, unknown>;
  /** The cleaned file's front matter but `cleaning`, which the build writes from `corrections`. */
  metadata: Omit<SourceMeta, 'cleaning'>;
  /** CSL variables the recipe sets to null: known to be absent, so no cleaner may fill them in. */
  withheld: string[];
  /** Applied to the raw text in order, before the cleaner runs; `count` defaults to 1. */
  corrections: Required<CountedCorrection>[];
}

// A Record, so that adding a form to RawForm without listing it here fails to compile.
const FORMS: Record<RawForm, true> = {
  wikitext: true,
  paraphrase: true,
  'pdf-text': true,
  'web-page': true,
  markdown: true,
  plain: true,
  html: true,
};
const FORM_NAMES = Object.keys(FORMS) as RawForm[];

const requiredText = v.pipe(v.string('must be text'), v.nonEmpty('must not be empty'));
const correctionSchema = v.strictObject(
  {
    original: requiredText,
    replacement: v.string('must be text (write "" to delete)'),
    reason: requiredText,
    count: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.integer('must be a whole number'),
        v.minValue(1, 'must be at least 1'),
      ),
      1,
    ),
  },
  'must be a correction with `original`, `replacement`, `reason` and optionally `count`',
);

const recipeSchema = v.strictObject(
  {
    raw: v.pipe(
      requiredText,
      v.regex(/^[^/\\]+$/, 'must be the name of a file in corpus/raw/, without folders'),
    ),
    form: v.picklist(FORM_NAMES, `must be one of ${FORM_NAMES.join(', ')}`),
    options: v.nullish(
      v.record(v.string(), v.unknown(), 'must be a mapping of options for the cleaner'),
    ),
    metadata: v.pipe(
      metadataSchema,
      v.check(
        (metadata) => !('cleaning' in metadata),
        'must not contain `cleaning`: the build writes the cleaning log from `corrections`',
      ),
    ),
    corrections: v.nullish(v.array(correctionSchema, 'must be a list of corrections'), []),
  },
  'must be a YAML mapping with `raw`, `form`, optionally `options`, `metadata` and `corrections`',
);

/** Why a recipe could not be read. */
export type RecipeErrorCode = 'yaml' | 'invalid';

/** A recipe that is not YAML or does not fit the schema; `problems` lists each, with its line. */
export class RecipeError extends DomainError<RecipeErrorCode> {
  override name = 'RecipeError';
  readonly problems: string[];

  constructor(code: RecipeErrorCode, problems: string[], fileName: string) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(code, `The recipe ${fileName} has ${count}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * Reads a recipe file (`corpus/recipes/<id>.yml`). Throws a `RecipeError` listing every problem
 * (missing or misspelt fields, wrong types, unknown forms …) with its line.
 */
export function parseRecipe(yamlText: string, fileName = 'recipe'): Recipe {
  const read = readYaml(yamlText);
  if (!read.ok) {
    const where = read.line === undefined ? '' : `line ${read.line}: `;
    throw new RecipeError('yaml', [`${where}not valid YAML: ${read.message}`], fileName);
  }
  if (!isMapping(read.data)) {
    const problem = 'a recipe must be a mapping with `raw`, `form`, `metadata` and `corrections`';
    throw new RecipeError('invalid', [problem], fileName);
  }
  const result = v.safeParse(recipeSchema, read.data);
  if (!result.success) {
    const problems = describeIssues(result.issues).map((problem) => {
      const line = read.lineOf(problem.path);
      return line === undefined ? problem.message : `line ${line}: ${problem.message}`;
    });
    throw new RecipeError('invalid', problems, fileName);
  }
  const { raw, form, options, metadata, corrections } = result.output;
  const meta = Object.fromEntries(
    Object.entries(toSourceMeta(metadata)).filter(([key]) => key !== 'cleaning'),
  ) as Omit<SourceMeta, 'cleaning'>;
  const withheld = Object.entries(metadata)
    .filter(([key, value]) => value === null && !APPARATUS_KEYS.includes(key))
    .map(([key]) => key);
  const recipe: Recipe = {
    raw,
    form,
    metadata: meta,
    withheld,
    corrections: corrections.map((c) => ({
      original: c.original,
      replacement: c.replacement,
      reason: c.reason,
      count: c.count,
    })),
  };
  if (options != null) recipe.options = { ...options };
  return recipe;
}

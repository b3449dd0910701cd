/**
 * The corpus build: `node corpus/build.ts` (Node 24 runs it as TypeScript by type stripping).
 *
 * For every `corpus/recipes/<id>.yml`, in file-name order: read the raw file, apply the
 * corrections, run the cleaner for the recipe's form, and write `corpus/<id>.md` if its text
 * changed. Prints one line per source. A source whose form has no cleaner yet is skipped; a
 * recipe, correction or cleaner error fails that source (the others are still built) and makes
 * the exit code 1.
 */
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BuildError, type CleanerRegistry, buildSource } from '../core/clean/build-source.ts';
import { parseRecipe } from '../core/clean/recipe.ts';
import { parseSource } from '../core/corpus/parse-source.ts';
import { serializeSource } from '../core/corpus/serialize-source.ts';

/** What happened to one source. */
export type BuildStatus = 'written' | 'unchanged' | 'skipped' | 'failed';

/** The outcome for one recipe: its source id (the file name's stem if unreadable) and a message. */
export interface BuildOutcome {
  id: string;
  status: BuildStatus;
  message: string;
}

/**
 * Builds every recipe in `<corpusDir>/recipes/` with the given cleaners and writes
 * `<corpusDir>/<id>.md` for each source whose cleaned text changed. Deterministic: the same
 * recipes, raw files and cleaners always give the same files, so a rebuild writes nothing.
 */
export function buildCorpus(corpusDir: string, cleaners: CleanerRegistry): BuildOutcome[] {
  const recipesDir = join(corpusDir, 'recipes');
  if (!existsSync(recipesDir)) {
    const message = `there is no recipes folder at ${recipesDir}`;
    return [{ id: 'recipes', status: 'failed', message }];
  }
  const files = readdirSync(recipesDir)
    .filter((name) => name.endsWith('.yml'))
    .sort();
  return files.map((file) => buildOne(corpusDir, file, cleaners));
}

function buildOne(corpusDir: string, file: string, cleaners: CleanerRegistry): BuildOutcome {
  const stem = file.slice(0, -'.yml'.length);
  const fail = (message: string): BuildOutcome => ({ id: stem, status: 'failed', message });
  try {
    const recipeText = readFileSync(join(corpusDir, 'recipes', file), 'utf8');
    const recipe = parseRecipe(recipeText, `recipes/${file}`);
    const id = recipe.metadata.csl.id;
    if (id !== stem) return fail(`the recipe's metadata id is "${id}"; rename the file or fix the id`);
    const rawPath = join(corpusDir, 'raw', recipe.raw);
    if (!existsSync(rawPath)) return fail(`the raw file raw/${recipe.raw} does not exist`);
    const source = buildSource(readFileSync(rawPath, 'utf8'), recipe, cleaners);
    const text = serializeSource(source);
    // A cheap guard against a serializer bug ever reaching the committed corpus.
    if (!isDeepStrictEqual(parseSource(text), source)) {
      return fail('the cleaned file does not read back as built (a bug in core/corpus: report it)');
    }
    const target = join(corpusDir, `${id}.md`);
    const summary = `${source.blocks.length} blocks, ${source.notes.length} notes`;
    if (existsSync(target) && readFileSync(target, 'utf8') === text) {
      return { id, status: 'unchanged', message: summary };
    }
    // Write beside the target and rename, so that an interrupted build leaves no half file.
    writeFileSync(`${target}.tmp`, text, 'utf8');
    renameSync(`${target}.tmp`, target);
    return { id, status: 'written', message: `${id}.md (${summary})` };
  } catch (error) {
    if (error instanceof BuildError && error.code === 'no-cleaner') {
      return { id: stem, status: 'skipped', message: error.message };
    }
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** One line of the build's report, e.g. `written    wikipedia-split  wikipedia-split.md (…)`. */
export function formatOutcome(outcome: BuildOutcome): string {
  const message = outcome.message.replaceAll('\n', '\n           ');
  return `${outcome.status.padEnd(10)} ${outcome.id}  ${message}`;
}

if (import.meta.main) {
  // Loaded only when run as a script, so tests can import buildCorpus with their own cleaners.
  const { cleaners } = await import('../core/clean/cleaners.ts');
  // HTML sources (imported web pages) are cleaned with a DOM, so their cleaner lives in electron/.
  const { htmlCleaner } = await import('../electron/services/import/html-cleaner.ts');
  const outcomes = buildCorpus(import.meta.dirname, { ...cleaners, html: htmlCleaner });
  for (const outcome of outcomes) console.log(formatOutcome(outcome));
  if (outcomes.some((outcome) => outcome.status === 'failed')) process.exitCode = 1;
}

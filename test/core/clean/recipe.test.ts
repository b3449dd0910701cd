import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecipeError, parseRecipe } from '../../../core/clean/recipe.ts';

const EXAMPLE = `raw: 004_b2516ecbae186d39.txt
form: pdf-text
options:
  firstPage: 375
metadata:
  id: edemskiy-2019
  type: article-journal
  title: Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961
  title-short: Additional Evidence
  author: [{ family: Edemskiy, given: Andrey }]
  issued: { date-parts: [[2019]] }
  volume: 50
  reliability: primary
  derivative_of: null
  derivation: null
  publisher-place: null
  caveats: [“22th” is printed so.]
corrections:
  - original: "Ko¢i"
    replacement: "Koçi"
    reason: "OCR slip: ¢ for ç"
  - original: " ? "
    replacement: "–"
    reason: lost dash
    count: 2
`;

function problemsOf(text: string): string[] {
  try {
    parseRecipe(text, 'test.yml');
  } catch (error) {
    if (error instanceof RecipeError) return error.problems;
    throw error;
  }
  throw new Error('expected a RecipeError');
}

describe('parseRecipe', () => {
  it('reads raw file, form, options, metadata and corrections into a typed recipe', () => {
    const recipe = parseRecipe(EXAMPLE);
    expect(recipe.raw).toBe('004_b2516ecbae186d39.txt');
    expect(recipe.form).toBe('pdf-text');
    expect(recipe.options).toEqual({ firstPage: 375 });
    expect(recipe.metadata).toStrictEqual({
      csl: {
        id: 'edemskiy-2019',
        type: 'article-journal',
        title: 'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
        'title-short': 'Additional Evidence',
        author: [{ family: 'Edemskiy', given: 'Andrey' }],
        issued: { 'date-parts': [[2019]] },
        volume: '50',
      },
      reliability: 'primary',
      caveats: ['“22th” is printed so.'],
    });
  });

  it('defaults a correction count to 1 and keeps an explicit one', () => {
    expect(parseRecipe(EXAMPLE).corrections.map((c) => c.count)).toEqual([1, 2]);
  });

  it('records CSL variables set to null as withheld', () => {
    expect(parseRecipe(EXAMPLE).withheld).toEqual(['publisher-place']);
  });

  it('accepts a recipe without corrections or options', () => {
    const metadata = '{ id: a, type: book, title: A, reliability: tertiary }';
    const recipe = parseRecipe(`raw: a.txt\nform: wikitext\nmetadata: ${metadata}\n`);
    expect(recipe.corrections).toEqual([]);
    expect(recipe.options).toBeUndefined();
  });

  it('reads every recipe of the corpus', () => {
    const dir = new URL('../../../corpus/recipes/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.yml'));
    for (const file of files) {
      const recipe = parseRecipe(readFileSync(new URL(file, dir), 'utf8'), file);
      expect(`${recipe.metadata.csl.id}.yml`).toBe(file);
    }
  });
});

describe('parseRecipe errors', () => {
  it('lists every problem with its line', () => {
    const problems = problemsOf(
      [
        'raw: corpus/raw/a.txt',
        'form: scan',
        'metadata:',
        '  id: a',
        '  type: book',
        '  reliability: primary',
        'corrections:',
        '  - original: x',
        '    replacment: y',
        '    reason: r',
        '    count: 0',
      ].join('\n'),
    );
    expect(problems).toEqual([
      'line 1: `raw`: must be the name of a file in corpus/raw/, without folders ' +
        '(found "corpus/raw/a.txt")',
      'line 2: `form`: must be one of wikitext, paraphrase, pdf-text, web-page, markdown, plain, html, pdf ' +
        '(found "scan")',
      'line 4: `metadata.title` is required',
      'line 8: `corrections[0].replacement` is required',
      'line 11: `corrections[0].count`: must be at least 1 (found 0)',
      'line 9: `corrections[0].replacment` is not a known field here',
    ]);
  });

  it('refuses a cleaning log in the metadata, which the build writes itself', () => {
    const metadata = '{ id: a, type: book, title: A, reliability: primary, cleaning: [] }';
    expect(problemsOf(`raw: a.txt\nform: plain\nmetadata: ${metadata}\n`)).toEqual([
      'line 3: `metadata`: must not contain `cleaning`: ' +
        'the build writes the cleaning log from `corrections`',
    ]);
  });

  it('names the recipe file and reports YAML syntax errors with their line', () => {
    try {
      parseRecipe('raw: a.txt\nform: [plain\n', 'recipes/a.yml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RecipeError);
      expect((error as RecipeError).code).toBe('yaml');
      expect((error as RecipeError).message).toMatch(
        /^The recipe recipes\/a\.yml has a problem:\n- line \d: not valid YAML/,
      );
    }
  });

  it('refuses a recipe that is not a mapping', () => {
    expect(problemsOf('- raw: a.txt\n')).toEqual([
      'a recipe must be a mapping with `raw`, `form`, `metadata` and `corrections`',
    ]);
  });
});

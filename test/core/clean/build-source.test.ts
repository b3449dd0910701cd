import { describe, expect, it } from 'vitest';
import {
  BuildError,
  type CleanerRegistry,
  buildCleanedFile,
  buildSource,
} from '../../../core/clean/build-source.ts';
import type { CleanedBody } from '../../../core/clean/cleaned-body.ts';
import { CorrectionError } from '../../../core/clean/corrections.ts';
import { parseRecipe, type Recipe } from '../../../core/clean/recipe.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';

/** A stand-in cleaner: a paragraph of two unmerged runs per chunk of text, ids left empty. */
function plainCleaner(raw: string, options?: Record<string, unknown>): CleanedBody {
  return {
    blocks: raw.split('\n\n').map((chunk) => ({
      type: 'paragraph' as const,
      id: '',
      content: [
        { type: 'text' as const, text: chunk.slice(0, 1) },
        { type: 'text' as const, text: chunk.slice(1) },
      ],
    })),
    notes: [],
    found: {
      title: 'Found title',
      publisher: 'Found publisher',
      issued: { literal: 'found date' },
      note: `${options?.firstPage ?? ''}`,
    },
  };
}

const cleaners: CleanerRegistry = {
  wikitext: undefined,
  paraphrase: undefined,
  'pdf-text': plainCleaner,
  'web-page': undefined,
  markdown: undefined,
  plain: plainCleaner,
  html: undefined,
  pdf: undefined,
};

const recipe: Recipe = parseRecipe(`raw: seed.txt
form: plain
metadata:
  id: sample-2021
  type: article-journal
  title: Recipe title
  issued: null
  reliability: secondary
corrections:
  - original: Ko¢i
    replacement: Koçi
    reason: OCR slip
  - original: "?"
    replacement: "–"
    reason: lost dash
    count: 2
`);

describe('buildSource', () => {
  const source = buildSource('Ko¢i Xoxe\n\n1955?1961 and 1948?49', recipe, cleaners);

  it('applies the corrections to the raw text before the cleaner runs', () => {
    expect(source.blocks.map((block) => block.content)).toStrictEqual([
      [{ type: 'text', text: 'Koçi Xoxe' }],
      [{ type: 'text', text: '1955–1961 and 1948–49' }],
    ]);
  });

  it('numbers the blocks and merges the cleaner’s runs', () => {
    expect(source.blocks.map((block) => block.id)).toEqual(['b1', 'b2']);
  });

  it('lays found metadata under the recipe’s, which wins, and keeps withheld variables out', () => {
    expect(source.id).toBe('sample-2021');
    expect(source.meta.csl).toStrictEqual({
      id: 'sample-2021',
      type: 'article-journal',
      title: 'Recipe title',
      publisher: 'Found publisher',
      note: '',
    });
    expect(source.meta.reliability).toBe('secondary');
  });

  it('records the corrections, without their counts, as the cleaning log', () => {
    expect(source.meta.cleaning).toStrictEqual([
      { original: 'Ko¢i', replacement: 'Koçi', reason: 'OCR slip' },
      { original: '?', replacement: '–', reason: 'lost dash' },
    ]);
  });

  it('passes the recipe’s options to the cleaner', () => {
    const withOptions: Recipe = { ...recipe, form: 'pdf-text', options: { firstPage: 375 } };
    expect(buildSource('Ko¢i ? ?', withOptions, cleaners).meta.csl.note).toBe('375');
  });

  it('fails with a typed error when the form has no cleaner yet', () => {
    const wikitext: Recipe = { ...recipe, form: 'wikitext', corrections: [] };
    expect(() => buildSource('x', wikitext, cleaners)).toThrow(
      expect.objectContaining({
        name: 'BuildError',
        code: 'no-cleaner',
        message: 'there is no cleaner for the form "wikitext" yet',
      }),
    );
  });

  it('names the form when its cleaner fails', () => {
    const failing: CleanerRegistry = {
      ...cleaners,
      plain: () => {
        throw new Error('unexpected cover');
      },
    };
    const build = () => buildSource('Ko¢i ? ?', recipe, failing);
    expect(build).toThrow(BuildError);
    expect(build).toThrow('the plain cleaner failed: unexpected cover');
  });

  it('fails with a CorrectionError when a correction does not match the raw text', () => {
    expect(() => buildSource('no match here', recipe, cleaners)).toThrow(CorrectionError);
  });
});

describe('buildCleanedFile', () => {
  it('writes a cleaned file that reads back as the built source', () => {
    const raw = 'Ko¢i Xoxe\n\n1955?1961 and 1948?49';
    const text = buildCleanedFile(raw, recipe, cleaners);
    expect(text).toMatch(/^---\nid: sample-2021\ntype: article-journal\ntitle: Recipe title\n/);
    expect(text).toContain(
      'cleaning:\n  - original: Ko¢i\n    replacement: Koçi\n    reason: OCR slip\n',
    );
    expect(parseSource(text)).toStrictEqual(buildSource(raw, recipe, cleaners));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanWebPage } from '../../../../core/clean/web-page/web-page.ts';

interface Recipe {
  raw: string;
  form: string;
  metadata: Record<string, unknown>;
  corrections: { original: string; replacement: string; reason: string; count?: number }[];
}

const recipe = parse(
  readFileSync(new URL('../../../../corpus/recipes/memorie-kapo.yml', import.meta.url), 'utf8'),
) as Recipe;
const raw = readFileSync(new URL(`../../../../corpus/raw/${recipe.raw}`, import.meta.url), 'utf8');

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('the memorie-kapo recipe', () => {
  it('names seed 003 and the web-page cleaner', () => {
    expect(recipe.raw).toBe('003_8b98f5ed5cda7ad9.txt');
    expect(recipe.form).toBe('web-page');
  });

  it('records the page as a derivative translation of part of edemskiy-2019', () => {
    expect(recipe.metadata).toMatchObject({
      id: 'memorie-kapo',
      type: 'article-magazine',
      reliability: 'derivative',
      derivative_of: 'edemskiy-2019',
      derivation: 'translation of part of',
      'container-title': 'Memorie.al',
      'title-short': 'Hysni Kapo, from Moscow',
      URL: expect.stringMatching(/^https:\/\/memorie\.al\/en\/hysni-kapo-from-moscow-.*-regardi$/),
    });
  });

  it('carries a rights notice and caveats', () => {
    expect(recipe.metadata.rights).toMatch(/Portali MEMORIE/);
    expect(recipe.metadata.caveats).toEqual(
      expect.arrayContaining([expect.stringMatching(/Pospielov/)]),
    );
  });

  it('agrees with what the cleaner finds on the page itself', () => {
    const found = cleanWebPage(raw).found ?? {};
    for (const key of ['title', 'author', 'part', 'container-title', 'accessed', 'keyword']) {
      expect({ [key]: recipe.metadata[key] }).toEqual({ [key]: found[key] });
    }
  });

  it('claims no publication date, which the page does not print', () => {
    expect(recipe.metadata.issued).toBeUndefined();
  });

  it('lists only corrections whose original occurs in the raw text as often as it says', () => {
    for (const correction of recipe.corrections) {
      expect(occurrences(raw, correction.original)).toBe(correction.count ?? 1);
      expect(correction.reason).not.toBe('');
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCleanedFile } from '../../../core/clean/build-source.ts';
import { cleaners } from '../../../core/clean/cleaners.ts';
import { parseRecipe } from '../../../core/clean/recipe.ts';
import type { Source } from '../../../core/corpus/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';

const corpus = new URL('../../../corpus/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, corpus), 'utf8');
const recipes = readdirSync(new URL('recipes/', corpus))
  .filter((name) => name.endsWith('.yml'))
  .map((name) => parseRecipe(read(`recipes/${name}`), `recipes/${name}`));
const sources = new Map<string, Source>(
  readdirSync(corpus)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => {
      const source = parseSource(read(name));
      return [source.id, source];
    }),
);

describe('the committed corpus', () => {
  it('has one cleaned file per recipe, and no other', () => {
    expect([...sources.keys()].sort()).toEqual(recipes.map((r) => r.metadata.csl.id).sort());
    expect(sources.size).toBe(5);
  });

  it.each(recipes.map((recipe) => [recipe.metadata.csl.id, recipe] as const))(
    '%s is exactly what `npm run corpus` builds from corpus/raw',
    (id, recipe) => {
      expect(buildCleanedFile(read(`raw/${recipe.raw}`), recipe, cleaners)).toBe(read(`${id}.md`));
    },
  );

  // Artefacts of the raw forms (WikiText tokens, extraction debris) that cleaning must remove,
  // searched for in the text a reader sees.
  const forbidden: [string, RegExp][] = [
    ['WikiText hyphen tokens', / @-@ /],
    ['WikiText number tokens', / @[,.]@ /],
    ['WikiText headings', /= =/],
    ['spaced commas', / ,/],
    ['spaced full stops', / \.(?!\.)/],
    ['backticks as apostrophes', /`/],
    ['reference markers like [63]', /\[\d+\]/],
    ['site search stubs', /View All Result|No Result/],
    ['share widgets', /ShareTweet/],
    ['related-post teasers', /Gjithashtu mund të lexoni/],
    ['copyright footers', /©|All rights reserved/i],
    ['the journal cover', /SERBIAN ACADEMY OF SCIENCES AND ARTS|INSTITUTE FOR BALKAN STUDIES/],
    ['the fleuron', /❧/],
    ['hard line wraps inside a block', /[^\n]\n[^\n]/],
    ['broken ordinals', /\d(?:"|™)/],
  ];

  // The reading text, but with each gap shown as the reader shows it ("[…]"), so that the space
  // before a lost word is not taken for tokenisation damage.
  const visibleText = (source: Source) =>
    [...source.blocks, ...source.notes.flatMap((note) => note.blocks)]
      .map((block) => block.content.map((inline) => (inline.type === 'text' ? inline.text : inline.type === 'gap' ? '[…]' : '')).join(''))
      .join('\n\n');

  describe.each([...sources.values()].map((source) => [source.id, visibleText(source)] as const))('%s', (_id, text) => {
    it.each(forbidden)('contains no %s', (_what, pattern) => {
      expect(text.match(pattern)?.[0]).toBeUndefined();
    });
  });
});

describe('corpus metadata, as the seed sources print it', () => {
  const csl = (id: string) => sources.get(id)!.meta.csl;

  it('identifies Edemskiy 2019 in Balcanica', () => {
    expect(csl('edemskiy-2019')).toMatchObject({
      type: 'article-journal',
      title: 'Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961',
      author: [{ family: 'Edemskiy', given: 'Andrey' }],
      'container-title': 'Balcanica',
      volume: '50',
      page: '375-396',
      issued: { 'date-parts': [[2019]] },
      DOI: '10.2298/BALC1950375E',
      language: 'en',
    });
    expect(sources.get('edemskiy-2019')!.meta.reliability).toBe('primary');
  });

  it('identifies Pilaca and Nako 2021 in MJSS', () => {
    expect(csl('pilaca-nako-2021')).toMatchObject({
      type: 'article-journal',
      title: 'Splitting Apart: How the Soviet-Albanian Relations Came to an End',
      author: [
        { family: 'Pilaca', given: 'Geri' },
        { family: 'Nako', given: 'Alban' },
      ],
      'container-title': 'Mediterranean Journal of Social Sciences',
      volume: '12',
      issue: '4',
      DOI: '10.36941/mjss-2021-0028',
      publisher: 'Richtmann Publishing',
    });
    expect(csl('pilaca-nako-2021').issued?.['date-parts']?.[0]?.[0]).toBe(2021);
    expect(sources.get('pilaca-nako-2021')!.meta.reliability).toBe('secondary');
  });

  it('identifies the Wikipedia article and the two derivative pages', () => {
    expect(csl('wikipedia-split')).toMatchObject({ title: 'Soviet–Albanian split', 'container-title': 'Wikipedia' });
    expect(sources.get('wikipedia-split')!.meta.reliability).toBe('tertiary');
    expect(sources.get('resexcellence-2021')!.meta).toMatchObject({ reliability: 'derivative', derivativeOf: 'wikipedia-split' });
    expect(csl('resexcellence-2021').URL).toBe('http://www.resexcellence.com/2021/04/07/agreement-from-which-albania-withdrew-in-1968/');
    expect(sources.get('memorie-kapo')!.meta).toMatchObject({ reliability: 'derivative', derivativeOf: 'edemskiy-2019' });
    expect(csl('memorie-kapo')['container-title']).toBe('Memorie.al');
  });

  it('logs every manual correction in the cleaned file', () => {
    for (const recipe of recipes) {
      const logged = sources.get(recipe.metadata.csl.id)!.meta.cleaning;
      expect(logged.map((c) => c.original)).toEqual(recipe.corrections.map((c) => c.original));
      for (const correction of logged) expect(correction.reason.length).toBeGreaterThan(5);
    }
  });
});

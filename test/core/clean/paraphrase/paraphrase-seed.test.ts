import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Block, Inline } from '../../../../core/corpus/model.ts';
import { cleanParaphrase } from '../../../../core/clean/paraphrase/paraphrase.ts';

interface Recipe {
  raw: string;
  form: string;
  metadata: Record<string, unknown> & { caveats: string[] };
  corrections: unknown[];
}

const recipe = parse(readRepoFile('corpus/recipes/resexcellence-2021.yml')) as Recipe;
const body = cleanParaphrase(readRepoFile(`corpus/raw/${recipe.raw}`));
const blockTexts = body.blocks.map(blockText);
const wholeText = blockTexts.join('\n\n');

function readRepoFile(path: string): string {
  return readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
}

function blockText(block: Block): string {
  return block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
}

/** The inlines of a block as strings: text runs as they are, markers as `[label]`. */
function outline(content: Inline[]): string[] {
  return content.map((inline) =>
    inline.type === 'marker'
      ? `[${inline.label}]`
      : inline.type === 'text'
        ? inline.text
        : inline.type,
  );
}

const paraphraseErrors = [
  'his pro-Soviet sympathies',
  'Zéri i Popullit',
  'the Soviets soon repressed Hoxha',
  'the Soviet Community and Albania',
  'the pre-German, pro-Soviet Politburo',
  'sazan Island',
  'de-instalinization',
  'the supply of supplies',
  'coup d’etat',
  'Albania, Which took place',
];

describe('resexcellence-2021 recipe', () => {
  it('names the raw seed, the paraphrase form and the page’s metadata', () => {
    expect(recipe.raw).toBe('000_658a3b248dccd0f2.txt');
    expect(recipe.form).toBe('paraphrase');
    expect(recipe.metadata).toMatchObject({
      id: 'resexcellence-2021',
      type: 'webpage',
      'container-title': 'Resexcellence',
      URL: 'http://www.resexcellence.com/2021/04/07/agreement-from-which-albania-withdrew-in-1968/',
      issued: { 'date-parts': [[2021, 4, 7]] },
      language: 'en',
      reliability: 'derivative',
      derivative_of: 'wikipedia-split',
    });
    expect(recipe.corrections).toEqual([]);
  });

  it('lists every paraphrase error it keeps as a caveat', () => {
    const caveats = recipe.metadata.caveats.join('\n');
    for (const error of paraphraseErrors) expect(caveats).toContain(error);
  });
});

describe('cleanParaphrase on seed 000', () => {
  it('makes two paragraphs with the markers as data, [54] moved to the end of the first', () => {
    const [first, second] = body.blocks.map((block) => outline(block.content));
    expect(first?.filter((part) => part.startsWith('['))).toEqual(['[63]', '[33]', '[54]']);
    expect(first?.[first.length - 1]).toBe('[54]');
    expect(first?.[0]).toMatch(/in the Zéri i Popullit party newspaper\.$/);
    expect(first?.[2]).toMatch(/^ After the Hungarian uprising of November 1956,.*harsh tone\.$/);
    expect(first?.[4]).toMatch(/^ Soviet efforts to improve.*taken at the conference itself\.$/);
    expect(second).toHaveLength(1);
    expect(second?.[0]).toMatch(/^The Soviet-Albanian division refers to/);
  });

  it('leaves no reference marker, backtick or space before punctuation in the text', () => {
    for (const text of blockTexts) {
      expect(text).not.toMatch(/\[\d+\]/);
      expect(text).not.toContain('`');
      expect(text).not.toMatch(/ [,.;:!?]/);
    }
  });

  it('writes the backticks as apostrophes', () => {
    expect(wholeText).toContain('the People’s Republic of Albania');
    expect(wholeText).toContain('as a “coup d’etat” and added');
  });

  it('keeps the paraphrase errors verbatim', () => {
    for (const error of paraphraseErrors) expect(wholeText).toContain(error);
  });

  it('keeps the curly quotes and ellipses as printed', () => {
    expect(wholeText).toContain(
      'because “[we] suspected that the problem of disputes between China and the Soviet Union ' +
        'would be discussed… we had heard',
    );
    expect(wholeText).toContain('his “secret speech” and');
  });
});

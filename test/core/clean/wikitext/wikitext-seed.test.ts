import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Block } from '../../../../core/corpus/model.ts';
import { cleanWikiText } from '../../../../core/clean/wikitext/wikitext.ts';

interface RecipeCorrection {
  original: string;
  replacement: string;
  reason: string;
  count?: number;
}

interface Recipe {
  raw: string;
  form: string;
  metadata: Record<string, unknown>;
  corrections: RecipeCorrection[];
}

const recipe = parse(readRepoFile('corpus/recipes/wikipedia-split.yml')) as Recipe;
const raw = readRepoFile(`corpus/raw/${recipe.raw}`);
const body = cleanWikiText(applyCorrections(raw, recipe.corrections));
const blockTexts = body.blocks.map(blockText);
const wholeText = blockTexts.join('\n\n');
const dashCorrections = recipe.corrections.filter((correction) => /dash/.test(correction.reason));

function readRepoFile(path: string): string {
  return readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
}

/** The build's contract: each original occurs exactly `count` times when its turn comes. */
function applyCorrections(text: string, corrections: RecipeCorrection[]): string {
  return corrections.reduce((current, { original, replacement, count = 1 }) => {
    const parts = current.split(original);
    if (parts.length - 1 !== count) {
      throw new Error(`"${original}" occurs ${parts.length - 1} times, expected ${count}`);
    }
    return parts.join(replacement);
  }, text);
}

function blockText(block: Block): string {
  return block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
}

/** A block written back as WikiText-103 would write it, gaps as directives. */
function toWikiText(block: Block): string {
  const text = block.content
    .map((inline) => {
      if (inline.type === 'text') return inline.text;
      if (inline.type === 'gap') return inline.reason ? `{{gap:${inline.reason}}}` : '{{gap}}';
      return '';
    })
    .join('');
  const signs = '='.repeat(block.level ?? 0).split('');
  return block.type === 'heading' ? `${signs.join(' ')} ${text} ${signs.join(' ')}` : text;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('wikipedia-split recipe', () => {
  it('names the raw seed, the wikitext form and the article’s metadata', () => {
    expect(recipe.raw).toBe('001_173910b34eca1096.txt');
    expect(recipe.form).toBe('wikitext');
    expect(recipe.metadata).toMatchObject({
      id: 'wikipedia-split',
      type: 'entry-encyclopedia',
      title: 'Soviet–Albanian split',
      'container-title': 'Wikipedia',
      URL: 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split',
      language: 'en',
      reliability: 'tertiary',
      derivative_of: null,
    });
    expect(recipe.metadata.rights).toMatch(/CC BY-SA/);
  });

  it('gives every correction a reason and an original that occurs as often as it says', () => {
    for (const correction of recipe.corrections) {
      expect(correction.reason.length).toBeGreaterThan(10);
    }
    expect(() => applyCorrections(raw, recipe.corrections)).not.toThrow();
  });

  it('restores all 23 lost dashes, leaving the three real question marks', () => {
    const restored = dashCorrections.reduce((sum, correction) => sum + (correction.count ?? 1), 0);
    expect(restored).toBe(23);
    expect(occurrences(raw, '?')).toBe(26);
    expect(occurrences(applyCorrections(raw, recipe.corrections), '?')).toBe(3);
  });
});

describe('cleanWikiText on seed 001', () => {
  it('leaves no WikiText-103 token, spaced punctuation or split possessive in any block', () => {
    const tokens = ['@-@', '@,@', '@.@', '= =', ' , ', ' . ', ' ; ', ' : ', " 's", '\\$'];
    for (const text of blockTexts) {
      for (const token of tokens) expect(text, `"${token}" in: ${text}`).not.toContain(token);
    }
  });

  it('pairs every straight quote into a curly one', () => {
    for (const text of blockTexts) expect(text).not.toMatch(/["'`]/);
  });

  it('has the article’s headings at their levels, without the empty Books heading', () => {
    const headings = body.blocks
      .filter((block) => block.type === 'heading')
      .map((block) => [block.level, blockText(block)]);
    expect(headings).toEqual([
      [2, 'Origins'],
      [3, 'Soviet–Yugoslav split'],
      [2, 'Beginnings of the split'],
      [3, 'Third Congress of the Party of Labour of Albania'],
      [3, 'Trade'],
      [3, 'Moscow Conference'],
      [2, 'The split deepens'],
      [3, 'Bucharest Conference'],
      [3, 'Hostilities'],
      [3, 'Pro-Soviet faction in Albania'],
      [3, 'International Conference of the Communist and Workers’ Parties'],
      [2, 'Culmination'],
      [2, 'Subsequent developments'],
    ]);
  });

  it('starts with the lead paragraph and ends with the last paragraph of the article', () => {
    expect(blockTexts[0]).toMatch(/^The Soviet–Albanian split refers to/);
    expect(blockTexts[blockTexts.length - 1]).toMatch(/the Soviet Union was dissolved\.$/);
    expect(body.blocks.filter((block) => block.type === 'paragraph')).toHaveLength(42);
  });

  it('prints each restored dash unspaced where the recipe put it', () => {
    const expectedCounts = new Map<string, number>();
    for (const { original, replacement, count = 1 } of dashCorrections) {
      const restored = blockText(cleanWikiText(replacement).blocks[0] as Block);
      const lost = blockText(cleanWikiText(original).blocks[0] as Block);
      expect(restored).toMatch(/\S[–—]\S/);
      expect(occurrences(wholeText, lost), lost).toBe(0);
      expectedCounts.set(restored, (expectedCounts.get(restored) ?? 0) + count);
    }
    for (const [restored, count] of expectedCounts) {
      expect(occurrences(wholeText, restored), restored).toBe(count);
    }
  });

  it('keeps the three real question marks', () => {
    expect(occurrences(wholeText, '?')).toBe(3);
    expect(wholeText).toContain('for the faults of a few rascals?’ We say:');
    expect(wholeText).toContain('“Are you Hysni Kapo?! I’ve heard so much about you …”');
    expect(wholeText).toContain('Kapo replied, “For good or bad?” to which Furtseva');
  });

  it('rejoins the eight paragraphs broken inside a sentence', () => {
    for (const joined of [
      'Albanians could (and did) interpret it',
      'a preliminary meeting of the representatives of the communist',
      'June 6 which, in the words of Griffith, “could hardly',
      'This anti-Chinese material did not surprise us,',
      'despite “serious flaws” (in the view of these delegations)',
      'When we returned from Moscow [in November 1960], the provocations',
      'and was drawing ever closer to the most reactionary regimes',
      '‘there has been a marked trend recently towards democratisation of Albanian society’.”',
    ]) {
      expect(blockTexts.filter((text) => text.includes(joined)), joined).toHaveLength(1);
    }
  });

  it('marks the truncated quotation with a gap and keeps the next paragraph apart', () => {
    const index = body.blocks.findIndex((block) =>
      block.content.some((inline) => inline.type === 'gap'),
    );
    const block = body.blocks[index] as Block;
    expect(blockText(block)).toMatch(/the development of the Albanian economy as a whole was$/);
    expect(block.content[block.content.length - 1]).toMatchObject({ type: 'gap' });
    expect(blockTexts[index + 1]).toMatch(/^Military pressure was stepped up still further/);
  });

  it('pairs the quotes that the tokeniser attached to the wrong side', () => {
    expect(wholeText).toContain('who killed people,” to which Hoxha replied, “Stalin');
    expect(wholeText).toContain('as “monsters,” saying that, “The rift');
    expect(wholeText).toContain('“The real cause” of the break in diplomatic relations “must');
    expect(wholeText).toContain('Union.” “Thus,” the Albanian account continues, “the Khrushchev');
    expect(wholeText).toContain(
      'have been “both curious and suspicious about the only leader of a Communist regime in ' +
        'the Soviet bloc who escaped from any historical ties or contact with the Soviet Union. ' +
        'This,” Halliday continues, “was true',
    );
  });

  it('tells plural possessives from nested quotation marks', () => {
    expect(wholeText).toContain('communist and workers’ parties represented on the Bureau');
    expect(wholeText).toContain('“The Soviets’ aim was');
    expect(wholeText).toContain('the Albanians’ fear of democratisation');
    expect(wholeText).toContain('all the communist and workers’ parties of the world');
    expect(wholeText).toContain(
      'the materials ‘had been loaded by mistake and were not really intended for Albania.’”',
    );
    expect(wholeText).toContain('for the purpose of ‘exchanging opinions’ and taking');
    expect(wholeText).toContain('organizer of ‘changes’ and ‘reorganizations’.”');
    expect(wholeText).toContain('in 1968—‘Khrushchevism without Khrushchev’, since');
    expect(wholeText).toContain('James S. O’Donnell remarked');
  });

  it('undoes tokenised numbers, currency and brackets', () => {
    expect(wholeText).toContain('a credit of $160 million ruble loan');
    expect(wholeText).toContain('forgave $105 million');
    expect(wholeText).toContain('from 4.2% in 1955 to 21.6% in 1957');
    expect(wholeText).toContain('concerning 50,000 tons');
    expect(wholeText).toContain('sell[ing it] not through clearing');
    expect(wholeText).toContain('even us[ing] the official reception');
    expect(wholeText).toContain('“malign[ing] the Party of Labour of Albania.”');
    expect(wholeText).toContain('Commander-in-chief');
  });

  it('keeps the small errors of the original wording', () => {
    for (const error of ['an May 1959', 'vanguished', 'in to spheres', 'pro- and anti-Yugoslav']) {
      expect(wholeText).toContain(error);
    }
  });

  it('is a fixed point on the text of each of its blocks', () => {
    for (const block of body.blocks) {
      // A heading alone is an empty section, which the cleaner drops: give it a paragraph.
      const text = block.type === 'heading' ? `${toWikiText(block)}\n\nText.` : toWikiText(block);
      expect(cleanWikiText(text).blocks[0], blockText(block)).toEqual(block);
    }
  });

  it('is a fixed point on its whole output written back as WikiText', () => {
    expect(cleanWikiText(body.blocks.map(toWikiText).join('\n\n'))).toEqual(body);
  });
});

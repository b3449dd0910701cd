import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../core/corpus/model.ts';
import { cleanWikiText } from '../../../../core/clean/wikitext/wikitext.ts';

function texts(raw: string): string[] {
  return cleanWikiText(raw).blocks.map(blockText);
}

function blockText(block: Block): string {
  return block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
}

function headings(raw: string): [number | undefined, string][] {
  return cleanWikiText(raw)
    .blocks.filter((block) => block.type === 'heading')
    .map((block) => [block.level, blockText(block)]);
}

describe('cleanWikiText', () => {
  it('reads `= = X = =` as level 2 and `= = = X = = =` as level 3', () => {
    const raw =
      'Lead .\n\n = = Origins = = \n\nText .\n\n = = = Soviet – Yugoslav split = = = \n\nMore .';
    expect(headings(raw)).toEqual([
      [2, 'Origins'],
      [3, 'Soviet–Yugoslav split'],
    ]);
  });

  it('gives a heading with a sign lost on one side the larger level', () => {
    expect(headings('= = Beginnings = =\n\nA .\n\n= = = Trade = =\n\nB .')).toEqual([
      [2, 'Beginnings'],
      [3, 'Trade'],
    ]);
  });

  it('drops a trailing heading with nothing under it, even without a final newline', () => {
    const body = cleanWikiText('= = Subsequent = =\n\nText .\n\n= = = Books = = =');
    expect(body.blocks.map((block) => block.type)).toEqual(['heading', 'paragraph']);
  });

  it('keeps a heading whose content is in its subsections', () => {
    expect(headings('= = Part = =\n\n= = = Sub = = =\n\nText .').map(([, text]) => text)).toEqual([
      'Part',
      'Sub',
    ]);
  });

  it('cleans heading text like paragraph text', () => {
    const raw = "= = = Pro @-@ Soviet faction of the Workers ' Parties = = =\n\nText .";
    expect(headings(raw)).toEqual([[3, 'Pro-Soviet faction of the Workers’ Parties']]);
  });

  it('makes one paragraph per line and returns no notes', () => {
    const body = cleanWikiText('First .\n\nSecond .\n');
    expect(body.blocks).toEqual([
      { type: 'paragraph', id: '', content: [{ type: 'text', text: 'First.' }] },
      { type: 'paragraph', id: '', content: [{ type: 'text', text: 'Second.' }] },
    ]);
    expect(body.notes).toEqual([]);
  });

  it('rejoins a paragraph broken inside a sentence', () => {
    expect(texts('the Albanians could (\n\nand did) interpret it .')).toEqual([
      'the Albanians could (and did) interpret it.',
    ]);
    expect(texts('in the words\n\nof Griffith , " could hardly " .')).toEqual([
      'in the words of Griffith, “could hardly”.',
    ]);
  });

  it('rejoins a break after an opening quote and pairs the quotes across it', () => {
    expect(texts('despite "\n\nserious flaws " (in their view) .')).toEqual([
      'despite “serious flaws” (in their view).',
    ]);
  });

  it('rejoins when the next paragraph starts in lower case', () => {
    expect(texts('This anti @-@ Chinese material did not.\n\nsurprise us .')).toEqual([
      'This anti-Chinese material did not. surprise us.',
    ]);
  });

  it('keeps paragraphs apart after terminal punctuation and closing quotes', () => {
    expect(texts('He said , " no . "\n\nThen came war .')).toEqual([
      'He said, “no.”',
      'Then came war.',
    ]);
  });

  it('turns a gap directive into a gap inline and never joins across it', () => {
    const raw = 'the economy as a whole was {{gap:quotation lost}}\n\nMilitary pressure .';
    expect(cleanWikiText(raw).blocks.map((block) => block.content)).toEqual([
      [
        { type: 'text', text: 'the economy as a whole was' },
        { type: 'gap', reason: 'quotation lost' },
      ],
      [{ type: 'text', text: 'Military pressure.' }],
    ]);
  });

  it('reads a bare gap directive as a gap without a reason', () => {
    expect(cleanWikiText('words {{gap}} more words .').blocks[0]?.content).toEqual([
      { type: 'text', text: 'words' },
      { type: 'gap' },
      { type: 'text', text: ' more words.' },
    ]);
  });

  it('undoes word-internal tokens, escaped dollars and spaced percent signs', () => {
    expect(
      texts('a 125 @-@ page letter on 50 @,@ 000 tons , \\$ 160 million and 4 @.@ 2 % growth .'),
    ).toEqual(['a 125-page letter on 50,000 tons, $160 million and 4.2% growth.']);
  });

  it('attaches split apostrophes and possessives', () => {
    const raw = "Albania 's leader , don 't , I 've , O 'Donnell and the workers ' faith .";
    expect(texts(raw)).toEqual([
      'Albania’s leader, don’t, I’ve, O’Donnell and the workers’ faith.',
    ]);
  });

  it('pairs double and nested single quotes across the paragraph', () => {
    const raw = 'he said , " the Soviet \' experience \' of who ... \' We talked , \' he said . "';
    expect(texts(raw)).toEqual([
      'he said, “the Soviet ‘experience’ of who … ‘We talked,’ he said.”',
    ]);
  });

  it('joins the dashes a correction restored, unspaced', () => {
    const raw = 'the Soviet – Albanian split of 1955 – 1961 , partition Albania — the fear';
    expect(texts(raw)).toEqual([
      'the Soviet–Albanian split of 1955–1961, partition Albania—the fear',
    ]);
  });

  it('keeps real question marks with their punctuation', () => {
    const raw = '" Are you Hysni Kapo ? ! " Kapo replied , " For good or bad ? " to which';
    expect(texts(raw)).toEqual([
      '“Are you Hysni Kapo?!” Kapo replied, “For good or bad?” to which',
    ]);
  });

  it('attaches bracketed word endings but keeps editorial insertions spaced', () => {
    const raw = 'even us [ing] the reception and sell [ing it] , returned [in November 1960] .';
    expect(texts(raw)).toEqual([
      'even us[ing] the reception and sell[ing it], returned [in November 1960].',
    ]);
  });

  it('spaces ellipses except next to quotes', () => {
    expect(texts('" ... the party ... " and Stalin... could')).toEqual([
      '“… the party …” and Stalin … could',
    ]);
  });

  it('leaves already clean text unchanged', () => {
    const clean =
      'Hoxha’s “Secret Speech” (1956) cost $160 million—a 4.2% share of the workers’ ‘aid’ … ' +
      'of Marxism–Leninism?!';
    expect(texts(clean)).toEqual([clean]);
  });

  it('is a fixed point on the text of its own output', () => {
    const once = texts('In 1955 – 61 , " the Soviets \' aim " was " to \' unite \' ... "');
    expect(texts(once.join('\n\n'))).toEqual(once);
  });

  it('returns no blocks for an empty text', () => {
    expect(cleanWikiText(' \n\n ').blocks).toEqual([]);
  });
});

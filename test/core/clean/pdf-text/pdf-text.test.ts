import { describe, expect, it } from 'vitest';
import { cleanPdfText, PdfTextError } from '../../../../core/clean/pdf-text/pdf-text.ts';
import { markup, textOf } from './support.ts';

describe('cleanPdfText', () => {
  it('numbers pages from the first printed page the options give', () => {
    const raw = 'Opening words of the article\n\n¹ A note.\n\ncontinue here.¹';
    const body = cleanPdfText(raw, { firstPage: '375' });
    expect(body.blocks.map((block) => markup(block.content))).toEqual([
      '{{page:375}}Opening words of the article {{page:376}}continue here.[^1]',
    ]);
  });

  it('numbers pages from 1 when no first page is given', () => {
    const body = cleanPdfText('One.\n\n¹ Note.\n\nTwo.¹');
    expect(body.blocks.map((block) => markup(block.content))).toEqual([
      '{{page:1}}One.',
      '{{page:2}}Two.[^1]',
    ]);
  });

  it('rejects unknown or malformed options with a typed error a recipe author can act on', () => {
    expect(() => cleanPdfText('Text.', { firstPage: 'p. 5' })).toThrow(PdfTextError);
    expect(() => cleanPdfText('Text.', { firstpage: 5 } as never)).toThrow(/firstpage/u);
    try {
      cleanPdfText('Text.', { firstPage: -1 });
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-options' });
    }
    expect.assertions(3);
  });

  it('makes the paragraph after one ending in a colon a block quote', () => {
    const raw = 'About the situation:\n\nAfter weighing all the circumstances.\n\nThe crisis grew.';
    const body = cleanPdfText(raw);
    expect(body.blocks.map((block) => block.type)).toEqual(['paragraph', 'quote', 'paragraph']);
  });

  it('does not make a paragraph that opens with a quotation mark a block quote', () => {
    const body = cleanPdfText('He said:\n\n"We act," he said.');
    expect(body.blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('types the title block before the abstract: byline, italic affiliation, title', () => {
    const raw = [
      'Andrey Edemskiy*',
      '*Institute for Slavic Studies,\nRussian Academy of Sciences*',
      'Additional Evidence on the Final Break',
      'Abstract: Text.',
      '* and-edem@yandex.ru',
      '¹ Note.',
    ].join('\n\n');
    const body = cleanPdfText(raw);
    expect(body.blocks.map((block) => [block.type, block.level ?? null, textOf(block)])).toEqual([
      ['paragraph', null, 'Andrey Edemskiy'],
      ['paragraph', null, 'Institute for Slavic Studies, Russian Academy of Sciences'],
      ['heading', 1, 'Additional Evidence on the Final Break'],
      ['paragraph', null, 'Abstract: Text.'],
    ]);
  });

  it('puts headings after a bibliography heading one level below it', () => {
    const body = cleanPdfText('Text.\n\nBibliography\n\nLiterature\n\n- Griffith.\n- Lüthi.');
    expect(body.blocks.map((block) => [block.type, block.level ?? null])).toEqual([
      ['paragraph', null],
      ['heading', 2],
      ['heading', 3],
      ['item', null],
      ['item', null],
    ]);
  });

  it('orders notes by their first reference and keeps each note’s own formatting', () => {
    const body = cleanPdfText('Text.² More.¹\n\n¹ *Pravda*, 4 January 1961.\n² Ibid.');
    expect(body.notes.map((note) => note.label)).toEqual(['2', '1']);
    expect(body.notes[1]?.blocks[0]?.content).toEqual([
      { type: 'text', text: 'Pravda', em: true },
      { type: 'text', text: ', 4 January 1961.' },
    ]);
  });

  it('returns an empty body for an empty text', () => {
    expect(cleanPdfText('')).toEqual({ blocks: [], notes: [] });
  });
});

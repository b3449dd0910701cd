import { describe, expect, it } from 'vitest';
import { parseInlines, type InlineContext } from '../../../../core/clean/pdf-text/inlines.ts';
import { PAGE_MARK } from '../../../../core/clean/pdf-text/markers.ts';

function context(labels: string[] = [], first = 10): InlineContext {
  let page = first;
  return { noteLabels: new Set(labels), nextPageLabel: () => String(page++) };
}

describe('parseInlines', () => {
  it('turns superscript digits into a reference to the note of that label', () => {
    expect(parseInlines('since its inception.¹ A serious', context(['1']))).toEqual([
      { type: 'text', text: 'since its inception.' },
      { type: 'noteRef', label: '1' },
      { type: 'text', text: ' A serious' },
    ]);
    expect(parseInlines('after.⁴⁵', context(['45']))).toEqual([
      { type: 'text', text: 'after.' },
      { type: 'noteRef', label: '45' },
    ]);
  });

  it('keeps superscript digits as text when no such note exists', () => {
    expect(parseInlines('an area of 5 km²', context(['1']))).toEqual([
      { type: 'text', text: 'an area of 5 km²' },
    ]);
  });

  it('reads a star glued to a word as the author note and *…* as emphasis', () => {
    expect(parseInlines('Andrey Edemskiy*', context(['*']))).toEqual([
      { type: 'text', text: 'Andrey Edemskiy' },
      { type: 'noteRef', label: '*' },
    ]);
    expect(parseInlines('*Institute for Slavic Studies*', context(['*']))).toEqual([
      { type: 'text', text: 'Institute for Slavic Studies', em: true },
    ]);
  });

  it('keeps a lone star as text when there is no star note', () => {
    expect(parseInlines('Edemskiy*', context())).toEqual([{ type: 'text', text: 'Edemskiy*' }]);
  });

  it('ends emphasis only at a star followed by no letter, as in Fonds/*fond*;', () => {
    expect(parseInlines('F - Fonds/*fond*; inv.', context())).toEqual([
      { type: 'text', text: 'F - Fonds/' },
      { type: 'text', text: 'fond', em: true },
      { type: 'text', text: '; inv.' },
    ]);
  });

  it('turns an angle-bracketed URL into a link whose text is the URL', () => {
    const url = 'http://digitalarchive.wilsoncenter.org/document/117494';
    expect(parseInlines(`1960: <${url}> (last`, context())).toEqual([
      { type: 'text', text: '1960: ' },
      { type: 'text', text: url, href: url },
      { type: 'text', text: ' (last' },
    ]);
  });

  it('turns gap directives into gaps, with the reason when one is given', () => {
    expect(parseInlines('on July {{gap:day lost}}, and {{gap}} then', context())).toEqual([
      { type: 'text', text: 'on July ' },
      { type: 'gap', reason: 'day lost' },
      { type: 'text', text: ', and ' },
      { type: 'gap' },
      { type: 'text', text: ' then' },
    ]);
  });

  it('labels page marks in order, even inside a word or an emphasis', () => {
    const text = `obvi${PAGE_MARK}ous and *A Card${PAGE_MARK}board*`;
    expect(parseInlines(text, context([], 380))).toEqual([
      { type: 'text', text: 'obvi' },
      { type: 'page', label: '380' },
      { type: 'text', text: 'ous and ' },
      { type: 'text', text: 'A Card', em: true },
      { type: 'page', label: '381' },
      { type: 'text', text: 'board', em: true },
    ]);
  });
});

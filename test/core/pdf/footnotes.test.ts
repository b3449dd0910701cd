import { describe, expect, it } from 'vitest';
import { assemblePdf, type PageLayout, type PdfLine } from '../../../core/pdf/index.ts';
import { pdfLine, pdfPage } from '../../support/pdf-lines.ts';

// Glyphs half as wide as the type is tall.
const line = (text: string, y: number, size: number, options: Partial<PdfLine> = {}): PdfLine => pdfLine(text, y, { x1: 50 + text.length * 0.5 * size, size, ...options });
// A line of running text ending with a raised note call, and going on after it.
const called = (text: string, y: number, size: number, call: number, after = '', options: Partial<PdfLine> = {}): PdfLine => {
  const runs = [{ text, bold: false, italic: false, sup: false }, { text: String(call), bold: false, italic: false, sup: true }];
  if (after !== '') runs.push({ text: after, bold: false, italic: false, sup: false });
  return line(runs.map((run) => run.text).join(''), y, size, { runs, ...options });
};
const PROSE = 'Running text set in the body size, long enough to fill the measure of a line.';
// Lines of running text from `y` down, one every 1.2 of their size.
const prose = (y: number, size: number, count: number) => Array.from({ length: count }, (_unused, k) => line(PROSE, y - 1.2 * size * k, size));
const page = pdfPage;
const assembled = (pages: PageLayout[]) => assemblePdf(pages, null).body;
const notesOf = (pages: PageLayout[]) => assembled(pages).notes.map((note) => [note.label, note.blocks[0]?.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('')]);
const textOf = (pages: PageLayout[]) =>
  assembled(pages)
    .blocks.map((block) => block.content.map((inline) => (inline.type === 'text' ? inline.text : `{${inline.type}:${'label' in inline ? inline.label : ''}}`)).join(''))
    .join('\n');

describe('footnotes set a point or two smaller than the text', () => {
  // Body and note sizes word processors and journals commonly use.
  for (const [body, notes] of [
    [11, 10],
    [12, 10],
    [11, 9],
    [10, 8],
  ] as const) {
    it(`separates ${notes} pt notes under ${body} pt text, numbered as the calls in the text are`, () => {
      const pages = [
        page([
          called('The delegation refused to endorse the denunciation.', 520, body, 1, ' It was read in Moscow as loyalty to Beijing.'),
          ...prose(520 - 1.2 * body, body, 8),
          called('The specialists began to leave in the spring.', 520 - 1.2 * body * 9, body, 2),
          line('1 AQSh, fondi 14/AP, dosja 7, fleta 3–5.', 70, notes),
          line('2 Ibid.', 70 - 1.15 * notes, notes),
        ]),
      ];
      expect(notesOf(pages)).toEqual([
        ['1', 'AQSh, fondi 14/AP, dosja 7, fleta 3–5.'],
        ['2', 'Ibid.'],
      ]);
      expect(textOf(pages)).toContain('The delegation refused to endorse the denunciation.{noteRef:1} It was read in Moscow');
      expect(textOf(pages)).not.toContain('AQSh');
    });
  }

  it('finds no notes on pages of running text in one size, even where a line opens with a number', () => {
    const pages = [0, 1].map(() => page([...prose(520, 11, 6), line('1 May 1961 was the day the submarines left the base at Pashaliman.', 520 - 13.2 * 6, 11), ...prose(520 - 13.2 * 7, 11, 4)]));
    expect(assembled(pages).notes).toEqual([]);
    expect(textOf(pages)).toContain('1 May 1961 was the day');
  });

  it('keeps a quotation or a caption set a point smaller at the foot of the page as text, when nothing calls its number', () => {
    const pages = [
      page([...prose(520, 12, 10), line('2 May 1961: the last of the submarines leaves the base', 380, 11, { x0: 80 }), line('at Pashaliman, its crews in Soviet uniform.', 366.8, 11, { x0: 80 })]),
      page([...prose(520, 12, 10), line('3 The harbour at Vlora, photographed from the north.', 380, 11)]),
    ];
    expect(assembled(pages).notes).toEqual([]);
    expect(textOf(pages)).toContain('2 May 1961: the last of the submarines');
    expect(textOf(pages)).toContain('3 The harbour at Vlora');
  });

  it('separates the notes that follow a quotation set in small type at the foot of the page', () => {
    const pages = [
      page([
        called('As the minister wrote to the embassy:', 520, 11, 1),
        ...prose(506.8, 11, 8),
        line('We shall never bow to the pressure of Moscow.', 390, 10, { x0: 80 }),
        line('1 AQSh, fondi 14/AP, dosja 7, fleta 3–5.', 70, 10),
      ]),
    ];
    expect(notesOf(pages)).toEqual([['1', 'AQSh, fondi 14/AP, dosja 7, fleta 3–5.']]);
    expect(textOf(pages)).toContain('We shall never bow to the pressure of Moscow.');
  });
});

describe('note numbers of three and four digits', () => {
  it('starts a new note at a number that touches its text, and links calls of four digits', () => {
    const pages = [
      page([
        called('The plenum closed with a vote.', 520, 12, 99),
        ...prose(505.6, 12, 8),
        called('The congress met in the autumn.', 390, 12, 100, ' The envoy came back from Moscow.'),
        called('Its minutes were never printed.', 375.6, 12, 101),
        line('99 Ibid.', 82, 10),
        line('100AQSh, fondi 14/AP, dosja 700, fleta 300–302.', 70, 10),
        line('101Ibid.', 58, 10),
      ]),
      page([
        called('The grievance was sent to Moscow.', 520, 12, 1087, ' Grievance followed grievance.'),
        ...prose(505.6, 12, 8),
        line('1087AQSh, fondi 14/AP, dosja 7609, fleta 3261–3263.', 70, 10),
      ]),
    ];
    expect(notesOf(pages)).toEqual([
      ['99', 'Ibid.'],
      ['100', 'AQSh, fondi 14/AP, dosja 700, fleta 300–302.'],
      ['101', 'Ibid.'],
      ['1087', 'AQSh, fondi 14/AP, dosja 7609, fleta 3261–3263.'],
    ]);
    expect(textOf(pages)).toContain('The grievance was sent to Moscow.{noteRef:1087} Grievance followed grievance.');
  });

  it('takes a number touching the text for a new note only where it follows the last note', () => {
    // "2nd" after note 1 is not note 2: only a capital after the digits, as a note's text begins.
    const pages = [
      page([
        called('The report went to the Politburo.', 520, 12, 1),
        ...prose(505.6, 12, 8),
        line('1 AQSh, fondi 14/AP, dosja 7, fleta 3–5; the report was printed in the', 82, 10),
        line('2nd edition of the bulletin.', 70, 10),
      ]),
    ];
    expect(notesOf(pages)).toEqual([['1', 'AQSh, fondi 14/AP, dosja 7, fleta 3–5; the report was printed in the 2nd edition of the bulletin.']]);
  });
});

describe('the foot of a two-column page', () => {
  // Two columns of 10 pt text, a call in the left one, its note in 8 pt at the foot of the left
  // column, and 8 pt text at the foot of the right one.
  const twoColumns = (note: string[], right: string[]) => [
    page([
      called('The minutes were read to the plenum.', 520, 10, 1, '', { x0: 50, x1: 230, column: 1 }),
      ...prose(508, 10, 6).map((l) => ({ ...l, x1: 230, column: 1 as const })),
      ...prose(520, 10, 7).map((l) => ({ ...l, x0: 270, x1: 450, column: 2 as const })),
      ...note.map((text, k) => line(text, 90 - 10 * k, 8, { x1: 230, column: 1 })),
      ...right.map((text, k) => line(text, 90 - 10 * k, 8, { x0: 270, x1: 450, column: 2 })),
    ]),
  ];

  it('joins to the note the lines that carry it on in the right column, where it stopped mid-sentence or they open in lower case', () => {
    expect(notesOf(twoColumns(['1 AQSh, fondi 14/AP, with the letter of the'], ['Soviet ambassador.']))).toEqual([['1', 'AQSh, fondi 14/AP, with the letter of the Soviet ambassador.']]);
    expect(notesOf(twoColumns(['1 AQSh, fondi 14/AP, dosja 7, fleta 3.'], ['see also fleta 9.']))).toEqual([['1', 'AQSh, fondi 14/AP, dosja 7, fleta 3. see also fleta 9.']]);
  });

  it('keeps as text a caption in small type at the foot of the right column, under a note that has ended', () => {
    const pages = twoColumns(['1 AQSh, fondi 14/AP, dosja 7, fleta 3.'], ['The harbour at Vlora, from the north.']);
    expect(notesOf(pages)).toEqual([['1', 'AQSh, fondi 14/AP, dosja 7, fleta 3.']]);
    expect(textOf(pages)).toContain('The harbour at Vlora, from the north.');
  });
});

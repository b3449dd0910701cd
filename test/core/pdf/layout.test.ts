import { describe, expect, it } from 'vitest';
import { layoutPage, type PdfItem } from '../../../core/pdf/index.ts';

// A text item; widths are 5 points per character, as if every glyph were half an em of 10 points.
const item = (text: string, x: number, y: number, options: Partial<PdfItem> = {}): PdfItem => ({
  text,
  x,
  y,
  width: text.length * 5,
  size: 10,
  bold: false,
  italic: false,
  ...options,
});

const texts = (items: PdfItem[]) => layoutPage({ width: 600, height: 800, items }).lines.map((line) => line.text);

describe('lines rebuilt from text items', () => {
  it('orders items by position, whatever order the page draws them in, and spaces them by their gaps', () => {
    const items = [item('second', 50, 688), item('line', 82, 688), item('First', 50, 700), item('line', 77, 700), item('here', 100, 700)];
    expect(texts(items)).toEqual(['First line here', 'second line']);
  });

  it('keeps a raised note number in its own line, never the line above, as a superscript run', () => {
    const items = [
      item('The first line ends here.', 50, 700),
      item('The next line has a note', 50, 688),
      item('12', 175, 691.5, { size: 6, width: 6 }),
      item('in it.', 184, 688),
    ];
    const { lines } = layoutPage({ width: 600, height: 800, items });
    expect(lines.map((line) => line.text)).toEqual(['The first line ends here.', 'The next line has a note12 in it.']);
    expect(lines[1]?.runs).toEqual([
      { text: 'The next line has a note', bold: false, italic: false, sup: false },
      { text: '12', bold: false, italic: false, sup: true },
      { text: ' in it.', bold: false, italic: false, sup: false },
    ]);
  });

  it('spells out ligatures, drops control characters and keeps a soft hyphen only at the end of a line', () => {
    expect(texts([item('the \uFB01rst of\u00AD\u0005\uFB02ows', 50, 700), item('obvi\u00AD', 50, 688)])).toEqual(['the first offlows', 'obvi\u00AD']);
  });

  it('reads two columns column by column, with a title across both first', () => {
    const left = ['left one', 'left two', 'left three'].map((text, i) => item(text, 50, 650 - 12 * i));
    const right = ['right one', 'right two', 'right three'].map((text, i) => item(text, 320, 650 - 12 * i));
    const title = item('A title that runs across both of the columns', 50, 700, { width: 500, size: 14 });
    const { lines } = layoutPage({ width: 600, height: 800, items: [...right, ...left, title] });
    expect(lines.map((line) => [line.column, line.text])).toEqual([
      [0, 'A title that runs across both of the columns'],
      [1, 'left one'],
      [1, 'left two'],
      [1, 'left three'],
      [2, 'right one'],
      [2, 'right two'],
      [2, 'right three'],
    ]);
  });

  it('keeps a line that runs into the gutter in its column', () => {
    const left = ['left one', 'left two', 'left three'].map((text, i) => item(text, 50, 650 - 12 * i, { width: 230 }));
    const right = ['right one', 'right two', 'right three'].map((text, i) => item(text, 320, 650 - 12 * i, { width: 230 }));
    const overfull = [item('an overfull', 50, 614), item('word-', 110, 614, { width: 200 }), item('!', 310, 614)];
    const lines = texts([...left, ...right, ...overfull]);
    expect(lines.slice(0, 4)).toEqual(['left one', 'left two', 'left three', 'an overfull word-!']);
  });

  it('sees one column where lines run across the middle', () => {
    const prose = Array.from({ length: 8 }, (_unused, i) => item('a line of prose that runs across the middle of the page', 50, 700 - 12 * i));
    expect(new Set(layoutPage({ width: 600, height: 800, items: prose }).lines.map((line) => line.column))).toEqual(new Set([0]));
  });
});

import { describe, expect, it } from 'vitest';
import type { PageLayout, PdfLine } from '../../../core/pdf/index.ts';
import { assemblePdf } from '../../../core/pdf/index.ts';

// Lines placed by hand, 12 points apart, in 10-point type: `from` and `to` are where a line
// begins and ends. A justified column runs from its left edge to its right edge.
const lines = (column: PdfLine['column'], top: number, spec: [number, number, string][]): PdfLine[] =>
  spec.map(([x0, x1, text], i) => ({ runs: [{ text, bold: false, italic: false, sup: false }], text, x0, x1, y: top - 12 * i, size: 10, column }));
const page = (all: PdfLine[]): PageLayout => ({ width: 600, height: 800, lines: all, chars: all.reduce((n, l) => n + l.text.length, 0) });
const paragraphs = (pages: PageLayout[]) =>
  assemblePdf(pages, null).body.blocks.map((block) => block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join(''));

// One column from 50 to 350; a paragraph's first line, or an item's later lines, stand in at 70.
const EDGE = 50;
const IN = 70;
const RIGHT = 350;

describe('paragraphs rebuilt from the geometry of lines', () => {
  it('keeps an item set with a hanging indent one paragraph, and starts the next item back at the edge', () => {
    const pages = [
      page(
        lines(0, 700, [
          [IN, RIGHT, 'The script writes three files, each sorted in its own'],
          [EDGE, RIGHT, 'way, and every one of them is read by the next run of'],
          [EDGE, 200, 'the program:'],
          [EDGE + 4, RIGHT, 'alphabetical, sorted by the family name of the first'],
          [IN, 180, 'author;'],
          [EDGE + 4, RIGHT, 'sequential, in the order in which the works are first'],
          [IN, RIGHT, 'cited in the text, with a label that begins with the'],
          [IN, 220, 'number of the citation;'],
          [EDGE, RIGHT, '[Daly, 2007] Daly, P. W. Customizing bibliographic'],
          [IN, RIGHT, 'style files, a long entry whose second and third lines'],
          [IN, RIGHT, 'stand in and whose last line runs to the right edge'],
          [EDGE, RIGHT, '[Mori, 2009] Mori, L. F. Managing bibliographies with'],
          [IN, 160, 'LaTeX.'],
          [IN, RIGHT, 'A paragraph follows the list, its first line indented'],
          [EDGE, RIGHT, 'as paragraphs are, and its later lines at the edge of'],
          [EDGE, 150, 'the column.'],
        ]),
      ),
    ];
    expect(paragraphs(pages)).toEqual([
      'The script writes three files, each sorted in its own way, and every one of them is read by the next run of the program:',
      'alphabetical, sorted by the family name of the first author;',
      'sequential, in the order in which the works are first cited in the text, with a label that begins with the number of the citation;',
      '[Daly, 2007] Daly, P. W. Customizing bibliographic style files, a long entry whose second and third lines stand in and whose last line runs to the right edge',
      '[Mori, 2009] Mori, L. F. Managing bibliographies with LaTeX.',
      'A paragraph follows the list, its first line indented as paragraphs are, and its later lines at the edge of the column.',
    ]);
  });

  it('still starts a paragraph at each indented first line, even after a line that fills the column', () => {
    const pages = [
      page(
        lines(0, 700, [
          [IN, RIGHT, 'The first paragraph opens with an indented line and'],
          [EDGE, RIGHT, 'its last line happens to run right to the edge of the'],
          [EDGE, RIGHT, 'column, as the last line of a paragraph sometimes does'],
          [IN, RIGHT, 'The second paragraph opens indented as well, and its'],
          [EDGE, 200, 'last line is short.'],
          [EDGE, RIGHT, 'A paragraph of one line that starts at the edge and fills'],
          [IN, RIGHT, 'The paragraph after it opens indented, goes on at the'],
          [EDGE, RIGHT, 'edge of the column and ends, like the others, on a'],
          [EDGE, 150, 'short line.'],
        ]),
      ),
    ];
    expect(paragraphs(pages)).toEqual([
      'The first paragraph opens with an indented line and its last line happens to run right to the edge of the column, as the last line of a paragraph sometimes does',
      'The second paragraph opens indented as well, and its last line is short.',
      'A paragraph of one line that starts at the edge and fills',
      'The paragraph after it opens indented, goes on at the edge of the column and ends, like the others, on a short line.',
    ]);
  });

  it('keeps a block quote, indented on both sides, one paragraph between the paragraphs around it', () => {
    const pages = [
      page(
        lines(0, 700, [
          [IN, RIGHT, 'The minister set out his reasons in a letter to the'],
          [EDGE, RIGHT, 'prefect, written the day after the riot, in a hand that'],
          [EDGE, RIGHT, 'his secretary later called hurried, and kept among the'],
          [EDGE, RIGHT, 'papers of the prefecture, where he'],
          [EDGE, 160, 'wrote:'],
          [IN + 10, RIGHT - 30, 'The order of the city is the first duty of'],
          [IN + 10, RIGHT - 30, 'the state, and no petition, however just,'],
          [IN + 10, RIGHT - 30, 'may be heard while the streets are held by'],
          [IN + 10, 210, 'those who sign it.'],
          [EDGE, RIGHT, 'The prefect did not answer for a month, and then only'],
          [EDGE, RIGHT, 'in two lines, which the minister had copied into the'],
          [EDGE, RIGHT, 'register of his correspondence with a note of his'],
          [EDGE, 180, 'own.'],
        ]),
      ),
    ];
    expect(paragraphs(pages)).toEqual([
      'The minister set out his reasons in a letter to the prefect, written the day after the riot, in a hand that his secretary later called hurried, and kept among the papers of the prefecture, where he wrote:',
      'The order of the city is the first duty of the state, and no petition, however just, may be heard while the streets are held by those who sign it.',
      'The prefect did not answer for a month, and then only in two lines, which the minister had copied into the register of his correspondence with a note of his own.',
    ]);
  });

  it('measures indents in each column from its own edge, and follows an item from one column to the next', () => {
    // The left column runs from 50 to 280, the right one from 310 to 540; both indent by 20.
    const left = lines(1, 700, [
      [70, 280, 'A paragraph in the left column opens with an indented'],
      [50, 280, 'line, goes on at the edge, and ends on a line that is'],
      [50, 150, 'short, before a list.'],
      [50, 280, 'first item, its first line at the edge of the column'],
      [70, 280, 'and its later lines further in, running on from the'],
      [70, 280, 'foot of the left column to the head of the right'],
    ]);
    const right = lines(2, 700, [
      [330, 540, 'column, where it stands in as far from that column’s'],
      [330, 420, 'edge, and ends;'],
      [310, 540, 'second item, at the edge of the right column, with'],
      [330, 400, 'one more line;'],
      [330, 540, 'and a paragraph after the list, its first line in, the'],
      [310, 540, 'next at the edge of the right column, and its last one'],
      [310, 380, 'short.'],
    ]);
    expect(paragraphs([page([...left, ...right])])).toEqual([
      'A paragraph in the left column opens with an indented line, goes on at the edge, and ends on a line that is short, before a list.',
      'first item, its first line at the edge of the column and its later lines further in, running on from the foot of the left column to the head of the right column, where it stands in as far from that column’s edge, and ends;',
      'second item, at the edge of the right column, with one more line;',
      'and a paragraph after the list, its first line in, the next at the edge of the right column, and its last one short.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { assemblePdf, type PageLayout, type PdfLine } from '../../../core/pdf/index.ts';
import { pdfLine, pdfPage } from '../../support/pdf-lines.ts';

const line = pdfLine;
// A line of running text ending with a raised note call.
const called = (text: string, y: number, call: number): PdfLine =>
  line(`${text}${call}`, y, { runs: [{ text, bold: false, italic: false, sup: false }, { text: String(call), bold: false, italic: false, sup: true }] });
const note = (text: string, y: number, options: Partial<PdfLine> = {}) => line(text, y, { size: 8, ...options });
// Lines of running text enough to outweigh the notes, so that their size is the body's.
const prose = (from: number) => [0, 1, 2, 3].map((k) => line('Running text set in the body size, long enough to fill the measure.', from - 12 * k));
const page = pdfPage;
const notesOf = (pages: PageLayout[]) =>
  assemblePdf(pages, null).body.notes.map((n) => [n.label, n.blocks[0]?.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('')]);
const textOf = (pages: PageLayout[]) =>
  assemblePdf(pages, null).body.blocks.map((block) => block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('')).join('\n');

describe('running heads and feet', () => {
  it('never takes the last line of a page’s footnotes for a running foot, however alike those lines are from page to page', () => {
    // Every page ends its notes with "n Ibid." or an archive reference of the same words, at the
    // same place, as a page number stands below them.
    const pages = [0, 1, 2, 3].map((i) => {
      const [a, b] = [2 * i + 1, 2 * i + 2];
      const last = i % 2 === 0 ? `${b} Ibid.` : `${b} AQSh, fondi 14/AP, dosja ${7 * b}, fleta ${3 * b}–${3 * b + 2}.`;
      return page([
        line('Studia Albanica · 56 (2019)', 570, { size: 9 }),
        called(`The text of page ${i + 1} makes a claim.`, 500, a),
        called('It goes on to make another one.', 488, b),
        ...prose(476),
        note(`${a} AQSh, fondi 14/AP, dosja ${7 * a}, fleta ${3 * a}–${3 * a + 2}.`, 66),
        note(last, 56),
        line(String(201 + i), 40, { size: 9 }),
      ]);
    });
    expect(notesOf(pages).map(([label]) => label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(notesOf(pages)[1]).toEqual(['2', 'Ibid.']);
    expect(notesOf(pages)[3]).toEqual(['4', 'AQSh, fondi 14/AP, dosja 28, fleta 12–14.']);
    expect(assemblePdf(pages, null).labels.labels).toEqual(['201', '202', '203', '204']);
    expect(textOf(pages)).not.toContain('Studia');
  });

  it('keeps the second line of a footnote that ends every page, its words alike but its numbers not', () => {
    const pages = [0, 1, 2].map((i) =>
      page([
        line(`Journal of Balkan Studies ${41 + i}`, 570, { size: 9 }),
        called(`Page ${i + 1} cites the memoirs of the fleet commander.`, 500, i + 1),
        ...prose(488),
        note(`${i + 1} See the reflections of the official fleet commander in his`, 66),
        note(`memoirs, pp. ${211 + 3 * i}–${214 + 3 * i}.`, 56, { x0: 60 }),
      ]),
    );
    expect(notesOf(pages).map(([, text]) => text)).toEqual([0, 1, 2].map((i) => `See the reflections of the official fleet commander in his memoirs, pp. ${211 + 3 * i}–${214 + 3 * i}.`));
    expect(assemblePdf(pages, null).labels.labels).toEqual(['41', '42', '43']);
  });

  it('removes a foot that repeats its words beside the page number, and one that repeats its whole text', () => {
    const pages = [0, 1, 2, 3].map((i) =>
      page([
        line(`Page ${i + 1} holds a paragraph of running text.`, 500, { x0: 62 }),
        line(`Downloaded from the archive on 12 May 2019`, 56, { size: 8 }),
        line(i % 2 === 0 ? `Cold War History ${12 + i}` : `${12 + i} Cold War History`, 40, { size: 8 }),
      ]),
    );
    expect(textOf(pages)).toBe([1, 2, 3, 4].map((n) => `Page ${n} holds a paragraph of running text.`).join('\n'));
    expect(assemblePdf(pages, null).labels.labels).toEqual(['12', '13', '14', '15']);
  });
});

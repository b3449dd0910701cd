import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inline } from '../../../../core/corpus/model.ts';
import { readPdf } from '../../../../electron/services/import/pdf/read-pdf.ts';
import { lines, makePdf, type Text } from '../../../support/make-pdf.ts';
import { makeTempCorpus, type TempCorpus } from '../temp-corpus.ts';

// A book's pages as a word processor sets them: 11 pt text, 10 pt notes at the foot with their
// numbers unraised (three-digit ones touching the note's text), "Ibid." ending some pages, a
// running head and the page number at the foot.
const PROSE = [
  'The delegation refused to endorse the denunciation',
  'of the Chinese leadership, and the refusal was read',
  'in Moscow as a plain affirmation of loyalty to the',
  'leaders in Beijing. The specialists left in the spring',
  'and the fishing fleet, the oilfields and the naval',
  'base at Pashaliman felt it at once. Historians have',
  'long debated whether the withdrawal of the submarines',
  'was a deliberate escalation or an inevitability.',
];
const NOTES: Record<number, string> = {
  98: 'AQSh, fondi 14/AP, dosja 686, fleta 294–296.',
  99: 'Ibid.',
  100: 'AQSh, fondi 14/AP, dosja 700, fleta 300–302.',
  101: 'Ibid.',
  102: 'AQSh, fondi 14/AP, dosja 714, fleta 306–308.',
  103: 'Ibid.',
  104: 'AQSh, fondi 14/AP, dosja 728, fleta 312–314.',
  105: 'Ibid.',
};

function bookPage(index: number): Text[] {
  const [first, second] = [98 + 2 * index, 99 + 2 * index];
  const call = (n: number, y: number): Text => ({ text: String(n), x: 0, follows: true, y: y + 4, size: 7 });
  const note = (n: number, y: number): Text[] =>
    n >= 100
      ? [{ text: String(n), x: 50, y, size: 10 }, { text: NOTES[n] as string, x: 0, follows: true, y, size: 10 }]
      : [{ text: String(n), x: 50, y, size: 10 }, { text: NOTES[n] as string, x: 68, y, size: 10 }];
  return [
    { text: 'Studia Albanica · 56 (2019)', x: 140, y: 570, size: 9 },
    ...lines(50, 520, [`Page ${201 + index} opens with a claim that needs a source.`], { size: 11 }),
    call(first, 520),
    ...lines(50, 506.8, PROSE, { size: 11, leading: 13.2 }),
    ...lines(50, 401.2, ['and it closes with a second claim.'], { size: 11 }),
    call(second, 401.2),
    ...note(first, 70),
    ...note(second, 58.4),
    { text: String(201 + index), x: 195, y: 40, size: 9 },
  ];
}

const refsOf = (inlines: readonly Inline[]) => inlines.flatMap((inline) => (inline.type === 'noteRef' ? [inline.label] : inline.type === 'marker' ? [`marker:${inline.label}`] : []));

describe('footnotes of a PDF set as a word processor sets them', () => {
  let temp: TempCorpus;
  beforeAll(() => {
    temp = makeTempCorpus();
  });
  afterAll(() => temp.remove());

  it('keeps every note, the last of each page and those numbered from 100 on, and links each call', async () => {
    const bytes = await makePdf([0, 1, 2, 3].map((index) => ({ texts: bookPage(index) })));
    const extraction = await readPdf(temp.input('book.pdf', bytes));
    expect(extraction.body.notes.map((note) => [note.label, note.blocks[0]?.content])).toEqual(
      Object.entries(NOTES).map(([label, text]) => [label, [{ type: 'text', text }]]),
    );
    expect(extraction.body.blocks.flatMap((block) => refsOf(block.content))).toEqual(Object.keys(NOTES));
    expect(extraction.pageLabels).toEqual(['201', '202', '203', '204']);
    const text = extraction.body.blocks.flatMap((block) => block.content.map((inline) => (inline.type === 'text' ? inline.text : ''))).join(' ');
    expect(text).not.toMatch(/Studia|AQSh|Ibid/u);
  });
});

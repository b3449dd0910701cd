import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inline } from '../../../../core/corpus/model.ts';
import { readPdf } from '../../../../electron/services/import/pdf/read-pdf.ts';
import { lines, makePdf, type Text } from '../../../support/make-pdf.ts';
import { wordsOf } from '../../../support/word-agreement.ts';
import { makeTempCorpus, type TempCorpus } from '../temp-corpus.ts';
import { bodyText } from './pdf-body.ts';

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

// A journal's two-column page whose one footnote, too long for the foot of the left column, runs
// on at the foot of the right one with no number, the body's last sentence going on overleaf.
const LEFT = [
  'The minutes of the meeting in Tirana show',
  'that the delegation knew of the refusal',
  'before it left for Moscow, and that the',
  'leaders had weighed its cost to the naval',
  'base at Vlora, where the submarines lay.',
];
const RIGHT = ['Historians have long debated whether the', 'withdrawal of the submarines was meant', 'as a deliberate escalation or came as an', 'inevitability, and the decision was taken'];
const NOTE = ['AQSh, fondi 14/AP, dosja 686, fleta 294,', 'with the minutes of the Politburo of 12', 'February 1961 and the letter of the'];
const RUN_ON = ['Soviet ambassador, which the minister', 'answered a week later in person.'];

function journalPages(): Promise<Uint8Array> {
  return makePdf([
    {
      width: 500,
      height: 700,
      texts: [
        ...lines(50, 600, LEFT),
        { text: '1', x: 0, follows: true, y: 555.5, size: 6 },
        ...lines(270, 600, RIGHT),
        { text: '1', x: 50, y: 123.5, size: 6 },
        ...lines(54, 120, NOTE, { size: 8, leading: 10 }),
        ...lines(270, 120, RUN_ON, { size: 8, leading: 10 }),
      ],
    },
    { width: 500, height: 700, texts: lines(50, 600, ['early in the spring of 1961, after the plenum.']) },
  ]);
}

describe('a footnote running on from the foot of the left column to the foot of the right', () => {
  let temp: TempCorpus;
  beforeAll(() => {
    temp = makeTempCorpus();
  });
  afterAll(() => temp.remove());

  it('joins the run-on to its note, and keeps it out of the running text', async () => {
    const extraction = await readPdf(temp.input('journal.pdf', await journalPages()));
    expect(bodyText(extraction.body)).toBe(
      [
        `{{page:1}}${LEFT.join(' ')}[^1] ${RIGHT.join(' ')} {{page:2}}early in the spring of 1961, after the plenum.`,
        `[^1]: ${[...NOTE, ...RUN_ON].join(' ')}`,
      ].join('\n\n'),
    );
  });

  it('keeps every word Poppler’s pdftotext reads on the page', async () => {
    const file = temp.input('journal-words.pdf', await journalPages());
    const poppler = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(poppler.status, 'pdftotext (Debian poppler-utils) must be installed').toBe(0);
    // The note's number and its call are not words of the text: the note is linked instead.
    const words = (text: string) => wordsOf(text).filter((word) => word !== '1').sort();
    expect(words(bodyText((await readPdf(file)).body).replaceAll(/\{\{page:\d+\}\}|\[\^1\]:?/gu, ' '))).toEqual(words(poppler.stdout));
  });
});

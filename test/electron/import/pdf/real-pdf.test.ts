import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PdfExtraction } from '../../../../electron/services/import/pdf/pdf-protocol.ts';
import { readPdf } from '../../../../electron/services/import/pdf/read-pdf.ts';
import { readingTextOf } from '../../../../core/corpus/reading-text.ts';
import { orderSimilarity, wordsOf } from '../../../support/word-agreement.ts';

// A TUGboat article typeset by pdfTeX (test/fixtures/pdf/README.md): two columns, running heads
// carrying the printed pages 1001–1004, footnotes at the foot of the columns.
const PAPER = fileURLToPath(new URL('../../../fixtures/pdf/tug-paper.pdf', import.meta.url));

// Sentences from every page and column, in the order a reader meets them.
const SENTENCES = [
  'Conventional standards for bibliography styles entail a forced choice between index and name-year citations and corresponding references.',
  'One of the aims of the list of references in an academic paper or book is to show the reader the current state of the field.',
  'In the old days, when bibliographies were created and sorted manually, such a task was prohibitively expensive. This is no longer true.',
  'Encouraged by the programmability of bibliographic styles and the flexibility of compiled formatting, we propose an extension of academic and scientific bibliographic styles.',
  'This idea was conceived by the first author and implemented partly by the second author and the third author.',
  // An item whose second line hangs indented, its first ending on a broken word.
  'author names and publication year (or some abbreviation thereof), as in the “alpha” style, we use both,',
  'The multibibliography comprises three separate orderings.',
  'sorted alphabetically, by first author’s family name,',
  'This functionality is different from both the multibib package, which facilitates having separate bibliographies for each chapter in a monograph,',
  'This multibibliography system is copotentiated by the hypertextual hyperref package.',
  'The extended inline citation style was designed for the multibibliography, but can be deployed and is useful even without it.',
  'as traditional print-based publishers might resent the cost of extra pages.',
  'It is our hope that old-fashioned conventions, established in the context of technological restrictions that have now been overcome, may be relaxed.',
  'Managing bibliographies with LATEX.',
];

describe('a real published PDF: the TUGboat article of the multibibliography package', () => {
  let extraction: PdfExtraction;
  let text: string;
  beforeAll(async () => {
    extraction = await readPdf(PAPER);
    text = readingTextOf(extraction.body.blocks, extraction.body.notes).text;
  }, 60_000);

  it('reads its sentences whole and in reading order, column after column', () => {
    let from = 0;
    for (const sentence of SENTENCES) {
      const at = text.indexOf(sentence, from);
      expect(at, sentence).toBeGreaterThanOrEqual(from);
      from = at + sentence.length;
    }
  });

  it('labels its pages with the printed pages 1001 to 1004, each where that page begins', () => {
    expect(extraction.labelSource).toBe('pdf-labels');
    const starts = new Map<string, string>();
    for (const block of extraction.body.blocks) {
      block.content.forEach((inline, i) => {
        if (inline.type !== 'page') return;
        const after = block.content.slice(i + 1).map((next) => (next.type === 'text' ? next.text : '')).join('');
        starts.set(inline.label, after.slice(0, 40));
      });
    }
    expect([...starts]).toEqual([
      ['1001', 'The Multibibliography Package'],
      ['1002', 'This functionality is different from bot'],
      ['1003', 'alphabetical'],
      ['1004', '[Markey, 2009: 6] Markey, N. (2009). Tam'],
    ]);
  });

  it('separates the six footnotes and links each to its marker', () => {
    expect(extraction.body.notes.map((note) => [note.label, note.blocks[0]?.content])).toEqual(
      ['multibib', 'multibbl', 'hyperref', 'hyperref/manual', 'natbib', 'chapterbib'].map((name, i) => [
        String(i + 1),
        [{ type: 'text', text: name === 'hyperref/manual' ? 'www.tug.org/applications/hyperref/manual.html' : `www.ctan.org/pkg/${name}` }],
      ]),
    );
    const refs = extraction.body.blocks.flatMap((block) => block.content.filter((inline) => inline.type === 'noteRef').map((inline) => inline.label));
    expect(refs).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(text).not.toContain('www.ctan.org/pkg/multibib package');
  });

  // Two lists whose items hang: each item's first line stands at the column's edge (or a little
  // in, its label), its later lines further in, as far as a paragraph's first line would be.
  it('keeps each item set with a hanging indent one paragraph, from its first line to its last', () => {
    const paragraphs = extraction.body.blocks.map((block) => [block.type, block.content.map((inline) => (inline.type === 'text' ? inline.text : `{${inline.type}}`)).join('')]);
    const items = [
      '“apalike” style, sorted alphabetically, by first author’s family name,',
      '“unsrt” style, in order of first appearance in the document, and with the label adjusted to lead with the sequence number, and also',
      '“chronological” style, sorted according to date of publication, as in a timeline.',
      'the name, which jumps to the corresponding entry in the alphabetical bibliography;',
      'the index number, which jumps to the respective entry in the sequential bibliography; or',
      'the date, which jumps to the matching entry in the chronological bibliography.',
    ];
    const at = items.map((item) => paragraphs.findIndex(([, text]) => text === item));
    expect(at.map((i) => paragraphs[i] ?? 'missing')).toEqual(items.map((item) => ['paragraph', item]));
    // Each list's items follow one another.
    expect([at[1]! - at[0]!, at[2]! - at[1]!, at[4]! - at[3]!, at[5]! - at[4]!]).toEqual([1, 1, 1, 1]);
    // The paragraph after the second list begins with its own indented first line.
    expect(paragraphs[at[5]! + 1]?.[1]).toMatch(/^Similarly, cross-references among the respective sub-bibliographies/u);
  });

  // Poppler reads this paper's second page out of order, so it is asked for one column at a time
  // (each half of each page, left before right): that is the order a reader follows.
  it('agrees with Poppler’s pdftotext, read column by column, on the words and their order', () => {
    let columns = '';
    for (let page = 1; page <= 4; page += 1) {
      for (const x of ['0', '306']) {
        const poppler = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-x', x, '-y', '0', '-W', '306', '-H', '792', PAPER, '-'], { encoding: 'utf8' });
        expect(poppler.status, 'pdftotext (Debian poppler-utils) must be installed').toBe(0);
        columns += `${poppler.stdout}\n`;
      }
    }
    const body = readingTextOf(extraction.body.blocks, []).text;
    expect(orderSimilarity(wordsOf(body), wordsOf(columns))).toBeGreaterThan(0.9);
  });
});

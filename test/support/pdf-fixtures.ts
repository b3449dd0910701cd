/**
 * The generated PDFs the PDF import is checked on, each with the cleaned body it must give
 * exactly: a journal article (running heads with page numbers, hyphenated line ends beside real
 * hyphens, footnotes, headings, italics), a two-column page drawn right column first, an
 * article ending on a page whose columns hold two lines each, a document with page labels (roman front matter, then 375 on), one with a scanned page, and a
 * long one for progress and cancelling.
 */
import { lines, makePdf, type PageSpec, type Text } from './make-pdf.ts';

/** A generated PDF and what importing it must give. */
export interface PdfFixture {
  name: string;
  bytes: () => Promise<Uint8Array>;
  /** The body of the cleaned file (after the front matter), exactly. */
  body: string;
  labelSource: 'pdf-labels' | 'printed-numbers' | 'page-index';
  textless: number[];
}

// A raised note number right after the text before it (or at `x` when it opens a footnote).
const marker = (text: string, y: number, x?: number): Text => ({ text, x: x ?? 0, follows: x === undefined, y: y + 3.5, size: 6 });
// Text right after the text before it, `gap` points on.
const then = (text: string, y: number, options: Partial<Text> = {}): Text => ({ text, x: 0, y, follows: true, size: 8, ...options });

/** A three-page article, pages 12–14 as printed in its running heads and foot. */
export const article: PdfFixture = {
  name: 'article.pdf',
  bytes: () =>
    makePdf(
      [
        {
          texts: [
            { text: 'Albania and Moscow', x: 50, y: 540, size: 16, font: 'bold' },
            { text: 'Ana Lalaj', x: 50, y: 515, font: 'italic' },
            ...lines(50, 480, ['The Soviet-Albanian split of 1961 was not obvi-', 'ous to the pro-', 'Soviet faction in Tirana,'], { indent: 12 }),
            marker('1', 456),
            ...lines(50, 444, ['which still looked to Moscow for grain and credit. Its', 'leaders were well-', 'known in the Kremlin.']),
            ...lines(50, 400, ['A second paragraph begins here, and its argu-'], { indent: 12 }),
            marker('1', 60, 50),
            then('Enver Hoxha, ', 60, { x: 2 }),
            then('Vepra', 60, { font: 'italic' }),
            then(', vol. 20 (Tirana, 1975), 12.', 60),
            { text: '12', x: 195, y: 30, size: 9 },
          ],
        },
        {
          texts: [
            { text: '13 COLD WAR HISTORY', x: 50, y: 570, size: 9 },
            ...lines(50, 530, ['ment continues on the next page, where a heading follows.']),
            { text: 'Sources', x: 50, y: 490, size: 12, font: 'bold' },
            ...lines(50, 465, ['The archive of the Central Committee holds the minutes.'], { indent: 12 }),
            marker('2', 465),
            marker('2', 60, 50),
            then('AQSH, F. 14/AP, D. 3, 1961.', 60, { x: 2 }),
          ],
        },
        {
          texts: [
            { text: 'ALBANIA AND MOSCOW 14', x: 250, y: 570, size: 9 },
            ...lines(50, 530, ['Nothing more is known about its claim to self-', 'determination.'], { indent: 12 }),
          ],
        },
      ],
      { title: 'Microsoft Word - lalaj_final.doc', author: 'Ana Lalaj' },
    ),
  body: [
    '# {{page:12}}Albania and Moscow',
    '*Ana Lalaj*',
    'The Soviet-Albanian split of 1961 was not obvious to the pro-Soviet faction in Tirana,[^1] which still looked to Moscow for grain and credit. Its leaders were well-known in the Kremlin.',
    'A second paragraph begins here, and its argu{{page:13}}ment continues on the next page, where a heading follows.',
    '## Sources',
    'The archive of the Central Committee holds the minutes.[^2]',
    '{{page:14}}Nothing more is known about its claim to self-determination.',
    '[^1]: Enver Hoxha, *Vepra*, vol. 20 (Tirana, 1975), 12.',
    '[^2]: AQSH, F. 14/AP, D. 3, 1961.',
  ].join('\n\n'),
  labelSource: 'printed-numbers',
  textless: [],
};

const LEFT = ['Left column first line of the text that', 'continues down the column in order and', 'ends here at the bottom of the column,', 'so that the reader now moves on to the'];
const RIGHT = ['right column, which takes it up at its', 'top and reads on to the end of the page.', 'A new paragraph starts in the right', 'column and closes the page.'];

/** One page in two columns, drawn right column first, with a title above both. */
export const twoColumns: PdfFixture = {
  name: 'two-columns.pdf',
  bytes: () =>
    makePdf([
      {
        width: 500,
        height: 700,
        texts: [
          ...lines(270, 600, RIGHT.slice(0, 2)),
          ...lines(270, 576, RIGHT.slice(2), { indent: 12 }),
          ...lines(50, 600, LEFT),
          { text: 'Two Columns', x: 50, y: 640, size: 16, font: 'bold' },
        ],
      },
    ]),
  body: [
    '# {{page:1}}Two Columns',
    'Left column first line of the text that continues down the column in order and ends here at the bottom of the column, so that the reader now moves on to the right column, which takes it up at its top and reads on to the end of the page.',
    'A new paragraph starts in the right column and closes the page.',
  ].join('\n\n'),
  labelSource: 'page-index',
  textless: [],
};

const FULL_LEFT = [
  'The minutes of the meeting in Tirana show',
  'that the delegation knew of the refusal',
  'before it left for Moscow, and that the',
  'leaders had weighed its cost to the naval',
  'base at Vlora, where the submarines lay,',
];
const FULL_RIGHT = [
  'and historians have long debated whether',
  'the withdrawal of the submarines was an',
  'escalation or an inevitability once the',
  'break between the parties was public, but',
  'the archive of the Central Committee',
];
const SHORT_LEFT = ['holds the minutes, and they settle the', 'question: the decision was taken in'];
const SHORT_RIGHT = ['February, after the plenum, and was', 'carried out in May.'];

/** An article in two columns whose last page holds two lines in each column. */
export const shortColumns: PdfFixture = {
  name: 'short-columns.pdf',
  bytes: () =>
    makePdf([
      { width: 500, height: 700, texts: [...lines(50, 600, FULL_LEFT), ...lines(270, 600, FULL_RIGHT)] },
      { width: 500, height: 700, texts: [...lines(50, 600, SHORT_LEFT), ...lines(270, 600, SHORT_RIGHT)] },
    ]),
  body: `{{page:1}}${[...FULL_LEFT, ...FULL_RIGHT].join(' ')} {{page:2}}${[...SHORT_LEFT, ...SHORT_RIGHT].join(' ')}`,
  labelSource: 'page-index',
  textless: [],
};

const WORDS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** Five pages labelled i, ii, then 375–377, as an offprint with front matter. */
export const labelled: PdfFixture = {
  name: 'offprint.pdf',
  bytes: () =>
    makePdf(
      WORDS.map((word): PageSpec => ({ texts: lines(50, 500, [`This is the text of the ${word} page, set`, 'in lines of running text that fill the', 'measure.'], { indent: 12 }) })),
      { labels: [{ start: 0, style: 'r' }, { start: 2, style: 'D', first: 375 }] },
    ),
  body: ['i', 'ii', '375', '376', '377']
    .map((label, i) => `{{page:${label}}}This is the text of the ${WORDS[i]} page, set in lines of running text that fill the measure.`)
    .join('\n\n'),
  labelSource: 'pdf-labels',
  textless: [],
};

/** Three pages, the second a scanned image without a text layer. */
export const scanned: PdfFixture = {
  name: 'scanned.pdf',
  bytes: () =>
    makePdf([
      { texts: lines(50, 500, ['The first page has a text layer.'], { indent: 12 }) },
      { scan: true },
      { texts: lines(50, 500, ['The third page has one too.'], { indent: 12 }) },
    ]),
  body: [
    '{{page:1}}The first page has a text layer.',
    '{{page:2}}{{gap:page 2 of the PDF has no text layer}}{{page:3}}The third page has one too.',
  ].join('\n\n'),
  labelSource: 'page-index',
  textless: [2],
};

/** A PDF of `count` pages, one short paragraph each. */
export function longPdf(count: number): Promise<Uint8Array> {
  return makePdf(
    Array.from({ length: count }, (_unused, i): PageSpec => ({ texts: lines(50, 500, [`Page ${i + 1} of the long document holds one`, 'short paragraph.'], { indent: 12 }) })),
  );
}

/**
 * A PDF of `count` pages of one paragraph that never breaks, as a ledger or a transcript is set:
 * 40 lines a page, none indented, each line an entry of the same length.
 */
export function ledgerPdf(count: number): Promise<Uint8Array> {
  const entry = (n: number) => `Entry ${String(n).padStart(5, '0')}: grain and credit delivered to Vlora, as agreed.`;
  return makePdf(Array.from({ length: count }, (_unused, page): PageSpec => ({ texts: lines(50, 540, Array.from({ length: 40 }, (_, i) => entry(page * 40 + i + 1))) })));
}

import { describe, expect, it } from 'vitest';
import { assemblePdf, layoutPage, type PdfItem } from '../../../core/pdf/index.ts';

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

  // Justified lines, a word an item: the words spread so that the line fills the column, whatever its word gaps.
  const justified = (text: string, x0: number, x1: number, y: number, options: Partial<PdfItem> = {}): PdfItem[] => {
    const words = text.split(' ');
    const perChar = (options.size ?? 10) / 2;
    const gap = (x1 - x0 - words.join('').length * perChar) / (words.length - 1);
    let x = x0;
    return words.map((word) => {
      const made = item(word, x, y, { width: word.length * perChar, ...options });
      x += made.width + gap;
      return made;
    });
  };

  it('reads each column of a justified page on its own baselines, with a heading in one beside lines of the other', () => {
    // As LibreOffice sets an A4 journal page: word gaps wider than the gutter, the right column's
    // baselines shifted by its heading, a note number raised above a left line near a right baseline.
    const leftTexts = ['revisionism brigade denunciation directive', 'Moscow plenum sovereignty. Consulate', 'Vlora ambassador plenum denunciation', 'rumour telegram revisionism embassy envoy', 'loyalty treaty credit sovereignty.'];
    const left = leftTexts.flatMap((text, i) => (i === 4 ? [item(text, 57, 525 - 11.7 * i)] : justified(text, 57, 286, 525 - 11.7 * i)));
    const marker = item('1', 57 + leftTexts[4]!.length * 5, 525 - 11.7 * 4 + 3.9, { size: 5.8, width: 3.7 });
    const heading = item('2. Part 2', 309, 515.9, { size: 16, width: 62 });
    const rightTexts = ['Grain envoy archive grain report', 'secretary report memorandum minute', 'committee negotiation. Grain Moscow', 'loyalty consulate protocol memorandum'];
    const right = rightTexts.flatMap((text, i) => justified(text, 309, 538, 497.2 - 11.7 * i));
    // Above the heading the right column's lines stand level with the left column's.
    const before = ['embassy plenum archive revisionism', 'submarine conference. Ambassador envoy', 'ministry telegram Durrës envoy negotiation'].flatMap((text, i) =>
      justified(text, 309, 538, 525 + 11.7 * (3 - i)),
    );
    const leftBefore = ['Withdrawal embassy Beijing delegation', 'denunciation harbour cadres grievance', 'submarine conference committee'].flatMap((text, i) =>
      i === 2 ? [item(text, 57, 525 + 11.7 * (3 - i))] : justified(text, 57, 286, 525 + 11.7 * (3 - i)),
    );
    const { lines } = layoutPage({ width: 595, height: 842, items: [...leftBefore, ...left, marker, ...before, heading, ...right] });
    expect(lines.map((line) => [line.column, line.text])).toEqual([
      [1, 'Withdrawal embassy Beijing delegation'],
      [1, 'denunciation harbour cadres grievance'],
      [1, 'submarine conference committee'],
      ...leftTexts.map((text, i) => [1, i === 4 ? `${text}1` : text]),
      [2, 'embassy plenum archive revisionism'],
      [2, 'submarine conference. Ambassador envoy'],
      [2, 'ministry telegram Durrës envoy negotiation'],
      [2, '2. Part 2'],
      ...rightTexts.map((text) => [2, text]),
    ]);
    expect(lines[7]?.runs.at(-1)).toEqual({ text: '1', bold: false, italic: false, sup: true });
  });

  it('reads a two-column section inside a one-column page in order, the one-column text above and below it whole', () => {
    const wide = (text: string, y: number) => justified(text, 57, 425, y, { size: 12 });
    const twelve = (text: string, x0: number, x1: number, y: number) => justified(text, x0, x1, y, { size: 12 });
    const above = ['level and communicated through military rather than diplo-', 'matic channels.'];
    const leftTexts = ['The official correspondence', 'between Tirana and', 'Moscow in the autumn of', '1960 reveals a profound'];
    const rightTexts = ['Hysni Kapo, refused to', 'endorse the Soviet denunc-', 'iation of the Chinese leade-', 'rship, and this refusal was'];
    const below = 'The next section is set across the whole page once more.';
    const items = [
      ...wide(above[0]!, 254),
      item(above[1]!, 57, 240, { size: 12, width: above[1]!.length * 6 }),
      ...leftTexts.flatMap((text, i) => twelve(text, 57, 230, 220 - 14 * i)),
      ...rightTexts.flatMap((text, i) => twelve(text, 252, 425, 220 - 14 * i)),
      ...wide(below, 150),
    ];
    const { lines } = layoutPage({ width: 482, height: 680, items });
    expect(lines.map((line) => line.text)).toEqual([...above, ...leftTexts, ...rightTexts, below]);
    expect(lines.map((line) => line.column)).toEqual([0, expect.anything(), 1, 1, 1, 1, 2, 2, 2, 2, 0]);
  });

  it('takes no river of word gaps down justified prose for a gutter', () => {
    // Four lines whose gaps line up in the middle, wider than a gutter, and the words after them too.
    const prose = ['Instruction credit bulletin Beijing dispute congress plenum', 'protocol submarine plenum. Denunciation crisis report', 'treaty ambassador directive memorandum grievance', 'plenum congress conference delegation. Consulate', 'negotiation credit grain Politburo protocol brigade', 'Politburo conference credit ministry cadres protocol.'];
    const items = prose.flatMap((text, i) => {
      if (i === 0 || i === 5) return [item(text, 57, 467 - 14 * i, { size: 12, width: 368 })];
      const [head, tail] = [text.split(' ').slice(0, 2).join(' '), text.split(' ').slice(2).join(' ')];
      return [...justified(head, 57, 180 - i, 467 - 14 * i, { size: 12 }), ...justified(tail, 193, 425, 467 - 14 * i, { size: 12 })];
    });
    const { lines } = layoutPage({ width: 482, height: 680, items });
    expect(lines.map((line) => [line.column, line.text])).toEqual(prose.map((text) => [0, text]));
  });

  it('spaces items drawn without a space between them but apart, and joins the kerned pieces of a word', () => {
    const items = [item('Moscow', 50, 700), item('plenum', 83, 700), item('sover', 50, 688), item('eignty', 75.3, 688), item('Con', 110, 688), item('sulate', 124.8, 688)];
    expect(texts(items)).toEqual(['Moscow plenum', 'sovereignty Consulate']);
  });
});

describe('a page set right to left', () => {
  // A Hebrew item ending at `right`, as pdf.js gives it: its text in reading order, marked right to left.
  const hebrew = (text: string, right: number, y: number): PdfItem => item(text, right - text.length * 5, y, { rtl: true });

  it('reads the right column first, each line from its right end, a number or a full stop drawn apart where it reads', () => {
    // Two ragged columns, their lines set flush right: the right one's at 550, the left one's at 280.
    const items = [
      hebrew('שורה ראשונה של השמאלית', 280, 700),
      hebrew('שורה שנייה', 280, 688),
      hebrew('והאחרונה', 280, 676),
      item('.', 280 - 45, 676, { width: 5 }),
      hebrew('העמודה הימנית נקראת ראשונה', 550, 700),
      hebrew('בשנת', 550, 688),
      item('1961', 550 - 25 - 20, 688, { width: 20 }),
      hebrew('ואז', 550 - 50, 688),
      hebrew('היא נגמרת', 550, 676),
      item('.', 550 - 50, 676, { width: 5 }),
    ];
    expect(texts(items)).toEqual(['העמודה הימנית נקראת ראשונה', 'בשנת 1961 ואז', 'היא נגמרת.', 'שורה ראשונה של השמאלית', 'שורה שנייה', 'והאחרונה.']);
  });

  it('begins a paragraph at a line indented from the right, and not at every line that stops short on the left', () => {
    // Justified lines flush at both edges (100 and 550), each paragraph's first indented from the right
    // and its last stopping short on the left; pdf.js draws each word of a justified line apart.
    const justified = (words: string[], right: number, y: number): PdfItem[] => {
      const gap = (right - 100 - words.join('').length * 5) / (words.length - 1);
      let end = right;
      return words.map((word) => {
        const piece = hebrew(word, end, y);
        end = piece.x - gap;
        return piece;
      });
    };
    const items = [
      ...justified(['הפסקה', 'הראשונה', 'מתחילה', 'כאן', 'ונמשכת', 'עוד', 'הלאה', 'אל', 'השורה'], 530, 700),
      ...justified(['השנייה', 'שלה', 'שגם', 'היא', 'מלאה', 'מקצה', 'אל', 'קצה', 'של', 'העמודה', 'כולה'], 550, 688),
      hebrew('ונגמרת כאן.', 550, 676),
      ...justified(['הפסקה', 'השנייה', 'מתחילה', 'בשורה', 'מוזחת', 'מימין', 'כמו', 'הראשונה', 'בדיוק'], 530, 664),
      hebrew('ונגמרת גם היא.', 550, 652),
    ];
    const body = assemblePdf([layoutPage({ width: 600, height: 800, items })], null).body;
    expect(body.blocks.map((block) => block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join(''))).toEqual([
      'הפסקה הראשונה מתחילה כאן ונמשכת עוד הלאה אל השורה השנייה שלה שגם היא מלאה מקצה אל קצה של העמודה כולה ונגמרת כאן.',
      'הפסקה השנייה מתחילה בשורה מוזחת מימין כמו הראשונה בדיוק ונגמרת גם היא.',
    ]);
  });
});

describe('a page whose columns are short', () => {
  const column = (x: number, texts: string[]) => texts.map((text, k) => item(text, x, 700 - 12 * k));
  const full = layoutPage({ width: 600, height: 800, items: [...column(50, ['a', 'b', 'c', 'd', 'e'].map((w) => `Left ${w} line of the page`)), ...column(300, ['a', 'b', 'c', 'd', 'e'].map((w) => `Right ${w} line of the page`))] });
  const short = { width: 600, height: 800, items: [...column(50, ['The left column ends its', 'sentence here and the']), ...column(300, ['right column reads on', 'to the end.'])] };

  it('reads columns of two lines each down, where the page before has its gutter at the same place', () => {
    expect(full.gutter).toBeDefined();
    expect(layoutPage(short, full).lines.map((line) => line.text)).toEqual(['The left column ends its', 'sentence here and the', 'right column reads on', 'to the end.']);
  });
});

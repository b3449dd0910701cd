import { describe, expect, it } from 'vitest';
import type { PageLayout, PdfLine } from '../../../core/pdf/index.ts';
import { assemblePdf } from '../../../core/pdf/index.ts';
import { buildWordIndex } from '../../../core/clean/text-rules/text-rules.ts';
import { joinAcrossLines } from '../../../core/pdf/hyphenation.ts';
import { choosePageLabels, pagesCounted } from '../../../core/pdf/page-labels.ts';
import { fontStyle } from '../../../core/pdf/font-style.ts';
import { pdfLine, pdfPage } from '../../support/pdf-lines.ts';

const line = pdfLine;
const page = pdfPage;
const paragraphs = (pages: (PageLayout | null)[]) =>
  assemblePdf(pages, null).body.blocks.map((block) => block.content.map((inline) => (inline.type === 'text' ? inline.text : `{${inline.type}:${'label' in inline ? inline.label : ''}}`)).join(''));

describe('end-of-line hyphens', () => {
  const index = buildWordIndex(['the obvious answer', 'in the nineteenth century']);
  it('joins a word the typesetter broke and keeps real hyphens', () => {
    expect(joinAcrossLines('not obvi-', 'ous to all', index)).toBe('drop-hyphen');
    expect(joinAcrossLines('the pro-', 'Soviet faction', index)).toBe('keep-hyphen');
    expect(joinAcrossLines('the Soviet-', 'Albanian split', index)).toBe('keep-hyphen');
    expect(joinAcrossLines('the nineteenth-', 'century press', index)).toBe('keep-hyphen');
    expect(joinAcrossLines('a self-', 'made man', index)).toBe('keep-hyphen');
    expect(joinAcrossLines('the cost of ex-', 'tra pages', index)).toBe('drop-hyphen');
    expect(joinAcrossLines('to en-', 'tail a choice', index)).toBe('drop-hyphen');
  });
});

describe('assembling pages', () => {
  it('removes running heads, labels pages with the numbers they print, and joins a paragraph across the page break', () => {
    const pages = [
      page([line('Journal of Balkan Studies 41', 560), line('The first page opens a paragraph that runs on to the', 500, { x0: 62 }), line('next page with a broken word at its foot, conti-', 488)]),
      page([line('42 Journal of Balkan Studies', 560), line('nuing there and ending.', 500)]),
      page([line('Journal of Balkan Studies 43', 560), line('A paragraph of its own.', 500, { x0: 62 })]),
    ];
    const assembled = assemblePdf(pages, null);
    expect(assembled.labels.source).toBe('printed-numbers');
    expect(paragraphs(pages)).toEqual([
      '{page:41}The first page opens a paragraph that runs on to the next page with a broken word at its foot, conti{page:42}nuing there and ending.',
      '{page:43}A paragraph of its own.',
    ]);
  });

  it('separates footnotes, numbered or raised, and links their markers', () => {
    const claim = 'A claim with a note, made in a line of running text.';
    const marked = line(claim, 500, { runs: [{ text: claim, bold: false, italic: false, sup: false }, { text: '7', bold: false, italic: false, sup: true }] });
    const pages = [page([marked, line('The running text goes on after the claim.', 488), line('7. The source of the claim.', 60, { size: 8 })])];
    const { body } = assemblePdf(pages, null);
    expect(body.blocks[0]?.content).toEqual([
      { type: 'page', label: '1' },
      { type: 'text', text: 'A claim with a note, made in a line of running text.' },
      { type: 'noteRef', label: '7' },
      { type: 'text', text: ' The running text goes on after the claim.' },
    ]);
    expect(body.notes).toEqual([{ label: '7', blocks: [{ type: 'paragraph', id: '', content: [{ type: 'text', text: 'The source of the claim.' }] }] }]);
  });

  it('keeps a raised number with no footnote as a source marker, outside the reading text', () => {
    const marked = line('An endnote reference.', 500, { runs: [{ text: 'An endnote reference.', bold: false, italic: false, sup: false }, { text: '3', bold: false, italic: false, sup: true }] });
    expect(paragraphs([page([marked])])).toEqual(['{page:1}An endnote reference.{marker:3}']);
  });

  it('finds headings by size and by bold type, and list items by their bullet', () => {
    const bold = (text: string, y: number) => line(text, y, { runs: [{ text, bold: true, italic: false, sup: false }] });
    const pages = [page([line('A Title', 540, { size: 18 }), bold('A Section', 510), line('• the first item', 490), line('• the second item', 478), line('Prose after the list, long enough to be prose.', 460, { x0: 62 })])];
    const { blocks } = assemblePdf(pages, null).body;
    expect(blocks.map((block) => [block.type, block.level])).toEqual([['heading', 1], ['heading', 2], ['item', undefined], ['item', undefined], ['paragraph', undefined]]);
  });

  it('keeps a heading whole when it wraps onto a line with no word, and a lone number below it out of the heading', () => {
    const prose = (text: string, y: number) => line(text, y, { x0: 62 });
    const pages = [
      page([
        line('Splitting the Alliance: the Vlora Naval Base, 1960–', 540, { size: 18 }),
        line('1961', 518, { size: 18 }),
        prose('The base at Vlora was the last tie between the two parties, and the first to break.', 480),
        line('A Second Part', 440, { size: 18 }),
        line('1962', 380, { size: 18 }),
      ]),
    ];
    const { blocks } = assemblePdf(pages, null).body;
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
    expect(paragraphs(pages)[0]).toBe('{page:1}Splitting the Alliance: the Vlora Naval Base, 1960–1961');
    expect(paragraphs(pages)[3]).toBe('1962');
  });

  it('joins the lines of a paragraph that never breaks, hundreds of pages long, as it joins a short one', () => {
    // A ledger: 300 pages of 40 full lines, one paragraph; its last lines break words across the line end.
    // Each entry's words differ (its mark in letters): lines the same but for their numbers would be running heads.
    const mark = (n: number): string => (n < 26 ? '' : mark(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
    const entry = (n: number) => `Entry ${n}, mark ${mark(n)}: grain and credit delivered to Vlora, as agreed by the two parties.`;
    const full = (text: string, y: number, runs?: PdfLine['runs']) => line(text, y, { x1: 350, ...(runs ? { runs } : {}) });
    const pages = Array.from({ length: 300 }, (_, p) => page(Array.from({ length: 40 }, (_, i) => full(entry(p * 40 + i), 560 - i * 12))));
    const run = (text: string, italic: boolean) => ({ text, bold: false, italic, sup: false });
    (pages.at(-1) as PageLayout).lines.push(
      full('The split, though, was not obvi-', 80, [run('The split, though, was not ', false), run('obvi-', true)]),
      full('ous to the leaders of the pro-', 68),
      full('Soviet faction in the party.', 56),
    );
    const text = paragraphs(pages);
    expect(text).toHaveLength(1);
    expect(text[0]?.endsWith(`${entry(11_999)} The split, though, was not obvious to the leaders of the pro-Soviet faction in the party.`)).toBe(true);
    expect(text[0]?.split('Entry ')).toHaveLength(12_001);
  });

  it('never breaks a paragraph inside a word, even where the next line hangs indented', () => {
    // An item set with a hanging indent, as in the TUGboat paper: its second line stands further in.
    const pages = [
      page([
        line('The paragraph before the item is long enough to be prose.', 520),
        line('It ends on a line of its own, as paragraphs do.', 508),
        line('author names and publication year (or some ab-', 490),
        line('breviation thereof), as in the alpha style.', 478, { x0: 62 }),
      ]),
    ];
    expect(paragraphs(pages)).toEqual([
      '{page:1}The paragraph before the item is long enough to be prose. It ends on a line of its own, as paragraphs do. author names and publication year (or some abbreviation thereof), as in the alpha style.',
    ]);
  });

  it('marks a page without a text layer as a gap, and lists it', () => {
    const assembled = assemblePdf([page([line('Before the scan.', 500)]), null, page([line('After the scan.', 500)])], null);
    expect(assembled.textless).toEqual([2]);
    expect(paragraphs([page([line('Before the scan.', 500)]), null, page([line('After the scan.', 500)])])).toEqual([
      '{page:1}Before the scan.',
      '{page:2}{gap:}{page:3}After the scan.',
    ]);
  });
});

describe('page labels', () => {
  it("prefers the PDF's labels, then printed numbers, then the page count with a caveat", () => {
    expect(choosePageLabels(3, ['i', 'ii', '1'], [undefined, 5, 6])).toEqual({ labels: ['i', 'ii', '1'], source: 'pdf-labels' });
    expect(choosePageLabels(3, null, [undefined, 5, 6])).toEqual({ labels: [undefined, '5', '6'], source: 'printed-numbers' });
    expect(choosePageLabels(2, null, [undefined, undefined])).toMatchObject({ labels: ['1', '2'], source: 'page-index', caveat: expect.stringContaining('not printed page numbers') });
  });

  it('knows a source whose page numbers are counted by the caveat its import gave it', () => {
    expect(pagesCounted([choosePageLabels(2, null, [undefined, undefined]).caveat as string])).toBe(true);
    expect(pagesCounted(['Authorial errors are kept as printed.'])).toBe(false);
    expect(pagesCounted(undefined)).toBe(false);
  });
});

describe('font styles from font names', () => {
  it('reads bold and italic as typesetting programs name them', () => {
    expect(['Times-Roman', 'Times-Italic', 'Times-BoldItalic', 'ABCDEF+MinionPro-It', 'NimbusRomNo9L-Medi', 'CMBX10', 'CMTI10', 'ArialMT'].map(fontStyle)).toEqual([
      { bold: false, italic: false },
      { bold: false, italic: true },
      { bold: true, italic: true },
      { bold: false, italic: true },
      { bold: true, italic: false },
      { bold: true, italic: false },
      { bold: false, italic: true },
      { bold: false, italic: false },
    ]);
  });
});

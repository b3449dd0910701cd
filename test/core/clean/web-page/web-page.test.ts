import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../core/corpus/model.ts';
import { cleanWebPage } from '../../../../core/clean/web-page/web-page.ts';

// The Memorie.al page (seed 003), byte for byte as copied from the browser.
function readRaw(name: string): string {
  return readFileSync(new URL(`../../../../corpus/raw/${name}`, import.meta.url), 'utf8');
}

const RAW = readRaw('003_8b98f5ed5cda7ad9.txt');
const RAW_LINES = RAW.split('\n');
const cleaned = cleanWebPage(RAW);

function blockText(block: Block): string {
  return block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
}

const texts = cleaned.blocks.map(blockText);
const headingIndex = cleaned.blocks.findIndex((block) => block.type === 'heading');
const study = cleaned.blocks.slice(headingIndex + 1);

/** Line `n` of the raw seed, 1-based as a text editor numbers it. */
function rawLine(n: number): string {
  return RAW_LINES[n - 1] ?? '';
}

describe('cleanWebPage on the Memorie.al page (seed 003)', () => {
  it.each([
    'View All Result',
    'No Result',
    'ShareTweet',
    'Gjithashtu mund të lexoni',
    'Artikuj të ngjashëm',
    'Previous Post',
    'Next Post',
    'Na ndiqni',
    'Napoleon',
    '©',
    'Ndalohet riprodhimi',
    'Publikimi ose shpërndarja',
    'NIPT',
    'email protected',
    'To be continued',
    'Wednesday, December 3, 2025',
    'Home Dossier',
  ])('leaves no block containing “%s”', (furniture) => {
    expect(texts.filter((text) => text.includes(furniture))).toEqual([]);
  });

  it.each([
    'Rreth Nesh',
    'Kontakt',
    'Albanian',
    'English',
    'Home',
    'Dossier',
    'Interview',
    'Personage',
    'Documentary',
    'Photo Gallery',
    'Art & Culture',
    'Sport',
    'Historical calendar',
    'Others',
    'Privacy',
    'Memorie.al',
  ])('keeps no menu or header item “%s” as a block', (item) => {
    expect(texts).not.toContain(item);
  });

  it.each([
    'E dëgjove, Qemal',
    'Gjatë përcjelljes së Hrushovit',
    'Gjovalin Luka thotë',
    'Na masin pulsin',
    'Dëshmia e rrallë e Ipeshkvit',
    'Enveri ia pati frikën',
    'Havzi Nela',
    'kulak',
    'Arbër told his mother',
    'Resolution H.R. 5349',
    'Agroni would sign',
    'Historia është versioni',
  ])('drops the teaser headline of another article “%s”', (teaser) => {
    expect(texts.filter((text) => text.includes(teaser))).toEqual([]);
  });

  it('keeps the editorial introduction as three paragraphs before the study heading', () => {
    expect(cleaned.blocks.slice(0, headingIndex).map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(texts[0]).toBe(rawLine(49).replace('Memorie.al / ', ''));
    expect(texts[1]).toBe(rawLine(51));
    expect(texts[2]).toBe(rawLine(59));
  });

  it('keeps the editorial insertion “[Hoxha]” as printed', () => {
    expect(texts[1]).toContain('between him [Hoxha], Andropov, and Pospielov');
  });

  it('makes the line that separates introduction and study a level-2 heading', () => {
    expect(headingIndex).toBe(3);
    expect(cleaned.blocks[headingIndex]?.level).toBe(2);
    expect(texts[headingIndex]).toBe(
      'The Study by Andrey Edemskiy, from the Institute for Slavic Studies at the Russian Academy of Sciences',
    );
  });

  it('keeps the thirty paragraphs of the study, word for word and in order', () => {
    const expected = Array.from({ length: 30 }, (_, i) => rawLine(63 + 2 * i));
    expect(study.map((block) => block.type)).toEqual(expected.map(() => 'paragraph'));
    expect(study.slice(0, -1).map(blockText)).toEqual(expected.slice(0, -1));
  });

  it('keeps the first paragraph of the study intact', () => {
    expect(blockText(study[0] as Block)).toBe(
      'The extraordinary complex of historical processes in the Balkans in the second half of the 20th century undoubtedly constitutes a promising field of study as many archival documents have become accessible. The Soviet-Albanian conflict in the early 1960s, in all its aspects – ideological, political, and economic – has attracted the attention of researchers since its inception.',
    );
  });

  it('keeps the last paragraph intact but for the “ / Memorie.al” sign-off', () => {
    const last = texts.at(-1) ?? '';
    expect(rawLine(121).endsWith(' / Memorie.al')).toBe(true);
    expect(last).toBe(rawLine(121).slice(0, -' / Memorie.al'.length));
    expect(last).toMatch(/as proposed by Yuri Andropov who was responsible for compiling it\.$/);
  });

  it('produces 34 blocks and no notes', () => {
    expect(cleaned.blocks).toHaveLength(34);
    expect(cleaned.notes).toEqual([]);
  });

  it('leaves no no-break space, straight quotation mark or three-dot ellipsis in the text', () => {
    expect(texts.filter((text) => /[\u00A0"']|\.\.\./.test(text))).toEqual([]);
  });

  it('finds the metadata the page itself states', () => {
    expect(cleaned.found).toEqual({
      title:
        '“Hysni Kapo, from Moscow, kept in touch with Enver in Tirana and, unlike any other member of the delegation, was not active in condemning the Chinese…”/New documents revealed regarding the rupture between Tirana and the Kremlin in ’61',
      author: [{ family: 'Edemskiy', given: 'Andrey' }],
      part: '1',
      'container-title': 'Memorie.al',
      accessed: { 'date-parts': [[2025, 12, 3]] },
      keyword: 'Dossier',
      note: 'To be continued in the next issue',
    });
  });

  it('claims no publication date, because the page prints none', () => {
    expect(cleaned.found?.issued).toBeUndefined();
  });
});

describe('parallel pagination of seed 003 into its printed version in Balcanica', () => {
  // The collation table, by raw line of 003: first page, last page.
  const TABLE: [number, number, number, number][] = [
    [63, 63, 375, 375],
    [65, 65, 375, 376],
    [67, 75, 376, 376],
    [77, 85, 377, 377],
    [87, 87, 377, 378],
    [89, 99, 378, 378],
    [101, 101, 378, 379],
    [103, 113, 379, 379],
    [115, 115, 379, 380],
    [117, 121, 380, 380],
  ];

  /** Each study block (by position after the heading) with the pages of 004 it translates. */
  function parallelPages(): Map<number, [number, number]> {
    const pages = new Map<number, [number, number]>();
    for (const [from, to, first, last] of TABLE) {
      for (let line = from; line <= to; line += 2) {
        const position = study.findIndex((block) => rawLine(line).startsWith(blockText(block)));
        pages.set(position, [first, last]);
      }
    }
    return pages;
  }

  it('gives every study paragraph exactly one page range, pages never going back', () => {
    const pages = parallelPages();
    expect([...pages.keys()]).toEqual(study.map((_, i) => i));
    const starts = [...pages.values()].map(([first]) => first);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(pages.get(0)).toEqual([375, 375]);
    expect(pages.get(29)).toEqual([380, 380]);
  });

  it('puts the p. 378/379 break in the paragraph holding the question “What do you want …”', () => {
    const pages = parallelPages();
    const position = study.findIndex((block) =>
      blockText(block).includes('“What do you want in exchange'),
    );
    expect(pages.get(position)).toEqual([378, 379]);
    // In Balcanica itself, p. 379 begins inside that question.
    const balcanica = readRaw('004_b2516ecbae186d39.txt');
    expect(balcanica).toMatch(/\nyou want in exchange for an improvement of your relations/);
  });
});

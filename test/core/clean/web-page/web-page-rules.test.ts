import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../core/corpus/model.ts';
import { cleanWebPage } from '../../../../core/clean/web-page/web-page.ts';
import { WebPageError } from '../../../../core/clean/web-page/errors.ts';

// Synthetic pages, written for these tests, showing that the rules are about web pages in general
// and not about the one Memorie.al page of the corpus.

function blockText(block: Block): string {
  return block.content.map((inline) => (inline.type === 'text' ? inline.text : '')).join('');
}

function outline(raw: string): string[] {
  return cleanWebPage(raw).blocks.map((block) => {
    const level = block.level ? String(block.level) : '';
    return `${block.type}${level}: ${blockText(block)}`;
  });
}

const NBSP = '\u00A0';

const ENGLISH_NEWS_PAGE = [
  'Skip to content',
  '  • Home',
  '  • World',
  '  • Politics',
  '  • English',
  '  • Français',
  'Tuesday, 4 March 2025',
  'Balkan Herald',
  'Search',
  'No results found',
  '  • Home',
  '  • World',
  '  • Politics',
  'Home › World',
  '',
  'Tirana signs a new trade deal with Belgrade',
  '',
  'By Jane van der Berg and John Smith',
  '',
  'Published: 4 March 2024',
  '',
  `The agreement, signed on Monday, ends a decade of "cold peace" between the two capitals. Officials called it 'historic'...`,
  '',
  'Read also: Why the 1961 split still matters',
  '',
  'It covers grain, steel and the sea ports of Durrës and Bar, and it will be reviewed every five years.',
  '',
  'Background of the talks',
  '',
  'The talks began in *early 2023* under pressure from Brussels and lasted for more than a year.',
  '',
  '> We have waited for this day for a very long time, said the minister at the signing ceremony.',
  '',
  '“They came for us at night…”/ The testimony of a former prisoner',
  '',
  'The deal has three parts:',
  `  • a grain quota of 50${NBSP}000 tons`,
  '  • a shared customs office',
  '',
  'Share on Facebook',
  'Tweet',
  '',
  'Leave a Reply',
  'Your email address will not be published.',
  '',
  '© 2024 Balkan Herald. All rights reserved.',
].join('\n');

const ALBANIAN_SERIES_PAGE = [
  '  • Kreu',
  '  • Politikë',
  '  • Histori',
  '  • Shqip',
  '  • English',
  'E premte, 14 nëntor 2025',
  'Gazeta Shqip',
  'Kërko',
  'Asnjë rezultat',
  'Shiko të gjitha rezultatet',
  'Kreu Histori',
  '',
  '“Ne nuk do të tërhiqemi kurrë nga Vlora…”/ Dokumentet e reja për bazën detare',
  '',
  '“Babai më tha se ishte burgosur pa gjyq…”/ Rrëfimi i rrallë i një ish-të burgosuri',
  '“Kur erdhi urdhri nga Tirana, të gjithë heshtën…”/ Kujtimet e një oficeri',
  'Ditari i panjohur i ambasadorit: “Ai më tha se Moska po përgatit…”',
  '',
  'Nga Arben Puto dhe Paskal Milo',
  '',
  'Pjesa e dytë',
  '',
  'Gazeta.al / Materiali i mëposhtëm është një studim i ri mbi marrëdhëniet shqiptaro-sovjetike në vitet 1960–1961.',
  '',
  'Lexo edhe',
  '',
  '“Kur erdhi urdhri nga Tirana, të gjithë heshtën…”/ Kujtimet e një oficeri',
  '',
  'Në dhjetor të vitit 1960, marrëdhëniet midis Tiranës dhe Moskës ishin tashmë në krizë të hapur.',
  '',
  'Studimi i plotë',
  '',
  'Ambasadori sovjetik u tërhoq nga Tirana, dhe marrëdhëniet u ndërprenë plotësisht pak më vonë. / Gazeta.al',
  '',
  `${NBSP.repeat(12)}(Vijon)`,
  '',
  'Artikuj të ngjashëm',
  '',
  '“Babai më tha se ishte burgosur pa gjyq…”/ Rrëfimi i rrallë i një ish-të burgosuri',
  'Histori',
  '12 nëntor 2025',
  '',
  '© Gazeta.al 2025 • Të gjitha të drejtat e rezervuara.',
].join('\n');

describe('cleanWebPage on an English news page', () => {
  it('keeps only the article: paragraphs, heading, quote and list, in order', () => {
    expect(outline(ENGLISH_NEWS_PAGE)).toEqual([
      'paragraph: The agreement, signed on Monday, ends a decade of “cold peace” between the two capitals. Officials called it ‘historic’…',
      'paragraph: It covers grain, steel and the sea ports of Durrës and Bar, and it will be reviewed every five years.',
      'heading2: Background of the talks',
      'paragraph: The talks began in early 2023 under pressure from Brussels and lasted for more than a year.',
      'quote: We have waited for this day for a very long time, said the minister at the signing ceremony.',
      'paragraph: The deal has three parts:',
      `item: a grain quota of 50${NBSP}000 tons`,
      'item: a shared customs office',
    ]);
  });

  it('keeps emphasis as a mark on its run', () => {
    const block = cleanWebPage(ENGLISH_NEWS_PAGE).blocks[3];
    expect(block?.content).toEqual([
      { type: 'text', text: 'The talks began in ' },
      { type: 'text', text: 'early 2023', em: true },
      { type: 'text', text: ' under pressure from Brussels and lasted for more than a year.' },
    ]);
  });

  it('finds headline, byline with particles, dates, site and section', () => {
    expect(cleanWebPage(ENGLISH_NEWS_PAGE).found).toEqual({
      title: 'Tirana signs a new trade deal with Belgrade',
      author: [
        { given: 'Jane', 'non-dropping-particle': 'van der', family: 'Berg' },
        { given: 'John', family: 'Smith' },
      ],
      issued: { 'date-parts': [[2024, 3, 4]] },
      accessed: { 'date-parts': [[2025, 3, 4]] },
      'container-title': 'Balkan Herald',
      keyword: 'World',
    });
  });
});

describe('cleanWebPage on an Albanian series page', () => {
  it('drops the ticker, the "Lexo edhe" insertion and the related list, and strips dateline and sign-off', () => {
    expect(outline(ALBANIAN_SERIES_PAGE)).toEqual([
      'paragraph: Materiali i mëposhtëm është një studim i ri mbi marrëdhëniet shqiptaro-sovjetike në vitet 1960–1961.',
      'paragraph: Në dhjetor të vitit 1960, marrëdhëniet midis Tiranës dhe Moskës ishin tashmë në krizë të hapur.',
      'heading2: Studimi i plotë',
      'paragraph: Ambasadori sovjetik u tërhoq nga Tirana, dhe marrëdhëniet u ndërprenë plotësisht pak më vonë.',
    ]);
  });

  it('finds the quoted headline, two authors, the part, the site and the series notice', () => {
    expect(cleanWebPage(ALBANIAN_SERIES_PAGE).found).toEqual({
      title: '“Ne nuk do të tërhiqemi kurrë nga Vlora…”/ Dokumentet e reja për bazën detare',
      author: [
        { given: 'Arben', family: 'Puto' },
        { given: 'Paskal', family: 'Milo' },
      ],
      part: '2',
      'container-title': 'Gazeta.al',
      accessed: { 'date-parts': [[2025, 11, 14]] },
      keyword: 'Histori',
      note: '(Vijon)',
    });
  });
});

describe('cleanWebPage on a bare article copy', () => {
  const page = [
    'The Vlora base in 1961',
    '',
    'The Soviet submarines left the Bay of Vlora in the spring of 1961, taking eight vessels with them.',
    '',
    'Their departure ended the only Warsaw Pact naval presence in the Mediterranean for many years.',
  ].join('\n');

  it('takes the line above the first paragraph as headline and keeps both paragraphs', () => {
    const cleaned = cleanWebPage(page);
    expect(cleaned.found).toEqual({ title: 'The Vlora base in 1961' });
    expect(cleaned.blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('cleanWebPage on a page with a consent banner and a repeated menu', () => {
  const page = [
    'We use cookies to give you the best experience on our site. By continuing, you agree to this.',
    'Accept',
    'The Cold War Review',
    '  • Home',
    '  • History',
    '  • Archives',
    '',
    'Khrushchev and Hoxha in 1960',
    '',
    'Read also: The Bucharest meeting of June 1960',
    '',
    '## The November talks',
    '',
    'The talks began on 10 November and ended two days later without any agreement at all.',
    '',
    '  • History',
    '',
    'They were the last meeting between the two leaders before the final break of 1961.',
  ].join('\n');

  it('drops banner, menu and insertion but keeps a marked heading after a “Read also:” line', () => {
    expect(outline(page)).toEqual([
      'heading2: The November talks',
      'paragraph: The talks began on 10 November and ended two days later without any agreement at all.',
      'paragraph: They were the last meeting between the two leaders before the final break of 1961.',
    ]);
    expect(cleanWebPage(page).found).toEqual({ title: 'Khrushchev and Hoxha in 1960' });
  });
});

describe('cleanWebPage on a page without an article', () => {
  it('reports the page instead of returning an empty source', () => {
    const page = ['  • Home', '  • History', 'No Result', 'View All Result', '© Example 2025'].join('\n');
    let error: unknown;
    try {
      cleanWebPage(page);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(WebPageError);
    expect(error).toMatchObject({ code: 'no-article', message: /No article text was found/ });
  });
});

describe('cleanWebPage at the foot of an article', () => {
  const article = (foot: string): string =>
    [
      'A headline for the test',
      '',
      'The first paragraph of the article has enough words to read as running prose.',
      '',
      'The second paragraph of the article also has enough words to read as prose.',
      '',
      foot,
      '',
      'Whatever follows the foot of the page is never part of the article text.',
    ].join('\n');

  it.each([
    'ShareTweetPinSendShareSend',
    'Share on Facebook',
    'Shpërndaj',
    'Previous Post',
    'Artikulli i mëparshëm',
    'Related posts',
    'Artikuj të ngjashëm',
    'Ähnliche Artikel',
    'Leave a Reply',
    'Lini një koment',
    '12 Comments',
    '© Memorie.al 2024 • Ndalohet riprodhimi i paautorizuar i përmbajtjes së kësaj faqeje.',
    'Copyright 2025 Example Media',
    'Tous droits réservés.',
    'Na ndiqni',
    'Follow us',
  ])('ends the article at “%s”', (foot) => {
    expect(cleanWebPage(article(foot)).blocks.map(blockText)).toEqual([
      'The first paragraph of the article has enough words to read as running prose.',
      'The second paragraph of the article also has enough words to read as prose.',
    ]);
  });
});

describe('cleanWebPage typography', () => {
  const page = (paragraph: string): string =>
    [
      'A headline for the test',
      '',
      paragraph,
      '',
      'Another paragraph with enough words to be read as prose.',
    ].join('\n');
  const first = (paragraph: string): string =>
    blockText(cleanWebPage(page(paragraph)).blocks[0] as Block);

  it('curls straight quotation marks and apostrophes, and writes a year cut to two digits with an apostrophe', () => {
    expect(first(`He said "we won't leave" in the summer of '61, and the 'comrades' agreed.`)).toBe(
      'He said “we won’t leave” in the summer of ’61, and the ‘comrades’ agreed.',
    );
  });

  it('writes three dots as an ellipsis and leaves curly quotes as they are', () => {
    expect(first('He stopped... “Then,” he said, “we waited for a long time in the cold.”')).toBe(
      'He stopped… “Then,” he said, “we waited for a long time in the cold.”',
    );
  });

  it('turns layout no-break spaces into spaces but keeps those grouping digits', () => {
    const paragraph = `Some${NBSP}${NBSP}words and 10${NBSP}000 tons of wheat were shipped from Odessa.${NBSP}`;
    expect(first(paragraph)).toBe(`Some words and 10${NBSP}000 tons of wheat were shipped from Odessa.`);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanHtmlPage } from '../../../electron/services/import/html-cleaner.ts';
import { corpusText } from '../../support/readability-text.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'import');

/** A document saved by Word as "Web Page, Filtered": its lists are paragraphs of the List Paragraph style, each opening with its bullet. */
const wordPage = (): string => readFileSync(join(FIXTURES, 'word-filtered-list.html'), 'utf8');

describe('the lists of a document Word saved as a web page', () => {
  it.each([
    ['with a DOM', Infinity],
    ['as a stream, as a long page is read', 0],
  ])('become list items, the bullet taken off and the number kept (%s)', (_way, largePageChars) => {
    const text = corpusText(cleanHtmlPage(wordPage(), { largePageChars }).body.blocks);
    // The levels of the nested list are not kept: the cleaned format has one level of list.
    expect(text).toContain(
      '\n\n- Letërkëmbimi me valiun e Shkodrës\n- Raportet mujore mbi tregun\n- Çmimet e drithit në Ulqin\n- Fotografitë e katedrales\n\n',
    );
    expect(text).toContain('\n\n- Një listë e vetme me një send\n\n');
    expect(text).toContain('\n\n- 1\\. Regjistrat e doganës\n\nVazhdim i pikës së parë');
    expect(text).toContain('\n\n- 2\\. Letrat e peshkopit\n\n');
    // A paragraph of the ordinary style that opens with a middle dot is not a list.
    expect(text).toContain('\n\n· Kjo pikë në mes');
  });

  it.each([
    ['with a DOM', Infinity],
    ['as a stream', 0],
  ])('keep the dash or the word “o” a paragraph of the list opens with (%s)', (_way, largePageChars) => {
    const page =
      '<html><head><title>Raport</title></head><body><div class=WordSection1>' +
      '<p class=MsoNormal>Konsulli e pyeti tregtarin nëse tregu i Shkodrës ishte rritur që nga pranvera e vitit 1912, dhe ai u përgjigj menjëherë.</p>' +
      '<p class=MsoListParagraphCxSpMiddle>– Po, tha ai, por çmimet e drithit janë dyfishuar që nga dimri.</p>' +
      '<p class=MsoListParagraphCxSpLast>o presidente respondeu à carta do cônsul no dia seguinte.</p>' +
      '</div></body></html>';
    const text = corpusText(cleanHtmlPage(page, { largePageChars }).body.blocks);
    expect(text).toContain('\n\n– Po, tha ai, por çmimet');
    // A word "o" opening a paragraph of the list is no bullet: Word spaces its own with no-break spaces.
    expect(text).toContain('\n\no presidente respondeu');
  });
});

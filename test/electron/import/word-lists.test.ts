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
});

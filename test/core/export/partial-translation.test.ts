import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../core/cite/render.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { citeAnnotation } from '../../../core/export/annotation-citation.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import { writeCsv } from '../../../core/export/csv.ts';
import { writeMarkdown } from '../../../core/export/markdown.ts';
import { translatedPages } from '../../../core/export/translated-pages.ts';
import { translationOriginals } from '../../../core/export/translations.ts';
import { corpusSource, highlight, offsetOf } from './corpus-fixture.ts';

const kapo = corpusSource('memorie-kapo');
const edemskiy = corpusSource('edemskiy-2019');

/** A highlight of `words` (or of `length` characters from them) in memorie-kapo. */
function passage(words: string, length = words.length) {
  const start = offsetOf(kapo, words);
  return highlight(kapo, start, start + length);
}

const surprised = passage('Khrushchev seemed surprised: “It is news to me that we have had different views on this matter.');
const mikoyan = passage('Mikoyan added that “Hoxha speaks worse than Macmillan.” The Albanian delegation got up and left.');
const unanswered = passage('The letter went unanswered.');
const editorial = passage('The following material is a paper', 60);

describe('the pages a partial translation renders', () => {
  it('are the pages its caveat names, found by aligning the two texts', () => {
    const caveat = kapo.meta.caveats?.find((c) => /Balcanica 50/.test(c)) ?? '';
    const [, from, to] = /pp\. (\d+)–(\d+)/.exec(caveat) ?? [];
    expect([from, to]).toEqual(['375', '380']);
    expect(translatedPages(kapo, edemskiy).range).toBe(`${from}-${to}`);
  });

  it('place a quoted passage on the page of the original it translates', () => {
    const pages = translatedPages(kapo, edemskiy);
    const pageOf = (a: ReturnType<typeof passage>) => pages.passage(a.position.start, a.position.end);
    // The original: “Khrushchev seemed surprised: …” and Mikoyan’s “speaks worse than MacMillan” are on p. 379,
    // “Shehu’s letter remained unanswered” on p. 377.
    expect(pageOf(surprised)).toBe('379');
    expect(pageOf(mikoyan)).toBe('379');
    expect(pageOf(unanswered)).toBe('377');
    // The translation moved this sentence into the next paragraph; in the original it ends a paragraph of p. 376.
    expect(pageOf(passage('Moscow had not responded to these views in any way'))).toBe('376');
    expect(pageOf(editorial)).toBeNull();
  });
});

describe('citing a passage of the partial translation', () => {
  const pointer = (pages: string) => `originally published as “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” Balcanica 50 (2019): ${pages}.`;

  it('points at the page the passage translates, or at the translated pages, never at 375–96', () => {
    expect(citeAnnotation(kapo, surprised, {}, { original: edemskiy }).text).toMatch(new RegExp(`, ${escape(pointer('379'))}$`));
    expect(citeAnnotation(kapo, editorial, {}, { original: edemskiy }).text).toMatch(new RegExp(`, ${escape(pointer('375–80'))}$`));
  });

  it('cites the original at that page, or at the translated pages, with “Cite the original”', () => {
    const original = (a: ReturnType<typeof passage>) => citeAnnotation(kapo, a, {}, { original: edemskiy, citeOriginal: true }).text;
    expect(original(unanswered)).toBe(
      'Andrey Edemskiy, “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” Balcanica 50 (2019): 377, https://doi.org/10.2298/BALC1950375E.',
    );
    expect(original(editorial)).toMatch(/ \(2019\): 375–80, https:/);
  });

  it('gives the translated pages in the bibliography and the page of each passage in every note of an export', () => {
    const doc = buildExport({ sources: [edemskiy, kapo], annotations: [editorial, unanswered, surprised, mikoyan], tags: [], scope: { kind: 'all' }, order: 'reading' });
    const entry = doc.bibliography.find((e) => e.id === 'memorie-kapo')!;
    expect(toPlainText(entry.rich)).toMatch(/Originally published as “Additional Evidence .*” Balcanica 50 \(2019\): 375–80\.$/);
    expect(doc.entries.map((e) => /\(2019\): ([\d–]+)\.$/.exec(toPlainText(e.fullCitation))?.[1])).toEqual(['375–80', '377', '379', '379']);
    const everything = writeMarkdown(doc) + writeCsv(doc);
    expect(everything).not.toContain('375–96');
  });

  it('gives no pages at all when a partial translation cannot be aligned with its original', () => {
    const unrelated = parseSource(
      [
        '---',
        'id: other-words',
        'type: article-magazine',
        'title: Other words',
        'container-title: Weekly',
        'reliability: derivative',
        'derivative_of: edemskiy-2019',
        'derivation: translation of part of',
        '---',
        '',
        'Nothing here shares its words with the article it claims to translate.',
        '',
      ].join('\n'),
    );
    const item = translationOriginals([edemskiy, unrelated]).get('other-words');
    expect(item?.page).toBeUndefined();
    const note = citeAnnotation(unrelated, highlight(unrelated, 0, 7), {}, { original: edemskiy }).text;
    expect(note).toMatch(/originally published as Andrey Edemskiy, “Additional Evidence .*,” Balcanica 50 \(2019\)\.$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

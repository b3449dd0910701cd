import { describe, expect, it } from 'vitest';
import { toHtml, toPlainText } from '../../../core/cite/render.ts';
import { citeAnnotation } from '../../../core/export/annotation-citation.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import { isTranslation, translationOriginals } from '../../../core/export/translations.ts';
import { corpusSource, highlight, offsetOf } from './corpus-fixture.ts';

const kapo = corpusSource('memorie-kapo');
const edemskiy = corpusSource('edemskiy-2019');
const resexcellence = corpusSource('resexcellence-2021');
const wikipedia = corpusSource('wikipedia-split');
const corpus = [edemskiy, kapo, corpusSource('pilaca-nako-2021'), resexcellence, wikipedia];

const URL_KAPO =
  'https://memorie.al/en/hysni-kapo-from-moscow-kept-in-touch-with-enver-in-tirana-and-unlike-any-other-member-of-the-delegation-was-not-active-in-condemning-the-chinese-new-documents-revealed-regardi';
const TITLE_KAPO =
  '“‘Hysni Kapo, from Moscow, Kept in Touch with Enver in Tirana and, Unlike Any Other Member of the Delegation, ' +
  'Was Not Active in Condemning the Chinese…’/New Documents Revealed Regarding the Rupture between Tirana and the Kremlin in ’61';
const SECTION = 'under “The Study by Andrey Edemskiy, from the Institute for Slavic Studies at the Russian Academy of Sciences,”';
/**
 * edemskiy-2019: same author as the translation, DOI and URL left out, at the page the quoted
 * passage translates (its opening words are on p. 375 of the original).
 */
const POINTER =
  'originally published as “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” ' +
  '<i>Balcanica</i> 50 (2019): 375.';
const KAPO_NOTE =
  `Andrey Edemskiy, ${TITLE_KAPO},” <i>Memorie.al</i>, ${SECTION} accessed December 3, 2025, ${URL_KAPO}, ${POINTER}`;

const start = offsetOf(kapo, 'Serious progress in researching');
const kapoFirst = highlight(kapo, start, start + 60);
const kapoSecond = highlight(kapo, start + 80, start + 120);
const resStart = offsetOf(resexcellence, 'After the Hungarian uprising');
const resHighlight = highlight(resexcellence, resStart, resStart + 50);

describe('translations in the corpus', () => {
  it('finds memorie-kapo as the one translation, of edemskiy-2019, and not the paraphrase', () => {
    expect([...translationOriginals(corpus)].map(([id, item]) => [id, item.id])).toEqual([['memorie-kapo', 'edemskiy-2019']]);
    expect(isTranslation(kapo)).toBe(true);
    expect(isTranslation(resexcellence)).toBe(false);
  });

  it('needs the original in the corpus', () => {
    expect(translationOriginals([kapo, wikipedia]).size).toBe(0);
  });
});

describe('citeAnnotation of a translation', () => {
  it('cites a highlight in memorie-kapo as itself, pointing at the Balcanica article', () => {
    expect(citeAnnotation(kapo, kapoFirst, {}, { original: edemskiy }).html).toBe(KAPO_NOTE);
  });

  it('cites the original alone, at the page the passage translates, with its DOI and no pointer, when the historian picks the original', () => {
    expect(citeAnnotation(kapo, kapoFirst, {}, { original: edemskiy, citeOriginal: true }).text).toBe(
      'Andrey Edemskiy, “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961,” ' +
        'Balcanica 50 (2019): 375, https://doi.org/10.2298/BALC1950375E.',
    );
  });

  it('gives a paraphrase no pointer to its original', () => {
    const citation = citeAnnotation(resexcellence, resHighlight, {}, { original: wikipedia });
    expect(citation.text).toMatch(/^“Agreement from Which Albania Withdrew in 1968,” Resexcellence, April 7, 2021, http:\S+\.$/);
    expect(citation.text).not.toContain('originally published');
  });
});

describe('buildExport of a translation', () => {
  const doc = buildExport({
    sources: corpus,
    annotations: [kapoSecond, resHighlight, kapoFirst],
    tags: [],
    scope: { kind: 'all' },
    order: 'source',
    style: 'cmos18',
  });
  const kapoEntries = doc.entries.filter((entry) => entry.annotation.sourceId === 'memorie-kapo');

  it('points at the original in the first note only, and in every standalone full citation', () => {
    expect(kapoEntries).toHaveLength(2);
    expect(toHtml(kapoEntries[0]!.citation)).toBe(KAPO_NOTE);
    expect(toPlainText(kapoEntries[1]!.citation)).toBe(
      'Edemskiy, “Hysni Kapo, from Moscow,” under “The Study by Andrey Edemskiy, from the Institute for Slavic Studies at the Russian Academy of Sciences.”',
    );
    // The second passage (“… as a result of the use of rich documentary material”) is on p. 376 of the original.
    const pointer376 = POINTER.replace('375.', '376.');
    expect(toHtml(kapoEntries[1]!.fullCitation)).toMatch(new RegExp(`, ${pointer376.replace(/[.()]/g, '\\$&')}$`));
  });

  it('adds the original to the translation’s bibliography entry and lists no entry for the original', () => {
    expect(doc.bibliography.map((entry) => entry.id).sort()).toEqual(['memorie-kapo', 'resexcellence-2021']);
    const entry = doc.bibliography.find((e) => e.id === 'memorie-kapo')!;
    expect(toHtml(entry.rich)).toBe(
      `Edemskiy, Andrey. ${TITLE_KAPO}.” <i>Memorie.al</i>. Accessed December 3, 2025. ${URL_KAPO}. ` +
        'Originally published as “Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961.” ' +
        '<i>Balcanica</i> 50 (2019): 375–80.',
    );
  });

  it('leaves the paraphrase’s note and bibliography entry without a pointer', () => {
    const res = doc.entries.find((entry) => entry.annotation.sourceId === 'resexcellence-2021')!;
    expect(toPlainText(res.citation)).not.toContain('originally published');
    const entry = doc.bibliography.find((e) => e.id === 'resexcellence-2021')!;
    expect(toPlainText(entry.rich)).not.toMatch(/originally published/i);
  });
});

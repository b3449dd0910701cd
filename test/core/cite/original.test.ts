import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { CiteOptions } from '../../../core/cite/style.ts';
import { CitationError } from '../../../core/cite/errors.ts';
import { toHtml } from '../../../core/cite/render.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { bibliographyOf, notesOf, run } from './golden.ts';

const lopez = [{ family: 'López', given: 'Ana' }];

/** The original: a journal article with a DOI and a URL, which the pointer leaves out. */
const original: CslItem = {
  id: 'lopez2010',
  type: 'article-journal',
  author: lopez,
  title: 'New evidence regarding the final break',
  'title-short': 'New Evidence',
  'container-title': 'Balkan Review',
  volume: '12',
  issue: '3',
  page: '101-130',
  issued: { 'date-parts': [[2010]] },
  DOI: '10.1000/br.12.3.101',
  URL: 'https://example.org/br/12/3/101',
  language: 'en',
};

/** Its translation by the same author in a magazine, read online. */
const magazine: CslItem = {
  id: 'lopez-weekly',
  type: 'article-magazine',
  author: lopez,
  title: 'What the archives say',
  'container-title': 'History Weekly',
  issued: { 'date-parts': [[2012, 5, 1]] },
  URL: 'https://example.org/hw/archives',
  accessed: { 'date-parts': [[2020, 1, 2]] },
  language: 'en',
};

/** A translation on a web page credited to someone else. */
const page: CslItem = {
  id: 'carter-page',
  type: 'webpage',
  author: [{ family: 'Carter', given: 'Ben' }],
  title: 'The final break, in English',
  'container-title': 'Cold War Notes',
  issued: { 'date-parts': [[2021, 3, 4]] },
  URL: 'https://example.org/cwn/break',
  language: 'en',
};

/** A book with no relation to anything. */
const book: CslItem = {
  id: 'book',
  type: 'book',
  author: [{ family: 'Griffith', given: 'William E.' }],
  title: 'Albania and the Sino-Soviet Rift',
  publisher: 'MIT Press',
  'publisher-place': 'Cambridge, MA',
  issued: { 'date-parts': [[1963]] },
};

const originals = new Map([
  ['lopez-weekly', original],
  ['carter-page', original],
]);

const MAGAZINE_NOTE =
  'Ana López, “What the Archives Say,” *History Weekly*, May 1, 2012, 4, https://example.org/hw/archives';
const POINTER_18 = '“New Evidence Regarding the Final Break,” *Balkan Review* 12, no. 3 (2010): 101–30';
const POINTER_17 = '“New Evidence regarding the Final Break,” *Balkan Review* 12, no. 3 (2010): 101–30';

function cite(items: CslItem[], clusters: ReturnType<typeof run>, options: CiteOptions = {}) {
  return citeDocument(items, clusters, options, originals);
}

describe('originally published as', () => {
  it('ends the full note of a translation with its original, without DOI, URL or shared author', () => {
    const doc = cite([magazine], run(['lopez-weekly', '4']));
    expect(notesOf(doc)).toEqual([`${MAGAZINE_NOTE}, originally published as ${POINTER_18}.`]);
  });

  it('keeps the original’s author at the front when the translation is credited to someone else', () => {
    const doc = cite([page], run(['carter-page']));
    expect(notesOf(doc)).toEqual([
      'Ben Carter, “The Final Break, in English,” Cold War Notes, March 4, 2021, https://example.org/cwn/break, ' +
        `originally published as Ana López, ${POINTER_18}.`,
    ]);
    expect(bibliographyOf(doc)[0]).toBe(
      'Carter, Ben. “The Final Break, in English.” Cold War Notes, March 4, 2021. https://example.org/cwn/break. ' +
        'Originally published as Ana López. “New Evidence Regarding the Final Break.” *Balkan Review* 12, no. 3 (2010): 101–30.',
    );
  });

  it('styles the original’s title by the edition asked for', () => {
    expect(notesOf(cite([magazine], run(['lopez-weekly', '4']), { edition: 17 }))).toEqual([
      `${MAGAZINE_NOTE}, originally published as ${POINTER_17}.`,
    ]);
  });

  it('leaves consecutive, Ibid. and shortened notes of the translation as they are', () => {
    const clusters = run(['lopez-weekly', '4'], ['lopez-weekly', '4'], ['lopez-weekly', '5'], ['book', '7'], ['lopez-weekly', '5']);
    for (const options of [{ ibid: true }, { edition: 17 }, { edition: 18 }] as CiteOptions[]) {
      const plain = notesOf(citeDocument([magazine, book], clusters, options));
      const related = notesOf(cite([magazine, book], clusters, options));
      expect(related.slice(1)).toEqual(plain.slice(1));
      const pointer = options.edition === 17 ? POINTER_17 : POINTER_18;
      expect(related[0]).toBe(`${plain[0]!.slice(0, -1)}, originally published as ${pointer}.`);
    }
    expect(notesOf(cite([magazine, book], clusters, { ibid: true })).slice(1, 3)).toEqual(['Ibid.', 'Ibid., 5.']);
  });

  it('adds the original to the translation’s bibliography entry without listing the original itself', () => {
    const doc = cite([magazine], run(['lopez-weekly']));
    expect(bibliographyOf(doc)).toEqual([
      'López, Ana. “What the Archives Say.” *History Weekly*, May 1, 2012. https://example.org/hw/archives. ' +
        'Originally published as “New Evidence Regarding the Final Break.” *Balkan Review* 12, no. 3 (2010): 101–30.',
    ]);
  });

  it('lists the original with its DOI as well when the original is cited too', () => {
    const doc = cite([magazine, original], run(['lopez-weekly'], ['lopez2010', '110']));
    expect(doc.bibliography.map((entry) => entry.id).sort()).toEqual(['lopez-weekly', 'lopez2010']);
    expect(notesOf(doc)[1]).toBe(
      'Ana López, “New Evidence Regarding the Final Break,” *Balkan Review* 12, no. 3 (2010): 110, https://doi.org/10.1000/br.12.3.101.',
    );
  });

  it('changes nothing for an item that is not a translation', () => {
    const clusters = run(['book', '7'], ['lopez2010', '110']);
    const plain = citeDocument([book, original], clusters);
    expect(cite([book, original], clusters)).toEqual(plain);
  });

  it('keeps the italics of the original’s journal in HTML', () => {
    const doc = cite([magazine], run(['lopez-weekly', '4']));
    expect(toHtml(doc.notes[0]!.rich)).toMatch(
      /, originally published as “New Evidence Regarding the Final Break,” <i>Balkan Review<\/i> 12, no\. 3 \(2010\): 101–30\.$/,
    );
    expect(toHtml(doc.bibliography[0]!.rich)).toMatch(/Originally published as “New Evidence Regarding the Final Break\.” <i>Balkan Review<\/i> 12/);
  });

  it('cuts a shared author from a book original without putting its editor in the author’s place', () => {
    const french: CslItem = { ...book, id: 'griffith-fr', title: 'L’Albanie et le schisme', language: 'fr', editor: [{ family: 'Doe', given: 'Jane' }], publisher: 'Gallimard', 'publisher-place': 'Paris' };
    const english: CslItem = { ...book, translator: [{ family: 'Roe', given: 'Max' }], issued: { 'date-parts': [[1970]] } };
    const doc = citeDocument([english], run(['book', '12']), {}, new Map([['book', french]]));
    expect(notesOf(doc)).toEqual([
      'William E. Griffith, *Albania and the Sino-Soviet Rift*, trans. Max Roe (MIT Press, 1970), 12, ' +
        'originally published as *L’Albanie et le schisme*, ed. Jane Doe (Gallimard, 1963).',
    ]);
    expect(bibliographyOf(doc)[0]).toMatch(/\. Originally published as \*L’Albanie et le schisme\*\. Edited by Jane Doe\. Gallimard, 1963\.$/);
  });

  it('refuses an original it cannot cite and an item given as its own original, naming the source', () => {
    const broken = new Map([['lopez-weekly', { ...original, title: undefined }]]);
    const attempt = () => citeDocument([magazine], run(['lopez-weekly']), {}, broken);
    expect(attempt).toThrow(CitationError);
    expect(attempt).toThrow(/“lopez2010”.*“title”/);
    const itself = new Map([['lopez-weekly', magazine]]);
    expect(() => citeDocument([magazine], run(['lopez-weekly']), {}, itself)).toThrow(/translation of itself/);
  });
});

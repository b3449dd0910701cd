import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { CiteOptions } from '../../../core/cite/style.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { bibliographyOf, notesOf, run } from './golden.ts';

/** Full note at `locator`, a short note after another source, and the bibliography entry. */
function forms(item: CslItem, locator: string | undefined, options: CiteOptions = {}) {
  const other: CslItem = { id: 'other', type: 'book', title: 'Other', publisher: 'P', issued: { 'date-parts': [[2000]] } };
  const cite = (locator ? [item.id, locator] : [item.id]) as [string] | [string, string];
  const doc = citeDocument([item, other], run(cite, ['other'], cite), options);
  const entry = doc.bibliography.find((e) => e.id === item.id);
  return {
    full: notesOf(doc)[0],
    short: notesOf(doc)[2],
    bibliography: entry ? bibliographyOf({ bibliography: [entry] })[0] : null,
  };
}

const hoxha = [{ family: 'Hoxha', given: 'Enver' }];

describe('journal articles', () => {
  const item: CslItem = {
    id: 'j',
    type: 'article-journal',
    author: [{ family: 'Mëhilli', given: 'Elidor' }],
    title: 'Defying De-Stalinization: Albania’s 1956',
    'container-title': 'Journal of Cold War Studies',
    volume: '13',
    issue: '4',
    page: '4-56',
    issued: { 'date-parts': [[2011, 10]] },
    URL: 'https://example.org/jcws',
  };

  it('gives volume, issue, year and page, and the URL when there is no DOI', () => {
    expect(forms(item, '17')).toEqual({
      full: 'Elidor Mëhilli, “Defying De-Stalinization: Albania’s 1956,” *Journal of Cold War Studies* 13, no. 4 (2011): 17, https://example.org/jcws.',
      short: 'Mëhilli, “Defying De-Stalinization,” 17.',
      bibliography:
        'Mëhilli, Elidor. “Defying De-Stalinization: Albania’s 1956.” *Journal of Cold War Studies* 13, no. 4 (2011): 4–56. https://example.org/jcws.',
    });
  });

  it('writes the issue after a comma when there is no volume, and n.d. without a year', () => {
    const bare: CslItem = { ...item, volume: undefined, issued: undefined, URL: undefined };
    expect(forms(bare, '17').full).toBe(
      'Elidor Mëhilli, “Defying De-Stalinization: Albania’s 1956,” *Journal of Cold War Studies*, no. 4 (n.d.): 17.',
    );
  });

  it('prefers the DOI to the URL', () => {
    const withDoi: CslItem = { ...item, DOI: 'https://doi.org/10.1162/JCWS_a_00158' };
    expect(forms(withDoi, '17').full).toMatch(/ 17, https:\/\/doi\.org\/10\.1162\/JCWS_a_00158\.$/);
  });
});

describe('magazine, newspaper and online articles', () => {
  it('cites a dated magazine article by its date, and the bibliography without pages', () => {
    const item: CslItem = {
      id: 'm',
      type: 'article-magazine',
      author: [{ family: 'Kaplan', given: 'Robert D.' }],
      title: 'the ghosts of Tirana',
      'container-title': 'The Atlantic',
      issued: { 'date-parts': [[1991, 3]] },
      page: '32-40',
    };
    expect(forms(item, '34')).toEqual({
      full: 'Robert D. Kaplan, “The Ghosts of Tirana,” *The Atlantic*, March 1991, 34.',
      short: 'Kaplan, “The Ghosts of Tirana,” 34.',
      bibliography: 'Kaplan, Robert D. “The Ghosts of Tirana.” *The Atlantic*, March 1991.',
    });
  });

  it('starts an unsigned news article with its headline in notes and with the paper in the bibliography', () => {
    const item: CslItem = {
      id: 'n',
      type: 'article-newspaper',
      title: 'Albania breaks with Moscow',
      'container-title': 'New York Times',
      issued: { 'date-parts': [[1961, 12, 11]] },
    };
    expect(forms(item, '1')).toEqual({
      full: '“Albania Breaks with Moscow,” *New York Times*, December 11, 1961, 1.',
      short: '“Albania Breaks with Moscow,” 1.',
      bibliography: '*New York Times*. “Albania Breaks with Moscow.” December 11, 1961.',
    });
  });

  it('cites an untitled issue by paper and date, in notes only', () => {
    const item: CslItem = {
      id: 'issue',
      type: 'article-newspaper',
      'container-title': 'Zëri i Popullit',
      issued: { 'date-parts': [[1961, 11, 8]] },
      language: 'sq',
    };
    expect(forms(item, '2')).toEqual({
      full: '*Zëri i Popullit*, November 8, 1961, 2.',
      short: '*Zëri i Popullit*, 2.',
      bibliography: null,
    });
  });

  it('gives an undated online article its access date instead of n.d. (decision D5)', () => {
    const item: CslItem = {
      id: 'o',
      type: 'article-magazine',
      title: 'Notes from the archive',
      'container-title': 'Memorie.al',
      URL: 'https://memorie.al/en/notes',
      accessed: { 'date-parts': [[2025, 12, 3]] },
    };
    expect(forms(item, undefined)).toEqual({
      full: '“Notes from the Archive,” *Memorie.al*, accessed December 3, 2025, https://memorie.al/en/notes.',
      short: '“Notes from the Archive.”',
      bibliography: '*Memorie.al*. “Notes from the Archive.” Accessed December 3, 2025. https://memorie.al/en/notes.',
    });
  });
});

describe('books', () => {
  const item: CslItem = {
    id: 'b',
    type: 'book',
    author: hoxha,
    title: 'The Khrushchevites: memoirs',
    publisher: '8 Nëntori',
    'publisher-place': 'Tirana',
    issued: { 'date-parts': [[1980]] },
  };

  it('drops the place under CMOS 18 and keeps it under CMOS 17', () => {
    expect(forms(item, '451-452').full).toBe('Enver Hoxha, *The Khrushchevites: Memoirs* (8 Nëntori, 1980), 451–52.');
    expect(forms(item, '451-452', { edition: 17 }).full).toBe(
      'Enver Hoxha, *The Khrushchevites: Memoirs* (Tirana: 8 Nëntori, 1980), 451–52.',
    );
    expect(forms(item, '451').bibliography).toBe('Hoxha, Enver. *The Khrushchevites: Memoirs*. 8 Nëntori, 1980.');
    expect(forms(item, '451').short).toBe('Hoxha, *The Khrushchevites*, 451.');
  });

  it('keeps the place of a book published before 1900 under CMOS 18 (decision D14)', () => {
    const old: CslItem = { ...item, title: 'Travels in Albania', 'publisher-place': 'London', publisher: 'J. Murray', issued: { 'date-parts': [[1858]] } };
    expect(forms(old, '3').full).toBe('Enver Hoxha, *Travels in Albania* (London: J. Murray, 1858), 3.');
  });

  it('writes n.d. for a book without a date', () => {
    const undated: CslItem = { ...item, issued: undefined };
    expect(forms(undated, '3').full).toBe('Enver Hoxha, *The Khrushchevites: Memoirs* (8 Nëntori, n.d.), 3.');
    expect(forms(undated, '3').bibliography).toBe('Hoxha, Enver. *The Khrushchevites: Memoirs*. 8 Nëntori, n.d.');
  });

  it('puts a translator after the title: “trans.” in notes, “Translated by” in the bibliography', () => {
    const translated: CslItem = { ...item, translator: [{ family: 'Elsie', given: 'Robert' }], edition: '2' };
    expect(forms(translated, '7')).toEqual({
      full: 'Enver Hoxha, *The Khrushchevites: Memoirs*, trans. Robert Elsie, 2nd ed. (8 Nëntori, 1980), 7.',
      short: 'Hoxha, *The Khrushchevites*, 7.',
      bibliography: 'Hoxha, Enver. *The Khrushchevites: Memoirs*. Translated by Robert Elsie. 2nd ed. 8 Nëntori, 1980.',
    });
  });

  it('joins an editor who is also the translator: “ed. and trans.”', () => {
    const both: CslItem = {
      ...item,
      editor: [{ family: 'Elsie', given: 'Robert' }],
      translator: [{ family: 'Elsie', given: 'Robert' }],
    };
    expect(forms(both, '7').full).toBe('Enver Hoxha, *The Khrushchevites: Memoirs*, ed. and trans. Robert Elsie (8 Nëntori, 1980), 7.');
    expect(forms(both, '7').bibliography).toBe(
      'Hoxha, Enver. *The Khrushchevites: Memoirs*. Edited and translated by Robert Elsie. 8 Nëntori, 1980.',
    );
  });

  it('writes volume and page as vol. N in full notes and N:page in short ones', () => {
    const volume: CslItem = { ...item, volume: '2' };
    expect(forms(volume, '45').full).toBe('Enver Hoxha, *The Khrushchevites: Memoirs*, vol. 2 (8 Nëntori, 1980), 45.');
    expect(forms(volume, '45').short).toBe('Hoxha, *The Khrushchevites*, 2:45.');
  });
});

describe('chapters in edited books', () => {
  const item: CslItem = {
    id: 'c',
    type: 'chapter',
    author: [{ family: 'Prifti', given: 'Peter' }],
    title: 'the Sino-Albanian alliance',
    'container-title': 'socialist Albania since 1944',
    editor: [{ family: 'Smith', given: 'Ann' }],
    publisher: 'MIT Press',
    'publisher-place': 'Cambridge, MA',
    page: '210-235',
    issued: { 'date-parts': [[1978]] },
  };

  it('cites the chapter “in” the book with its editor, and its page range without a locator', () => {
    expect(forms(item, '215').full).toBe(
      'Peter Prifti, “The Sino-Albanian Alliance,” in *Socialist Albania since 1944*, ed. Ann Smith (MIT Press, 1978), 215.',
    );
    expect(forms(item, undefined).full).toBe(
      'Peter Prifti, “The Sino-Albanian Alliance,” in *Socialist Albania since 1944*, ed. Ann Smith (MIT Press, 1978), 210–35.',
    );
    expect(forms(item, '215').short).toBe('Prifti, “The Sino-Albanian Alliance,” 215.');
  });

  it('gives the chapter’s range in the bibliography under CMOS 17 only', () => {
    expect(forms(item, '215').bibliography).toBe(
      'Prifti, Peter. “The Sino-Albanian Alliance.” In *Socialist Albania since 1944*, edited by Ann Smith. MIT Press, 1978.',
    );
    expect(forms(item, '215', { edition: 17 }).bibliography).toBe(
      'Prifti, Peter. “The Sino-Albanian Alliance.” In *Socialist Albania since 1944*, edited by Ann Smith, 210–35. Cambridge, MA: MIT Press, 1978.',
    );
  });
});

describe('encyclopedia entries', () => {
  it('cites a printed reference work with s.v. and leaves it out of the bibliography', () => {
    const item: CslItem = {
      id: 'e',
      type: 'entry-encyclopedia',
      title: 'Albania',
      'container-title': 'Encyclopaedia Britannica',
      edition: '15',
    };
    expect(forms(item, undefined)).toEqual({
      full: '*Encyclopaedia Britannica*, 15th ed., s.v. “Albania.”',
      short: '*Encyclopaedia Britannica*, s.v. “Albania.”',
      bibliography: null,
    });
  });

  it('prefers “last modified” to an access date for Wikipedia when the revision date is known', () => {
    const item: CslItem = {
      id: 'w',
      type: 'entry-encyclopedia',
      title: 'Albanian–Soviet split',
      'container-title': 'Wikipedia',
      issued: { 'date-parts': [[2016, 5, 2]] },
      accessed: { 'date-parts': [[2025, 12, 3]] },
      URL: 'https://en.wikipedia.org/w/index.php?oldid=1',
    };
    expect(forms(item, undefined).full).toBe(
      '“Albanian–Soviet Split,” *Wikipedia*, last modified May 2, 2016, https://en.wikipedia.org/w/index.php?oldid=1.',
    );
    expect(forms(item, undefined, { edition: 17 }).full).toBe(
      '*Wikipedia*, s.v. “Albanian–Soviet Split,” last modified May 2, 2016, https://en.wikipedia.org/w/index.php?oldid=1.',
    );
  });
});

describe('web pages', () => {
  it('cites a page by title, site name as the site writes it, date and URL', () => {
    const item: CslItem = {
      id: 'web',
      type: 'webpage',
      title: 'Agreement from which Albania withdrew in 1968',
      'container-title': 'Resexcellence',
      issued: { 'date-parts': [[2021, 4, 7]] },
      URL: 'http://www.resexcellence.com/2021/04/07/agreement-from-which-albania-withdrew-in-1968/',
    };
    expect(forms(item, undefined)).toEqual({
      full:
        '“Agreement from Which Albania Withdrew in 1968,” Resexcellence, April 7, 2021, http://www.resexcellence.com/2021/04/07/agreement-from-which-albania-withdrew-in-1968/.',
      // Five words and more are cut to the first four (docs/citation-rules.md §2.3); no title-short
      // was given.
      short: '“Agreement from Which Albania Withdrew.”',
      bibliography:
        '“Agreement from Which Albania Withdrew in 1968.” Resexcellence, April 7, 2021. http://www.resexcellence.com/2021/04/07/agreement-from-which-albania-withdrew-in-1968/.',
    });
  });

  it('gives an undated page its access date and names an owner that differs from the site', () => {
    const item: CslItem = {
      id: 'web2',
      type: 'webpage',
      author: [{ family: 'Mark', given: 'James' }],
      title: 'Albania and the bloc',
      'container-title': 'Digital Archive',
      publisher: 'Wilson Center',
      accessed: { 'date-parts': [[2025, 1, 9]] },
      URL: 'https://digitalarchive.example/a',
    };
    const doc = citeDocument([item], run(['web2', 'Origins', 'under']));
    expect(notesOf(doc)[0]).toBe(
      'James Mark, “Albania and the Bloc,” Digital Archive, Wilson Center, under “Origins,” accessed January 9, 2025, https://digitalarchive.example/a.',
    );
    expect(forms(item, undefined).bibliography).toBe(
      'Mark, James. “Albania and the Bloc.” Digital Archive, Wilson Center. Accessed January 9, 2025. https://digitalarchive.example/a.',
    );
  });
});

describe('archival documents', () => {
  const item: CslItem = {
    id: 'rgani',
    type: 'manuscript',
    title: 'Zapis’ besedy s E. Khodzhei',
    language: 'ru',
    issued: { 'date-parts': [[1960, 11, 12]] },
    archive_location: 'F. 2, inv. 1, f. 445',
    archive: 'Russian State Archive of Contemporary History (RGANI)',
    'archive-place': 'Moscow',
  };

  it('runs the first note from the document to the repository, with a labelled locator after the shelfmark', () => {
    const doc = citeDocument([item], run(['rgani', '5-6']));
    expect(notesOf(doc)[0]).toBe(
      '“Zapis’ besedy s E. Khodzhei,” November 12, 1960, F. 2, inv. 1, f. 445, pp. 5–6, Russian State Archive of Contemporary History (RGANI), Moscow.',
    );
  });

  it('shortens an untitled file to the repository abbreviation and shelfmark (decision D9)', () => {
    const untitled: CslItem = { ...item, title: undefined, genre: 'memorandum' };
    const doc = citeDocument([untitled, { ...item, id: 'x', archive: undefined }], run(['rgani', '5'], ['x', '1'], ['rgani', '7']));
    expect(notesOf(doc)[0]).toBe(
      'Memorandum, November 12, 1960, F. 2, inv. 1, f. 445, p. 5, Russian State Archive of Contemporary History (RGANI), Moscow.',
    );
    expect(notesOf(doc)[2]).toBe('RGANI, F. 2, inv. 1, f. 445, p. 7.');
  });

  it('keeps the label after Ibid. (decision D10)', () => {
    const doc = citeDocument([item], run(['rgani', '5'], ['rgani', '8-9']), { ibid: true });
    expect(notesOf(doc)[1]).toBe('Ibid., pp. 8–9.');
  });

  it('lists the repository once in the bibliography, not each document (decision D11)', () => {
    const second: CslItem = { ...item, id: 'rgani2', title: 'Another record', archive_location: 'F. 3' };
    const doc = citeDocument([item, second], run(['rgani', '1'], ['rgani2', '2']));
    expect(bibliographyOf(doc)).toEqual(['Russian State Archive of Contemporary History (RGANI), Moscow.']);
    expect(doc.bibliography[0]?.id).toBe('rgani');
  });

  it('lists a document held in no named archive itself, as an imported PDF is, with or without an author', () => {
    const pdf: CslItem = { id: 'vlora', type: 'document', title: 'The Vlora Crisis Reconsidered', issued: { 'date-parts': [[2021]] } };
    const signed: CslItem = { id: 'letter', type: 'document', title: 'Letter to the Central Committee', author: [{ family: 'Kapo', given: 'Hysni' }], issued: { 'date-parts': [[1961, 3, 2]] } };
    const doc = citeDocument([pdf, signed, item], run(['vlora', '202'], ['letter', '1'], ['rgani', '5']));
    expect(notesOf(doc).slice(0, 2)).toEqual(['“The Vlora Crisis Reconsidered,” 2021, p. 202.', 'Hysni Kapo, “Letter to the Central Committee,” March 2, 1961, p. 1.']);
    expect(bibliographyOf(doc)).toEqual([
      'Kapo, Hysni. “Letter to the Central Committee.” March 2, 1961.',
      'Russian State Archive of Contemporary History (RGANI), Moscow.',
      '“The Vlora Crisis Reconsidered.” 2021.',
    ]);
  });
});

describe('theses', () => {
  it('gives the kind of thesis, the university and the year in parentheses', () => {
    const item: CslItem = {
      id: 't',
      type: 'thesis',
      author: [{ family: 'Lalaj', given: 'Ana' }],
      title: 'Albania between Moscow and Beijing',
      genre: 'PhD diss.',
      publisher: 'University of Tirana',
      issued: { 'date-parts': [[2009]] },
    };
    expect(forms(item, '88')).toEqual({
      full: 'Ana Lalaj, “Albania between Moscow and Beijing” (PhD diss., University of Tirana, 2009), 88.',
      short: 'Lalaj, “Albania between Moscow,” 88.',
      bibliography: 'Lalaj, Ana. “Albania between Moscow and Beijing.” PhD diss., University of Tirana, 2009.',
    });
  });
});

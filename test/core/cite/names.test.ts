import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { CslItem, CslName } from '../../../core/corpus/model.ts';
import { bibliographyOf, notesOf, run } from './golden.ts';

const PEOPLE: CslName[] = [
  { family: 'Adams', given: 'Ann' },
  { family: 'Baker', given: 'Ben' },
  { family: 'Clark', given: 'Cora' },
  { family: 'Dunn', given: 'Dan' },
  { family: 'Evans', given: 'Eve' },
  { family: 'Ford', given: 'Finn' },
  { family: 'Gray', given: 'Gus' },
  { family: 'Hall', given: 'Hana' },
  { family: 'Ives', given: 'Ida' },
  { family: 'Jones', given: 'Jo' },
  { family: 'King', given: 'Kai' },
];

function article(count: number): CslItem {
  return {
    id: `a${count}`,
    type: 'article-journal',
    author: PEOPLE.slice(0, count),
    title: 'A Study of Names',
    'container-title': 'Journal of Tests',
    volume: '3',
    page: '10-20',
    issued: { 'date-parts': [[2020]] },
  };
}

function cite(item: CslItem, edition: 17 | 18) {
  const doc = citeDocument([item], run([item.id, '12'], [item.id, '14']), { edition, consecutive: 'author-title' });
  return { full: notesOf(doc)[0], short: notesOf(doc)[1], bibliography: bibliographyOf(doc)[0] };
}

describe('author lists', () => {
  it('names two authors in notes and inverts only the first in the bibliography, both editions', () => {
    for (const edition of [17, 18] as const) {
      const { full, short, bibliography } = cite(article(2), edition);
      expect(full).toMatch(/^Ann Adams and Ben Baker, “A Study of Names,”/);
      expect(short).toBe('Adams and Baker, “A Study of Names,” 14.');
      expect(bibliography).toMatch(/^Adams, Ann, and Ben Baker\. “A Study of Names\.”/);
    }
  });

  it('gives three authors as first author et al. in CMOS 18 notes, all three in CMOS 17 notes', () => {
    expect(cite(article(3), 18).full).toMatch(/^Ann Adams et al., “A Study/);
    expect(cite(article(3), 18).short).toBe('Adams et al., “A Study of Names,” 14.');
    expect(cite(article(3), 17).full).toMatch(/^Ann Adams, Ben Baker, and Cora Clark, “A Study/);
    expect(cite(article(3), 17).short).toBe('Adams, Baker, and Clark, “A Study of Names,” 14.');
  });

  it('gives four authors as first author et al. in CMOS 17 notes', () => {
    expect(cite(article(4), 17).full).toMatch(/^Ann Adams et al., “A Study/);
    expect(cite(article(4), 17).short).toBe('Adams et al., “A Study of Names,” 14.');
  });

  it('lists up to six authors in a CMOS 18 bibliography, with a serial comma', () => {
    expect(cite(article(3), 18).bibliography).toMatch(/^Adams, Ann, Ben Baker, and Cora Clark\. “A Study/);
    expect(cite(article(6), 18).bibliography).toMatch(/^Adams, Ann, Ben Baker, Cora Clark, Dan Dunn, Eve Evans, and Finn Ford\. /);
  });

  it('cuts seven or more authors to the first three et al. in a CMOS 18 bibliography', () => {
    expect(cite(article(8), 18).bibliography).toMatch(/^Adams, Ann, Ben Baker, Cora Clark, et al\. “A Study/);
  });

  it('lists eight authors in full in a CMOS 17 bibliography and cuts eleven to seven et al.', () => {
    expect(cite(article(8), 17).bibliography).toMatch(/^Adams, Ann, Ben Baker, .* Gus Gray, and Hana Hall\. “A Study/);
    expect(cite(article(11), 17).bibliography).toMatch(
      /^Adams, Ann, Ben Baker, Cora Clark, Dan Dunn, Eve Evans, Finn Ford, Gus Gray, et al\. “A Study/,
    );
  });

  it('never inverts a family-name-first name and puts no comma in it', () => {
    const item: CslItem = {
      id: 'mao',
      type: 'book',
      author: [{ family: '毛', given: '泽东' }, { family: 'Nagy', given: 'Imre', 'static-ordering': true } as CslName],
      title: 'Selected Works',
      publisher: 'Foreign Languages Press',
      issued: { 'date-parts': [[1965]] },
    };
    const doc = citeDocument([item], run(['mao', '5'], ['mao', '6']), { edition: 18 });
    expect(notesOf(doc)).toEqual([
      '毛泽东 and Nagy Imre, *Selected Works* (Foreign Languages Press, 1965), 5.',
      '毛 and Nagy, *Selected Works*, 6.',
    ]);
    expect(bibliographyOf(doc)).toEqual(['毛泽东 and Nagy Imre. *Selected Works*. Foreign Languages Press, 1965.']);
  });

  it('gives an organization as written, never inverted', () => {
    const item: CslItem = {
      id: 'org',
      type: 'book',
      author: [{ literal: 'Central Intelligence Agency' }],
      title: 'Albania: A Survey',
      publisher: 'CIA',
      issued: { 'date-parts': [[1961]] },
    };
    const doc = citeDocument([item], run(['org', '3'], ['org', '4']), { edition: 18, consecutive: 'author-title' });
    expect(notesOf(doc)[1]).toBe('Central Intelligence Agency, *Albania*, 4.');
    expect(bibliographyOf(doc)[0]).toBe('Central Intelligence Agency. *Albania: A Survey*. CIA, 1961.');
  });

  it('moves particles and suffixes where Chicago puts them', () => {
    const item: CslItem = {
      id: 'p',
      type: 'book',
      author: [
        { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      ],
      title: 'Letters',
      publisher: 'Press',
      issued: { 'date-parts': [[1990]] },
    };
    const doc = citeDocument([item], run(['p', '1'], ['p', '2']), { edition: 18 });
    expect(notesOf(doc)[0]).toBe('Vincent van Gogh and Martin Luther King Jr., *Letters* (Press, 1990), 1.');
    // A particle is capitalized where it opens a note (CMOS 8.5).
    expect(notesOf(doc)[1]).toBe('Van Gogh and King, *Letters*, 2.');
    expect(bibliographyOf(doc)[0]).toBe('Gogh, Vincent van, and Martin Luther King Jr. *Letters*. Press, 1990.');
  });

  it('puts an editor in the author’s place with “ed.” and several with “eds.”', () => {
    const base = { type: 'book', title: 'The Cold War Reader', publisher: 'Routledge', issued: { 'date-parts': [[2001]] } };
    const one: CslItem = { ...base, id: 'one', editor: [{ family: 'Stone', given: 'Jan' }] } as CslItem;
    const two: CslItem = {
      ...base,
      id: 'two',
      title: 'Another Reader',
      editor: [
        { family: 'Stone', given: 'Jan' },
        { family: 'Field', given: 'Lee' },
      ],
    } as CslItem;
    const doc = citeDocument([one, two], run(['one', '7'], ['two', '8'], ['one', '9']), { edition: 18 });
    expect(notesOf(doc)).toEqual([
      'Jan Stone, ed., *The Cold War Reader* (Routledge, 2001), 7.',
      'Jan Stone and Lee Field, eds., *Another Reader* (Routledge, 2001), 8.',
      'Stone, *The Cold War Reader*, 9.',
    ]);
    // A single name's works come before works it shares with others (CMOS 18 13.70).
    expect(bibliographyOf(doc)).toEqual([
      'Stone, Jan, ed. *The Cold War Reader*. Routledge, 2001.',
      'Stone, Jan, and Lee Field, eds. *Another Reader*. Routledge, 2001.',
    ]);
  });
});

describe('repeated authors in the bibliography', () => {
  const works: CslItem[] = ['Rift', 'Split'].map((word, i) => ({
    id: `w${i}`,
    type: 'book',
    author: [{ family: 'Griffith', given: 'William E.' }],
    title: `The ${word}`,
    publisher: 'MIT Press',
    issued: { 'date-parts': [[1963 + i]] },
  }));

  it('repeats the name in full under CMOS 18', () => {
    const doc = citeDocument(works, run(['w1', '1'], ['w0', '2']), { edition: 18 });
    expect(bibliographyOf(doc)).toEqual([
      'Griffith, William E. *The Rift*. MIT Press, 1963.',
      'Griffith, William E. *The Split*. MIT Press, 1964.',
    ]);
  });

  it('replaces it with a 3-em dash under CMOS 17, sorting titles without their article', () => {
    const doc = citeDocument(works, run(['w1', '1'], ['w0', '2']), { edition: 17 });
    expect(bibliographyOf(doc)).toEqual([
      'Griffith, William E. *The Rift*. MIT Press, 1963.',
      '———. *The Split*. MIT Press, 1964.',
    ]);
  });
});

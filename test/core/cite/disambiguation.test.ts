import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { notesOf, run, seedItems } from './golden.ts';

function book(id: string, family: string, given: string, title: string, year: number): CslItem {
  return { id, type: 'book', author: [{ family, given }], title, publisher: 'Press', issued: { 'date-parts': [[year]] } };
}

describe('short forms across a document', () => {
  it('keeps two works by one author apart by their short titles', () => {
    const doc = citeDocument(seedItems(), run(['edemskiy2019', '380'], ['memorie-kapo'], ['edemskiy2019', '381'], ['memorie-kapo']));
    expect(notesOf(doc).slice(2)).toEqual(['Edemskiy, “Additional Evidence,” 381.', 'Edemskiy, “Hysni Kapo, from Moscow.”']);
  });

  it('grows short titles that would coincide into their main titles', () => {
    const a = book('a', 'Hoxha', 'Enver', 'The Khrushchevites and the Party of Labour', 1980);
    const b = book('b', 'Hoxha', 'Enver', 'The Khrushchevites and the Party in Albania: Memoirs', 1984);
    const doc = citeDocument([a, b], run(['a', '1'], ['b', '2'], ['a', '3'], ['b', '4']));
    expect(notesOf(doc).slice(2)).toEqual([
      'Hoxha, *The Khrushchevites and the Party of Labour*, 3.',
      'Hoxha, *The Khrushchevites and the Party in Albania*, 4.',
    ]);
  });

  it('adds the year when even the full titles coincide', () => {
    const a = book('a', 'Hoxha', 'Enver', 'Reflections on China', 1979);
    const b = book('b', 'Hoxha', 'Enver', 'Reflections on China', 1980);
    const doc = citeDocument([a, b], run(['a', '1'], ['b', '2'], ['a', '3']));
    expect(notesOf(doc)[2]).toBe('Hoxha, *Reflections on China*, 1979, 3.');
  });

  it('names two authors who share a surname in full', () => {
    const a = book('a', 'Smith', 'Ann', 'Tirana', 1990);
    const b = book('b', 'Smith', 'Bob', 'Durrës', 1991);
    const c = book('c', 'Jones', 'Cy', 'Vlorë', 1992);
    const doc = citeDocument([a, b, c], run(['a', '1'], ['b', '2'], ['c', '3'], ['a', '4'], ['b', '5'], ['c', '6']));
    expect(notesOf(doc).slice(3)).toEqual(['Ann Smith, *Tirana*, 4.', 'Bob Smith, *Durrës*, 5.', 'Jones, *Vlorë*, 6.']);
  });

  it('tells two untitled issues of one newspaper apart by their dates', () => {
    const issue = (id: string, day: number): CslItem => ({
      id,
      type: 'article-newspaper',
      'container-title': 'Pravda',
      issued: { 'date-parts': [[1961, 10, day]] },
    });
    const doc = citeDocument([issue('p1', 18), issue('p2', 19)], run(['p1', '1'], ['p2', '2'], ['p1', '3'], ['p2', '4']));
    expect(notesOf(doc).slice(2)).toEqual(['*Pravda*, October 18, 1961, 3.', '*Pravda*, October 19, 1961, 4.']);
  });

  it('leaves a lone untitled issue short', () => {
    const only: CslItem = { id: 'p', type: 'article-newspaper', 'container-title': 'Pravda', issued: { 'date-parts': [[1961, 10, 18]] } };
    const doc = citeDocument([only, ...seedItems()], run(['p', '1'], ['griffith1963'], ['p', '3']));
    expect(notesOf(doc)[2]).toBe('*Pravda*, 3.');
  });
});

import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { Cluster } from '../../../core/cite/cite-document.ts';
import { notesOf, run, seedItems } from './golden.ts';

const items = seedItems();
const GRIFFITH = 'Griffith, *Albania and the Sino-Soviet Rift*';

describe('consecutive citations', () => {
  it('writes Ibid. for the same page and Ibid. with the page for a new one', () => {
    const doc = citeDocument(items, run(['griffith1963', '45'], ['griffith1963', '45'], ['griffith1963', '50']), { ibid: true });
    expect(notesOf(doc).slice(1)).toEqual(['Ibid.', 'Ibid., 50.']);
  });

  it('repeats the short form under CMOS 18 and writes author and page under CMOS 17, without Ibid.', () => {
    const clusters = run(['griffith1963', '45'], ['griffith1963', '45'], ['griffith1963', '50']);
    expect(notesOf(citeDocument(items, clusters, { edition: 18 })).slice(1)).toEqual([`${GRIFFITH}, 45.`, `${GRIFFITH}, 50.`]);
    expect(notesOf(citeDocument(items, clusters, { edition: 17 })).slice(1)).toEqual(['Griffith, 45.', 'Griffith, 50.']);
  });

  it('offers the author-and-page form under CMOS 18 as a setting (decision D13)', () => {
    const clusters = run(['griffith1963', '45'], ['griffith1963', '50']);
    expect(notesOf(citeDocument(items, clusters, { edition: 18, consecutive: 'author' }))[1]).toBe('Griffith, 50.');
  });

  it('never writes Ibid. after a note that cites several sources', () => {
    const clusters: Cluster[] = [
      { items: [{ id: 'griffith1963', locator: '45' }, { id: 'edemskiy2019', locator: '380' }] },
      { items: [{ id: 'edemskiy2019', locator: '380' }] },
    ];
    expect(notesOf(citeDocument(items, clusters, { ibid: true }))[1]).toBe('Edemskiy, “Additional Evidence,” 380.');
    expect(notesOf(citeDocument(items, clusters, { edition: 17 }))[1]).toBe('Edemskiy, “Additional Evidence,” 380.');
  });

  it('never writes Ibid. across a note without a citation', () => {
    const clusters: Cluster[] = [
      { noteIndex: 1, items: [{ id: 'griffith1963', locator: '45' }] },
      { noteIndex: 3, items: [{ id: 'griffith1963', locator: '45' }] },
    ];
    const doc = citeDocument(items, clusters, { ibid: true });
    expect(doc.notes.map((n) => n.noteIndex)).toEqual([1, 3]);
    expect(notesOf(doc)[1]).toBe(`${GRIFFITH}, 45.`);
    expect(notesOf(citeDocument(items, clusters, { edition: 17 }))[1]).toBe(`${GRIFFITH}, 45.`);
  });

  it('writes a lower-case ibid. for a repeat inside one note', () => {
    const clusters: Cluster[] = [{ items: [{ id: 'griffith1963', locator: '1' }, { id: 'griffith1963', locator: '2' }] }];
    expect(notesOf(citeDocument(items, clusters, { ibid: true }))).toEqual([
      'William E. Griffith, *Albania and the Sino-Soviet Rift* (MIT Press, 1963), 1; ibid., 2.',
    ]);
  });

  it('allows Ibid. after a note that cites one source twice', () => {
    const clusters: Cluster[] = [
      { items: [{ id: 'griffith1963', locator: '1' }, { id: 'griffith1963', locator: '2' }] },
      { items: [{ id: 'griffith1963', locator: '2' }] },
    ];
    expect(notesOf(citeDocument(items, clusters, { ibid: true }))[1]).toBe('Ibid.');
  });

  it('does not write a bare Ibid. when the citation before had a page and this one has none', () => {
    const doc = citeDocument(items, run(['griffith1963', '45'], ['griffith1963']), { ibid: true });
    expect(notesOf(doc)[1]).toBe(`${GRIFFITH}.`);
  });

  it('lower-cases ibid. after a prefix and keeps the suffix', () => {
    const clusters: Cluster[] = [
      { items: [{ id: 'griffith1963', locator: '45' }] },
      { items: [{ id: 'griffith1963', locator: '46', prefix: 'See', suffix: 'for the Soviet view' }] },
    ];
    expect(notesOf(citeDocument(items, clusters, { ibid: true }))[1]).toBe('See ibid., 46 for the Soviet view.');
  });

  it('puts a comma suffix inside closing quotation marks', () => {
    const clusters: Cluster[] = [
      { items: [{ id: 'edemskiy2019', locator: '380' }] },
      { items: [{ id: 'griffith1963' }] },
      { items: [{ id: 'memorie-kapo', suffix: ', emphasis added' }] },
      { items: [{ id: 'memorie-kapo', suffix: ', emphasis added' }] },
    ];
    expect(notesOf(citeDocument(items, clusters))[3]).toBe('Edemskiy, “Hysni Kapo, from Moscow,” emphasis added.');
  });
});

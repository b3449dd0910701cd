import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { notesOf, run, seedItems } from './golden.ts';

// Chicago puts an access date immediately before the URL, after the locator (CMOS 17 14.12), and
// a revision or publication date before the locator; "s.v." and "under" both say where in a work.
const items = seedItems();
const URL_WIKI = 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split';

function first(id: string, locator: string | undefined, edition: 17 | 18, label = 'under'): string {
  const cite: [string] | [string, string, string] = locator ? [id, locator, label] : [id];
  return notesOf(citeDocument(items, run(cite), { edition }))[0] ?? '';
}

describe('where the access date and a section locator go', () => {
  for (const edition of [17, 18] as const) {
    it(`puts “under …” before “accessed …” in the Wikipedia and the Memorie.al notes alike (CMOS ${edition})`, () => {
      expect(first('wikipedia-split', 'Origins', edition)).toBe(`“Soviet–Albanian Split,” *Wikipedia*, under “Origins,” accessed December 3, 2025, ${URL_WIKI}.`);
      expect(first('memorie-kapo', 'The Study', edition)).toMatch(/,” \*Memorie\.al\*, under “The Study,” accessed December 3, 2025, https:\/\/memorie\.al\/\S+\.$/);
    });
  }

  it('prints either “s.v.” or “under”, never both, in a CMOS 17 Wikipedia note', () => {
    const withSection = first('wikipedia-split', 'Origins', 17);
    expect(withSection).not.toContain('s.v.');
    expect(first('wikipedia-split', undefined, 17)).toBe(`*Wikipedia*, s.v. “Soviet–Albanian Split,” accessed December 3, 2025, ${URL_WIKI}.`);
  });

  it('puts a revision date before the locator and drops the access date it replaces', () => {
    const dated: CslItem = { ...(items.find((i) => i.id === 'wikipedia-split') as CslItem), issued: { 'date-parts': [[2016, 5, 2]] } };
    const note = notesOf(citeDocument([dated], run(['wikipedia-split', 'Origins', 'under'])))[0];
    expect(note).toBe(`“Soviet–Albanian Split,” *Wikipedia*, last modified May 2, 2016, under “Origins,” ${URL_WIKI}.`);
  });

  it('puts a web page’s access date after its locator, and its publication date before it', () => {
    const page: CslItem = { id: 'p', type: 'webpage', title: 'A page', 'container-title': 'Site', URL: 'https://example.org/p', accessed: { 'date-parts': [[2025, 1, 9]] } };
    expect(notesOf(citeDocument([page], run(['p', 'Origins', 'under'])))[0]).toBe('“A Page,” Site, under “Origins,” accessed January 9, 2025, https://example.org/p.');
    const dated = { ...page, issued: { 'date-parts': [[2021, 4, 7]] as [number, number, number][] } };
    expect(notesOf(citeDocument([dated], run(['p', 'Origins', 'under'])))[0]).toBe('“A Page,” Site, April 7, 2021, under “Origins,” https://example.org/p.');
  });
});

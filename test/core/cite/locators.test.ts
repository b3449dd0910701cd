import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import { CitationError } from '../../../core/cite/errors.ts';
import { notesOf, run, seedItems } from './golden.ts';

const items = seedItems();

function shortWith(locator: string, label?: string): string | undefined {
  const second = (label ? ['griffith1963', locator, label] : ['griffith1963', locator]) as [string, string];
  return notesOf(citeDocument(items, run(['griffith1963'], ['edemskiy2019'], second)))[2];
}

describe('locators', () => {
  it('gives pages as bare numbers by default, ranges shortened', () => {
    expect(shortWith('385-387')).toBe('Griffith, *Albania and the Sino-Soviet Rift*, 385–87.');
    expect(shortWith('45', 'page')).toBe('Griffith, *Albania and the Sino-Soviet Rift*, 45.');
  });

  it('labels other kinds of locator with Chicago’s abbreviations, plural for ranges', () => {
    expect(shortWith('3', 'section')).toBe('Griffith, *Albania and the Sino-Soviet Rift*, sec. 3.');
    expect(shortWith('2', 'chapter')).toBe('Griffith, *Albania and the Sino-Soviet Rift*, chap. 2.');
    expect(shortWith('12-13', 'folio')).toBe('Griffith, *Albania and the Sino-Soviet Rift*, fols. 12–13.');
    expect(shortWith('14', 'n.')).toBe('Griffith, *Albania and the Sino-Soviet Rift*, n. 14.');
    expect(shortWith('IV', 'section')).toBe('Griffith, *Albania and the Sino-Soviet Rift*, sec. IV.');
  });

  it('cites a section heading of an unpaginated source as under “Heading”, with no s.v. beside it', () => {
    const doc = citeDocument(items, run(['wikipedia-split', 'Bucharest Conference', 'section']), { edition: 17 });
    expect(notesOf(doc)[0]).toBe(
      '“Soviet–Albanian Split,” *Wikipedia*, under “Bucharest Conference,” accessed December 3, 2025, https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split.',
    );
  });

  it('refuses a label Chicago does not use, naming it', () => {
    const attempt = () => citeDocument(items, run(['griffith1963', '3', 'shelf']));
    expect(attempt).toThrow(CitationError);
    expect(attempt).toThrow(/“shelf”/);
  });
});

import { describe, expect, it } from 'vitest';
import { deriveId } from '../../../electron/services/import/import-id.ts';

describe('deriveId', () => {
  const issued = (year: number) => ({ 'date-parts': [[year]] as [number][] });

  it('names a source by its first author and year, accents taken off', () => {
    expect(deriveId({ author: [{ family: 'Mëhilli', given: 'Elidor' }], issued: issued(2017) })).toBe('mehilli-2017');
    // A letter with no decomposed form: stripping accents alone lost it ("ukasz-…").
    expect(deriveId({ author: [{ family: 'Łukasiewicz', given: 'Jan' }], issued: issued(1958) })).toBe('lukasiewicz-1958');
  });

  it('romanizes an author or title in another script instead of falling back to a bare year or the file name', () => {
    expect(deriveId({ author: [{ family: 'Ходжа', given: 'Энвер' }], issued: issued(1961) }, 'scan-0001')).toBe('khodzha-1961');
    expect(deriveId({ author: [{ family: '毛', given: '泽东' }], issued: issued(1949) })).toBe('mao-1949');
    expect(deriveId({ title: 'Советский Союз и албанский вопрос, 1945–1961', issued: issued(2008) })).toBe('sovetskiy-soyuz-i-2008');
    expect(deriveId({ title: 'Η Αλβανία και η ΕΣΣΔ', issued: issued(1990) })).toBe('i-alvania-kai-1990');
  });

  it('falls back to the file name, then to "source", when nothing readable is left', () => {
    expect(deriveId({ title: '—', issued: undefined }, 'Hoxha letter.pdf')).toBe('hoxha-letter-pdf');
    expect(deriveId({}, '')).toBe('source');
  });
});

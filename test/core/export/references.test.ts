import { describe, expect, it } from 'vitest';
import { writeBibtex } from '../../../core/export/bibtex.ts';
import { writeCslJson } from '../../../core/export/csl-json.ts';
import { referenceItems } from '../../../core/export/reference-scope.ts';
import { writeRis } from '../../../core/export/ris.ts';
import { readReferences } from '../../../core/interop/references/read-references.ts';
import { corpusSource } from './corpus-fixture.ts';

const edemskiy = corpusSource('edemskiy-2019').meta.csl;
const book = {
  id: 'griffith1963',
  type: 'book',
  author: [{ family: 'Griffith', given: 'William E.' }],
  title: 'Albania & the {Sino-Soviet} Rift_100%',
  publisher: 'MIT Press',
  'publisher-place': 'Cambridge, MA',
  issued: { 'date-parts': [[1963]] as [number][] },
};

describe('writeCslJson', () => {
  it('writes the items as a CSL-JSON array, unchanged', () => {
    expect(JSON.parse(writeCslJson([edemskiy, book]))).toEqual([edemskiy, book]);
  });
});

describe('writeRis', () => {
  it('writes one tagged record per source, TY first and ER last, with CRLF', () => {
    const ris = writeRis([edemskiy]);
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines).toContain('AU  - Edemskiy, Andrey');
    expect(lines).toContain('T2  - Balcanica');
    expect(lines).toContain('VL  - 50');
    expect(lines).toContain('SP  - 375');
    expect(lines).toContain('EP  - 396');
    expect(lines).toContain('PY  - 2019');
    expect(lines).toContain('DO  - 10.2298/BALC1950375E');
    expect(lines.at(-2)).toBe('ER  - ');
  });

  it('writes a book with its publisher and place', () => {
    const lines = writeRis([book]).split('\r\n');
    expect(lines).toEqual(expect.arrayContaining(['TY  - BOOK', 'PB  - MIT Press', 'CY  - Cambridge, MA']));
  });

  it('writes a letter as a personal communication, which reference managers read back as a letter', () => {
    const letter = { id: 'hoxha-1961', type: 'letter', title: 'Letter to Nikita Khrushchev', author: [{ family: 'Hoxha', given: 'Enver' }], issued: { 'date-parts': [[1961, 3, 15]] as [number, number, number][] } };
    const ris = writeRis([letter]);
    expect(ris.split('\r\n')[0]).toBe('TY  - PCOMM');
    expect(readReferences(ris, 'letters.ris').records[0]?.item).toMatchObject({ type: 'letter', title: 'Letter to Nikita Khrushchev' });
  });
});

describe('writeBibtex', () => {
  it('writes an article keyed by the corpus id with a double-dash page range', () => {
    const bib = writeBibtex([edemskiy]);
    expect(bib).toMatch(/^@article\{edemskiy-2019,\n/);
    expect(bib).toContain('  author = {Edemskiy, Andrey}');
    expect(bib).toContain('  journal = {Balcanica}');
    expect(bib).toContain('  pages = {375--396}');
    expect(bib).toContain('  doi = {10.2298/BALC1950375E}');
  });

  it('escapes LaTeX specials and protects the title’s capitals', () => {
    const bib = writeBibtex([book]);
    expect(bib).toContain('  title = {{Albania \\& the \\textbraceleft{}Sino-Soviet\\textbraceright{} Rift\\_100\\%}}');
    expect(bib).toMatch(/^@book\{griffith1963,/);
  });
});

describe('referenceItems', () => {
  it('lists one source, or every source of the corpus', () => {
    const sources = [corpusSource('edemskiy-2019'), corpusSource('wikipedia-split')];
    expect(referenceItems(sources, [], [], { kind: 'source', sourceId: 'wikipedia-split' }).map((i) => i.id)).toEqual(['wikipedia-split']);
    expect(referenceItems(sources, [], [], { kind: 'all' })).toHaveLength(2);
    expect(() => referenceItems(sources, [], [], { kind: 'source', sourceId: 'nope' })).toThrow('There is no source “nope”');
  });
});

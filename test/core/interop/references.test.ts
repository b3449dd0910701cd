import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../core/corpus/model.ts';
import { writeBibtex } from '../../../core/export/bibtex.ts';
import { writeCslJson } from '../../../core/export/csl-json.ts';
import { writeRis } from '../../../core/export/ris.ts';
import { planReferenceImport } from '../../../core/interop/references/plan-import.ts';
import { readReferences, ReferenceFileError } from '../../../core/interop/references/read-references.ts';
import { corpusSource } from '../export/corpus-fixture.ts';
import { installed, runTool } from '../export/external-tools.ts';
import { carried, expectedAfterRoundTrip } from '../../support/reference-formats.ts';

const corpus = ['edemskiy-2019', 'memorie-kapo', 'pilaca-nako-2021', 'resexcellence-2021', 'wikipedia-split'].map((id) => corpusSource(id).meta.csl);
const book: CslItem = {
  id: 'griffith-1963',
  type: 'book',
  title: 'Albania and the Sino-Soviet Rift',
  author: [{ family: 'Griffith', given: 'William E.' }],
  editor: [{ family: 'Mitrović', given: 'Andrej' }],
  publisher: 'MIT Press',
  'publisher-place': 'Cambridge, MA',
  issued: { 'date-parts': [[1963]] },
  language: 'en',
};
const chapter: CslItem = {
  id: 'prifti-1978',
  type: 'chapter',
  title: 'The Sino-Albanian Alliance',
  author: [{ family: 'Prifti', given: 'Peter' }],
  'container-title': 'Socialist Albania since 1944',
  publisher: 'MIT Press',
  page: '210-235',
  issued: { 'date-parts': [[1978, 5]] },
};
const items = [...corpus, book, chapter];

describe('reference files: export, then import, gives the same metadata', () => {
  const files = { 'csl-json': ['refs.json', writeCslJson(items)], bibtex: ['refs.bib', writeBibtex(items)], ris: ['refs.ris', writeRis(items)] } as const;

  for (const format of ['csl-json', 'bibtex', 'ris'] as const) {
    it(`round-trips ${format}`, () => {
      const [name, text] = files[format];
      const read = readReferences(text, name);
      expect(read.format).toBe(format);
      expect(read.skipped).toEqual([]);
      expect(read.records.map((r) => r.key)).toEqual(items.map((i) => i.id));
      for (const record of read.records) {
        const original = items.find((i) => i.id === record.key) as CslItem;
        const expected = expectedAfterRoundTrip(original, format);
        expect(carried(record.item, format)).toEqual(expected);
      }
    });
  }

  it('reads a BibTeX corporate author as a literal name and a journal given by @string', () => {
    const bib = `@string{bal = {Balcanica}}\n\n@article{inst2019,\n  author = {{Institute for Balkan Studies} and Doe, Jane},\n  title = {A {Report}},\n  journal = bal,\n  year = {2019},\n  month = mar\n}\n`;
    const [record] = readReferences(bib, 'x.bib').records;
    expect(record?.item).toMatchObject({
      type: 'article-journal',
      title: 'A Report',
      author: [{ literal: 'Institute for Balkan Studies' }, { family: 'Doe', given: 'Jane' }],
      'container-title': 'Balcanica',
      issued: { 'date-parts': [[2019, 3]] },
    });
  });

  it('reports every record it skips, and why, and still reads the others', () => {
    const bib = [
      '@book{good1, title = {Good One}, author = {Hoxha, Enver}, year = 1975}',
      '@article{broken, title = {An unclosed {brace}, year = 1961',
      '@misc{untitled, author = {Nobody, A.}, year = 1960}',
      '@comment{this is a comment}',
      '@book{good2, title = {Good Two}, year = 1980}',
    ].join('\n\n');
    const read = readReferences(bib, 'mixed.bib');
    expect(read.records.map((r) => r.key)).toEqual(['good1', 'good2']);
    expect(read.skipped).toEqual([
      { label: 'BibTeX entry “broken” (line 3)', reason: 'it cannot be read: a brace opened in the entry starting at line 3 is never closed' },
      { label: 'BibTeX entry “untitled” (line 5)', reason: 'it has no title' },
    ]);
    const ris = 'TY  - BOOK\r\nTI  - Vepra\r\nAU  - Hoxha, Enver\r\nPY  - 1975\r\nER  - \r\nTY  - JOUR\r\nAU  - Nobody, A.\r\nER  - \r\n';
    const risRead = readReferences(ris, 'x.ris');
    expect(risRead.records.map((r) => r.item.title)).toEqual(['Vepra']);
    expect(risRead.skipped).toEqual([{ label: 'RIS record no. 2', reason: 'it has no title' }]);
  });

  it('says where a BibTeX entry goes wrong in words and lines of the file, not the parser’s', () => {
    const bib = '@string{bal = {Balcanica}}\n@article{nocomma,\n  title = {One} journal = bal\n}\n';
    expect(readReferences(bib, 'x.bib').skipped).toEqual([
      { label: 'BibTeX entry “nocomma” (line 2)', reason: 'it cannot be read: at line 3, column 17, something is missing or out of place (a comma between fields, or a closing brace or quotation mark)' },
    ]);
  });

  it('reads a RIS year given as the last field before ER, with LF line endings, and trims every value', () => {
    const ris = 'TY  - BOOK\nTI  -   First Book  \nAU  - Doe, J. \nPY  - 2000\nER  - \nTY  - JOUR\nTI  - Second\nPY  - 2001 \nER  -\n';
    const read = readReferences(ris, 'x.ris');
    expect(read.skipped).toEqual([]);
    expect(read.records.map((r) => [r.item.title, r.item.issued, r.item.author])).toEqual([
      ['First Book', { 'date-parts': [[2000]] }, [{ family: 'Doe', given: 'J.' }]],
      ['Second', { 'date-parts': [[2001]] }, undefined],
    ]);
  });

  it('ends a RIS record that lacks its ER where the next TY begins, so no record is lost', () => {
    const ris = 'TY  - BOOK\nTI  - First Book\nPY  - 2000\nTY  - JOUR\nTI  - Second Article\nPY  - 2001\nER  - \nTY  - BOOK\nTI  - Third Book\nER  - \n';
    const read = readReferences(ris, 'x.ris');
    expect(read.skipped).toEqual([]);
    expect(read.records.map((r) => [r.label, r.item.title, r.item.type, r.item.issued])).toEqual([
      ['RIS record no. 1', 'First Book', 'book', { 'date-parts': [[2000]] }],
      ['RIS record no. 2', 'Second Article', 'article-journal', { 'date-parts': [[2001]] }],
      ['RIS record no. 3', 'Third Book', 'book', undefined],
    ]);
  });

  it('refuses a file that is no reference file, naming the formats it reads', () => {
    expect(() => readReferences('just some notes', 'notes.txt')).toThrow(ReferenceFileError);
    expect(() => readReferences('just some notes', 'notes.txt')).toThrow('use CSL-JSON (.json), BibTeX or BibLaTeX (.bib) or RIS (.ris)');
    expect(() => readReferences('[not json', 'refs.json')).toThrow('is not valid JSON');
  });

  it('Citation.js’s own RIS writer, read back, breaks long titles and addresses where it wraps its lines (why ours stays)', async () => {
    const { Cite } = (await import('@citation-js/core')) as unknown as { Cite: new (data: unknown) => { format(name: string): string } };
    const theirs = readReferences(new Cite(corpus).format('ris'), 'theirs.ris');
    const ours = readReferences(writeRis(corpus), 'ours.ris');
    const changed = (read: typeof ours) =>
      corpus.flatMap((original, i) => (['title', 'URL'] as const).filter((field) => read.records[i]?.item[field] !== original[field]).map((field) => `${original.id} ${field}`));
    expect(changed(ours)).toEqual([]);
    expect(changed(theirs)).toEqual(expect.arrayContaining(['memorie-kapo title', 'memorie-kapo URL']));
    expect(theirs.records.find((r) => r.item.id === 'memorie-kapo')?.item.URL).toContain(' ');
  });

  describe.runIf(installed('biber'))('Citation.js’s own BibTeX writer, checked by biber (why ours stays)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-cjs-biber-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('finds fields biblatex does not allow in Citation.js’s output, and none in ours', async () => {
      const { Cite } = (await import('@citation-js/core')) as unknown as { Cite: new (data: unknown) => { format(name: string): string } };
      const check = (name: string, text: string) => {
        writeFileSync(join(folder, name), text);
        const { stdout, stderr } = runTool('biber', ['--tool', '--validate-datamodel', '--output-format=biblatexml', '--output-directory', folder, name], { cwd: folder });
        return `${stdout}\n${stderr}`.split('\n').filter((line) => /^WARN - Datamodel: .*Invalid (field|ISSN)/.test(line));
      };
      expect(check('ours.bib', writeBibtex(corpus))).toEqual([]);
      expect(check('theirs.bib', new Cite(corpus).format('biblatex')).length).toBeGreaterThan(0);
      expect(readFileSync(join(folder, 'ours.bib'), 'utf8')).toContain('@article{edemskiy-2019,');
    }, 120_000);
  });
});

describe('planning an import against the corpus', () => {
  const sources = corpus;
  const chooseId = (item: CslItem, key: string | null, taken: ReadonlySet<string>) => {
    let id = key ?? 'ref';
    while (taken.has(id)) id += '-2';
    return id;
  };

  it('fills only the gaps of a source matched by DOI, keeping what the corpus says', () => {
    const record = { ...book, id: 'x', DOI: '10.2298/balc1950375e', title: 'Additional evidence', volume: '51', ISSN: '1234-5678', edition: '2' };
    const plan = planReferenceImport([{ label: 'record 1', item: record, key: 'x' }], sources, [], chooseId);
    expect(plan.sources).toHaveLength(1);
    const [fill] = plan.sources;
    expect(fill).toMatchObject({ sourceId: 'edemskiy-2019', by: 'DOI' });
    // The source names no editor: the book's is the one gap filled.
    expect(fill?.filled).toEqual(['editor']);
    expect(fill?.kept.map((k) => k.field)).toEqual(expect.arrayContaining(['volume', 'publisher', 'author', 'issued', 'title']));
  });

  it('matches by title and year, fills the gaps, and keeps the rest as new references', () => {
    const wiki = corpus.find((i) => i.id === 'wikipedia-split') as CslItem;
    const record: CslItem = { id: 'w', type: 'webpage', title: 'Soviet-Albanian Split', issued: { 'date-parts': [[2024]] }, author: [{ literal: 'Wikipedia contributors' }] };
    const plan = planReferenceImport(
      [
        { label: 'record 1', item: record, key: 'w' },
        { label: 'record 2', item: book, key: 'griffith-1963' },
        { label: 'record 3', item: { ...book, id: 'again', publisher: 'Other Press', ISBN: '978' }, key: 'again' },
      ],
      sources,
      [],
      chooseId,
    );
    expect(wiki.issued).toBeUndefined();
    expect(plan.sources).toEqual([expect.objectContaining({ sourceId: 'wikipedia-split', by: 'title and year', filled: ['author', 'issued'], patch: { authors: ['Wikipedia contributors'], issued: '2024' } })]);
    expect(plan.added.map((a) => a.item.id)).toEqual(['griffith-1963']);
    expect(plan.added[0]?.item.ISBN).toBe('978');
    expect(plan.skipped).toEqual([{ label: 'record 3', reason: 'it is the same work as record 2, whose gaps it fills (ISBN)' }]);
  });

  it('fills the names in roles a source has no one in (editors, translators …), keeping its own', () => {
    const source = corpus.find((i) => i.id === 'memorie-kapo') as CslItem;
    const translator = [{ family: 'Hoxha', given: 'Ndriçim' }];
    const record: CslItem = { id: 'm', type: source.type, title: source.title as string, translator, 'collection-editor': [{ literal: 'Memorie.al' }], author: [{ family: 'Other', given: 'A.' }] };
    const plan = planReferenceImport([{ label: 'record 1', item: record, key: 'm' }], [{ ...source, editor: [{ family: 'Doe', given: 'Jane' }] }], [], chooseId);
    const [fill] = plan.sources;
    expect(source.translator).toBeUndefined();
    expect(fill?.filled).toEqual(['translator', 'collection-editor']);
    expect(fill?.patch.names).toEqual({ translator, 'collection-editor': [{ literal: 'Memorie.al' }] });
    expect(fill?.kept).toContainEqual({ field: 'author', ours: 'Edemskiy, Andrey', theirs: 'Other, A.' });

    const editor = planReferenceImport([{ label: 'record 1', item: { ...record, editor: [{ family: 'Roe', given: 'R.' }] }, key: 'm' }], [{ ...source, editor: [{ family: 'Doe', given: 'Jane' }] }], [], chooseId);
    expect(editor.sources[0]?.filled).not.toContain('editor');
    expect(editor.sources[0]?.kept).toContainEqual({ field: 'editor', ours: 'Doe, Jane', theirs: 'Roe, R.' });
  });
});

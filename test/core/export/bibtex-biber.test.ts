import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CslItem } from '../../../core/corpus/model.ts';
import { writeBibtex } from '../../../core/export/bibtex.ts';
import { readReferences } from '../../../core/interop/references/read-references.ts';
import { corpusSource } from './corpus-fixture.ts';
import { installed, runTool } from './external-tools.ts';

const corpus = ['edemskiy-2019', 'memorie-kapo', 'pilaca-nako-2021', 'resexcellence-2021', 'wikipedia-split'].map((id) => corpusSource(id).meta.csl);
const book: CslItem = {
  id: 'balkan-studies',
  type: 'book',
  author: [{ literal: 'Institute for Balkan Studies, Serbian Academy of Sciences and Arts' }],
  editor: [{ family: 'Mitrović', given: 'Andrej' }, { family: 'Ćirković', given: 'Sima' }],
  title: 'Serbs and Albanians & the {Balkans}',
  publisher: 'Institute for Balkan Studies, Serbian Academy of Sciences and Arts',
  'publisher-place': 'Belgrade',
  issued: { 'date-parts': [[2019, 11, 5]] },
};
const chapter: CslItem = {
  id: 'prifti1978',
  type: 'chapter',
  author: [{ family: 'Prifti', given: 'Peter' }],
  title: 'The Sino-Albanian alliance',
  'container-title': 'Socialist Albania since 1944',
  publisher: 'MIT Press',
  page: '210-235',
  issued: { 'date-parts': [[1978]] },
};
const archival: CslItem = { id: 'rgani', type: 'manuscript', title: 'Zapis’ besedy', archive: 'RGANI', archive_location: 'F. 2, op. 1, d. 4', issued: { 'date-parts': [[1960, 11, 12]] } };
const bib = writeBibtex([...corpus, book, chapter, archival]);
// Braces that do not pair, in every kind of field.
const braces: CslItem[] = [
  { id: 'open', type: 'book', title: 'Unbalanced { brace in title', author: [{ family: 'Smith', given: 'J.' }], publisher: 'Press {', issued: { 'date-parts': [[2000]] } },
  { id: 'close', type: 'article-journal', title: 'Close } brace only', 'container-title': 'J. of }X', author: [{ literal: 'Comité } central' }], note: 'a { note', URL: 'https://example.org/a{b', issued: { 'date-parts': [[2001]] } },
];
const braceBib = writeBibtex(braces);

/** Whether every brace of `text` is closed, counted as BibTeX and biber count them (a backslash before one changes nothing). */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth += 1;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('the BibTeX export', () => {
  it('braces a corporate name and a publisher whose name holds “and”', () => {
    expect(bib).toContain('  author = {{Institute for Balkan Studies, Serbian Academy of Sciences and Arts}},');
    expect(bib).toContain('  publisher = {{Institute for Balkan Studies, Serbian Academy of Sciences and Arts}},');
    expect(bib).toContain('  editor = {Mitrović, Andrej and Ćirković, Sima},');
  });

  it('keeps the day of a date as biblatex’s date, with year and month for classic styles', () => {
    expect(bib).toMatch(/@article\{pilaca-nako-2021,[\s\S]*? {2}date = \{2021-07-08\},\n {2}year = \{2021\},\n {2}month = \{7\},/);
    expect(bib).toMatch(/@book\{balkan-studies,[\s\S]*? {2}date = \{2019-11-05\},/);
  });

  it('writes a brace of a field so that the braces of each entry still pair, and reads it back as a brace', () => {
    const entries = braceBib.split(/\n\n(?=@)/);
    expect(entries).toHaveLength(2);
    for (const text of entries) expect(balanced(text)).toBe(true);
    expect(braceBib).toContain('  title = {{Unbalanced \\textbraceleft{} brace in title}},');
    expect(braceBib).toContain('  url = {https://example.org/a%7Bb},');
    const read = readReferences(braceBib, 'braces.bib');
    expect(read.records.map((r) => [r.item.title, r.item['container-title'], r.item.author, r.item.note])).toEqual([
      ['Unbalanced { brace in title', undefined, [{ family: 'Smith', given: 'J.' }], undefined],
      ['Close } brace only', 'J. of }X', [{ literal: 'Comité } central' }], 'a { note'],
    ]);
  });

  describe.runIf(installed('biber'))('a brace in a field, checked by biber', () => {
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-biber-braces-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('reads every entry without an error', () => {
      writeFileSync(join(folder, 'braces.bib'), braceBib);
      const { stdout, stderr } = runTool('biber', ['--tool', '--output-format=biblatexml', '--output-directory', folder, 'braces.bib'], { cwd: folder });
      expect(`${stdout}\n${stderr}`.split('\n').filter((line) => line.startsWith('ERROR'))).toEqual([]);
      const xml = readFileSync(join(folder, 'braces_bibertool.bltxml'), 'utf8');
      expect(xml.match(/<bltx:entry id="/g)).toHaveLength(2);
      expect(xml).toContain('Unbalanced \\textbraceleft{} brace in title');
    }, 120_000);
  });

  describe.runIf(installed('biber'))('checked by biber against the biblatex data model', () => {
    const folder = mkdtempSync(join(tmpdir(), 'apparatus-biber-'));
    let warnings: string[] = [];
    let xml = '';
    beforeAll(() => {
      writeFileSync(join(folder, 'sources.bib'), bib);
      const args = ['--tool', '--validate-datamodel', '--output-format=biblatexml', '--output-directory', folder, 'sources.bib'];
      const { stdout, stderr } = runTool('biber', args, { cwd: folder });
      warnings = `${stdout}\n${stderr}`.split('\n').filter((line) => /^(WARN|ERROR)/.test(line));
      xml = readFileSync(join(folder, 'sources_bibertool.bltxml'), 'utf8');
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const entry = (id: string) => new RegExp(`<bltx:entry id="${id}"[\\s\\S]*?</bltx:entry>`).exec(xml)?.[0] ?? '';

    it('warns of nothing about our fields; only of data the source truly lacks', () => {
      const items = new Map([...corpus, book, chapter, archival].map((item) => [item.id, item]));
      const lacks: Record<string, string> = { "one of 'date, year' must be defined": 'issued', "'author'": 'author', "'editor'": 'editor' };
      const missing = warnings.map((line) => {
        const m = /^WARN - Datamodel: Entry '([^']+)' \([^)]*\): Missing mandatory field (?:- )?(.+)$/.exec(line);
        const variable = m ? lacks[m[2]!] : undefined;
        return m && variable && items.get(m[1]!)?.[variable] === undefined ? `${m[1]} ${variable}` : line;
      });
      expect(missing.sort()).toEqual(['memorie-kapo issued', 'prifti1978 editor', 'rgani author', 'wikipedia-split issued']);
    });

    it('reads one publisher, one corporate author, two editors and the full date', () => {
      const balkan = entry('balkan-studies');
      expect(/<bltx:publisher>([\s\S]*?)<\/bltx:publisher>/.exec(balkan)?.[1]?.match(/<bltx:item>[^<]*<\/bltx:item>/g)).toEqual([
        '<bltx:item>Institute for Balkan Studies, Serbian Academy of Sciences and Arts</bltx:item>',
      ]);
      expect(/<bltx:names type="author">([\s\S]*?)<\/bltx:names>/.exec(balkan)?.[1]?.match(/<bltx:name>/g)).toHaveLength(1);
      expect(/<bltx:names type="editor">([\s\S]*?)<\/bltx:names>/.exec(balkan)?.[1]?.match(/<bltx:name>/g)).toHaveLength(2);
      expect(entry('pilaca-nako-2021')).toContain('<bltx:date>2021-07-08</bltx:date>');
      expect(entry('pilaca-nako-2021')).toMatch(/<bltx:pages>\s*<bltx:list>\s*<bltx:item>\s*<bltx:start>66<\/bltx:start>\s*<bltx:end><\/bltx:end>/);
    });
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../core/annotate/describe.ts';
import { parseRecipe } from '../../../core/clean/recipe.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import type { CliContext } from '../../../electron/cli/command.ts';
import { exportCommand } from '../../../electron/cli/export.ts';
import { refsCommand } from '../../../electron/cli/refs.ts';
import { openProjectStore } from '../../../electron/services/store/index.ts';
import { fingerprint, makeTempCorpus, type TempCorpus } from '../import/temp-corpus.ts';

const BIB = `@online{res2021,
  author = {{Resexcellence Staff}},
  title = {Agreement from which Albania withdrew in 1968},
  date = {2021-04-07},
  organization = {Resexcellence},
  url = {http://www.resexcellence.com/2021/04/07/agreement-from-which-albania-withdrew-in-1968/}
}

@book{griffith1963,
  author = {Griffith, William E.},
  title = {Albania and the Sino-Soviet Rift},
  publisher = {MIT Press},
  location = {Cambridge, MA},
  date = {1963}
}

@article{nothing,
  author = {Nobody, A.},
  year = {1999}
}
`;

let temp: TempCorpus;
let context: CliContext;
beforeEach(() => {
  temp = makeTempCorpus();
  context = { env: {}, cwd: temp.root, platform: 'linux' };
});
afterEach(() => temp.remove());

const PLAN =
  'Read 3 records from refs.bib (BibTeX).\n' +
  'Fills the metadata of 1 source:\n' +
  '  resexcellence-2021 ← BibTeX entry “res2021” (line 1) (same title and year): author\n' +
  'Adds 1 reference without text:\n' +
  '  griffith1963 ← BibTeX entry “griffith1963” (line 9): Griffith, “Albania and the Sino-Soviet Rift” (1963)\n' +
  'Skipped 1 record:\n' +
  '  BibTeX entry “nothing” (line 17): it has no title\n';

describe('apparatus refs import', () => {
  it('lists what it would change with --dry-run, and changes nothing', async () => {
    const file = temp.input('refs.bib', BIB);
    const before = fingerprint(temp.corpus);
    const outcome = await refsCommand.run(['import', file, '--dry-run', '--corpus', temp.corpus], context);
    expect(outcome).toEqual({ code: 0, stdout: `${PLAN}Nothing was changed (--dry-run).\n`, stderr: '' });
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('changes nothing without a terminal to confirm on, unless --yes', async () => {
    const file = temp.input('refs.bib', BIB);
    const before = fingerprint(temp.corpus);
    const refused = await refsCommand.run(['import', file, '--corpus', temp.corpus], context);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('apparatus refs: nothing was changed: run again with --yes to make these changes (or --dry-run to only list them).\n');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  it('asks, and on yes fills the source (file and recipe) and keeps the new reference, which the BibTeX export then holds', async () => {
    const file = temp.input('refs.bib', BIB);
    const asked: string[] = [];
    const outcome = await refsCommand.run(['import', file, '--corpus', temp.corpus], { ...context, confirm: async (question) => (asked.push(question), true) });
    expect(asked).toEqual([`${PLAN}Make these changes?`]);
    expect(outcome.stdout).toBe('Done: filled the metadata of 1 source, added 1 reference without text.\n');
    const source = parseSource(readFileSync(join(temp.corpus, 'resexcellence-2021.md'), 'utf8'));
    expect(source.meta.csl.author).toEqual([{ literal: 'Resexcellence Staff' }]);
    expect(source.meta.csl.title).toBe('Agreement from Which Albania Withdrew in 1968');
    expect(parseRecipe(readFileSync(join(temp.corpus, 'recipes', 'resexcellence-2021.yml'), 'utf8')).metadata.csl.author).toEqual([{ literal: 'Resexcellence Staff' }]);
    expect(JSON.parse(readFileSync(join(temp.corpus, 'references.json'), 'utf8'))).toEqual([
      { id: 'griffith1963', type: 'book', title: 'Albania and the Sino-Soviet Rift', author: [{ family: 'Griffith', given: 'William E.' }], publisher: 'MIT Press', 'publisher-place': 'Cambridge, MA', issued: { 'date-parts': [[1963]] } },
    ]);
    // The library lists sources with text only.
    expect(readdirSync(temp.corpus).filter((name) => name.endsWith('.md'))).toEqual(['resexcellence-2021.md']);
    await exportCommand.run(['--format', 'bibtex', '--out', 'all.bib', '--corpus', temp.corpus, '--project', join(temp.root, 'project')], context);
    const bib = readFileSync(join(temp.root, 'all.bib'), 'utf8');
    expect(bib).toMatch(/@online\{resexcellence-2021,\n {2}author = \{\{Resexcellence Staff\}\},/);
    expect(bib).toContain('@book{griffith1963,');

    const again = await refsCommand.run(['import', file, '--yes', '--corpus', temp.corpus], context);
    expect(again.stdout).toContain('Nothing to change.\n');
  });

  it('fills a source’s editors and translators as it fills its other details, and lists them', async () => {
    const file = temp.input(
      'names.bib',
      '@online{res2021,\n  title = {Agreement from which Albania withdrew in 1968},\n  date = {2021-04-07},\n  editor = {Doe, Jane},\n  translator = {Hoxha, Ndriçim and {\\"O}zt{\\"u}rk, Ay{\\c{s}}e}\n}\n',
    );
    const outcome = await refsCommand.run(['import', file, '--yes', '--corpus', temp.corpus], context);
    expect(outcome.stdout).toContain('  resexcellence-2021 ← BibTeX entry “res2021” (line 1) (same title and year): editor, translator\n');
    const translators = [{ family: 'Hoxha', given: 'Ndriçim' }, { family: 'Öztürk', given: 'Ayşe' }];
    const source = parseSource(readFileSync(join(temp.corpus, 'resexcellence-2021.md'), 'utf8'));
    expect(source.meta.csl).toMatchObject({ editor: [{ family: 'Doe', given: 'Jane' }], translator: translators });
    expect(parseRecipe(readFileSync(join(temp.corpus, 'recipes', 'resexcellence-2021.yml'), 'utf8')).metadata.csl.translator).toEqual(translators);
  });

  it('lists a record that matches a reference already kept, and what the reference keeps where the file differs', async () => {
    await refsCommand.run(['import', temp.input('refs.bib', BIB), '--yes', '--corpus', temp.corpus], context);
    const again = temp.input('again.bib', '@book{g63,\n  author = {Griffith, William E.},\n  title = {Albania and the Sino-Soviet Rift},\n  publisher = {Harvard University Press},\n  date = {1963}\n}\n');
    const outcome = await refsCommand.run(['import', again, '--dry-run', '--corpus', temp.corpus], context);
    expect(outcome.stdout).toBe(
      'Read 1 record from again.bib (BibTeX).\n' +
        'Matches 1 reference without text that already has everything the file gives:\n' +
        '  griffith1963 ← BibTeX entry “g63” (line 1) (same title and year)\n' +
        '      keeps publisher “MIT Press” (the file says “Harvard University Press”)\n' +
        'Nothing to change.\n',
    );
  });

  it('leaves everything as it was when the user says no', async () => {
    const file = temp.input('refs.bib', BIB);
    const before = fingerprint(temp.corpus);
    const outcome = await refsCommand.run(['import', file, '--corpus', temp.corpus], { ...context, confirm: async () => false });
    expect(outcome.stdout).toBe('Nothing was changed.\n');
    expect(fingerprint(temp.corpus)).toEqual(before);
  });
});

describe('apparatus export: Zotero fields and Obsidian notes', () => {
  beforeEach(() => {
    const source = parseSource(readFileSync(join(temp.corpus, 'resexcellence-2021.md'), 'utf8'));
    const text = readingText(source).text;
    const store = openProjectStore(join(temp.root, 'project', 'project.sqlite'));
    const tag = store.createTag('treaties');
    const at = text.indexOf('Albania');
    store.create({ sourceId: source.id, ...describeRange(text, at, at + 40), tags: [tag.id], note: 'Why *1968*?' });
    store.close();
  });
  const args = (...rest: string[]) => [...rest, '--corpus', temp.corpus, '--project', join(temp.root, 'project')];

  it('writes a Word document with Zotero fields when asked, and refuses the option for other formats', async () => {
    const outcome = await exportCommand.run(args('--format', 'docx', '--zotero-fields', '--out', 'notes.docx'), context);
    expect(outcome.stdout).toBe(`Wrote ${join(temp.root, 'notes.docx')} (1 highlight from 1 source).\n`);
    expect(readFileSync(join(temp.root, 'notes.docx')).includes(Buffer.from('word/footnotes.xml'))).toBe(true);
    await expect(exportCommand.run(args('--format', 'md', '--zotero-fields', '--out', 'notes.md'), context)).rejects.toThrow('--zotero-fields goes with --format docx');
  });

  it('writes one note per source into a folder, and keeps existing notes unless --force', async () => {
    const outcome = await exportCommand.run(args('--format', 'obsidian', '--out', 'vault'), context);
    expect(outcome).toEqual({ code: 0, stdout: `Wrote 1 note in ${join(temp.root, 'vault')} (1 highlight from 1 source).\n`, stderr: '' });
    const note = readFileSync(join(temp.root, 'vault', 'resexcellence-2021.md'), 'utf8');
    expect(note).toContain('Why *1968*?\n\n#treaties\n');
    await expect(exportCommand.run(args('--format', 'obsidian', '--out', 'vault'), context)).rejects.toThrow('resexcellence-2021.md already exists; nothing was written.');
    writeFileSync(join(temp.root, 'vault', 'resexcellence-2021.md'), 'edited');
    await exportCommand.run(args('--format', 'obsidian', '--out', 'vault', '--force'), context);
    expect(readFileSync(join(temp.root, 'vault', 'resexcellence-2021.md'), 'utf8')).toBe(note);
    expect(existsSync(join(temp.root, 'vault'))).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../../electron/cli/import.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { fingerprint, makeTempCorpus, type TempCorpus } from '../import/temp-corpus.ts';

describe('apparatus import', () => {
  let temp: TempCorpus;
  beforeEach(() => {
    temp = makeTempCorpus();
  });
  afterEach(() => temp.remove());
  const context = () => ({ env: {}, cwd: temp.root, platform: 'linux' as const });

  it('imports a file with metadata from the flags and prints the new id and files', async () => {
    const file = temp.fixture('letter.txt');
    const args = [file, '--title', 'Letter', '--author', 'Hoxha, Enver', '--year', '1960', '--reliability', 'primary', '--corpus', 'corpus'];
    const outcome = await importCommand.run(args, context());
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^hoxha-1960\n/);
    expect(outcome.stdout).toContain(join('corpus', 'hoxha-1960.md'));
    expect(outcome.stdout).toContain(join('corpus', 'recipes', 'hoxha-1960.yml'));
    const source = parseSource(readFileSync(join(temp.corpus, 'hoxha-1960.md'), 'utf8'));
    expect(source.meta).toMatchObject({ reliability: 'primary', csl: { title: 'Letter' } });
  });

  it('takes the title from the file and lets a flag override the rest', async () => {
    const args = [temp.fixture('notes.md'), '--id', 'moscow-notes', '--type', 'manuscript', '--corpus', temp.corpus];
    expect((await importCommand.run(args, context())).code).toBe(0);
    const source = parseSource(readFileSync(join(temp.corpus, 'moscow-notes.md'), 'utf8'));
    expect(source.meta.csl).toMatchObject({ title: 'Notes on the Moscow Conference', type: 'manuscript' });
    expect(source.meta.reliability).toBe('secondary');
  });

  // The file is cleaned in a worker thread, so the refusal comes as a rejection.
  it('asks for --title when the file states none, and writes nothing', async () => {
    const before = fingerprint(temp.corpus);
    const run = async () => importCommand.run([temp.fixture('letter.txt'), '--corpus', temp.corpus], context());
    await expect(run()).rejects.toThrow('The file states no title: pass one with --title');
    await expect(run()).rejects.toMatchObject({ code: 'invalid-metadata' });
    expect(fingerprint(temp.corpus)).toEqual(before);
  });

  // Word writes a page break into a .txt as a form feed; LibreOffice saved this report, the break added as Word writes it.
  it('imports a text file with a page break as plain text, one paragraph a line', async () => {
    const args = [temp.fixture('report-page-break.txt'), '--title', 'Report', '--id', 'report', '--corpus', temp.corpus];
    const outcome = await importCommand.run(args, context());
    expect(outcome.stdout).toContain('as plain (6 blocks');
    const source = parseSource(readFileSync(join(temp.corpus, 'report.md'), 'utf8'));
    const starts = source.blocks.map((block) => (block.content[0]?.type === 'text' ? block.content[0].text.slice(0, 20) : ''));
    expect(starts).toEqual(['Report on the Kolë I', 'The first box holds ', 'The photographs of t', 'Second box', 'The accounts of 1912', 'Newspaper cuttings o']);
  });

  it('still imports the text pdftotext writes, pages parted by form feeds, as PDF text', async () => {
    const args = [temp.fixture('pdftotext-pages.txt'), '--title', 'Consul', '--id', 'consul', '--corpus', temp.corpus];
    expect((await importCommand.run(args, context())).stdout).toContain('as pdf-text (');
  });

  // Word's "Web Page, Filtered" writes a list as paragraphs of its List Paragraph style, each opening with its bullet.
  it('imports the bulleted list of a page Word saved as list items', async () => {
    const args = [temp.fixture('word-filtered-list.html'), '--id', 'inventory', '--corpus', temp.corpus];
    expect((await importCommand.run(args, context())).code).toBe(0);
    const cleaned = readFileSync(join(temp.corpus, 'inventory.md'), 'utf8');
    expect(cleaned).toContain('\n\n- Letërkëmbimi me valiun e Shkodrës\n- Raportet mujore mbi tregun\n');
    expect(cleaned).not.toContain('· Letërkëmbimi');
  });

  it('rejects a call without exactly one file as a usage error', () => {
    expect(() => importCommand.run(['--title', 'T'], context())).toThrow(expect.objectContaining({ name: 'CliUsageError' }));
  });
});

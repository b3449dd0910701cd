import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusService } from '../../../electron/services/corpus-service.ts';
import { SourcePdfs } from '../../../electron/services/source-pdf.ts';
import { apparatus, type CliRun } from '../../support/cli-process.ts';
import { article } from '../../support/pdf-fixtures.ts';
import { CORPUS_DIR } from '../../support/services.ts';
import { spawnServer, tempFolder, type ServerProcess } from '../../support/share-server.ts';

// A source's raw file and recipe travel with its text: `apparatus share` and `apparatus sync`
// in processes of their own, against `apparatus serve` in another, on 127.0.0.1.

let folder: { dir: string; remove(): void };
let server: ServerProcess;
const tokens: Record<string, string> = {};
const MEMORIE_RAW = '003_8b98f5ed5cda7ad9.txt';

function admin(...args: string[]): CliRun {
  const run = apparatus(['serve', ...args, '--data', join(folder.dir, 'server')], folder.dir);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

function member(name: string, corpus: 'copy' | 'empty') {
  const dir = join(folder.dir, name);
  if (!existsSync(join(dir, 'corpus'))) {
    if (corpus === 'copy') cpSync(CORPUS_DIR, join(dir, 'corpus'), { recursive: true });
    else mkdirSync(join(dir, 'corpus'), { recursive: true });
  }
  const where = ['--corpus', join(dir, 'corpus'), '--project', join(dir, 'project')];
  return { corpus: join(dir, 'corpus'), cli: (...args: string[]) => apparatus([...args, ...where], folder.dir) };
}

beforeAll(async () => {
  folder = tempFolder('apparatus-cli-share-raw-');
  admin('group', 'create', 'seminar');
  for (const [name, role] of [['anna', 'owner'], ['bob', 'editor'], ['carol', 'editor']] as const) {
    tokens[name] = admin('user', 'add', name).stdout.trim().split('\n').at(-1) ?? '';
    admin('group', 'add', 'seminar', name, '--role', role);
  }
  server = await spawnServer(join(folder.dir, 'server'));
}, 60_000);

afterAll(() => {
  server?.child.kill('SIGKILL');
  folder?.remove();
});

describe('the raw files of a shared corpus', () => {
  it('sends a PDF source’s PDF and recipe: a member with an empty corpus sees its pages', async () => {
    const anna = member('anna', 'empty');
    const pdf = join(folder.dir, 'lalaj.pdf');
    writeFileSync(pdf, await article.bytes());
    const imported = anna.cli('import', pdf, '--title', 'Albania and Moscow', '--year', '2019');
    expect(imported.status, imported.stderr).toBe(0);
    expect(anna.cli('share', '--server', server.url, '--group', 'seminar', '--token', tokens.anna ?? '').status).toBe(0);

    const bob = member('bob', 'empty');
    const joined = bob.cli('share', '--server', server.url, '--group', 'seminar', '--token', tokens.bob ?? '');
    expect(joined.status, joined.stderr).toBe(0);
    for (const file of ['lalaj-2019.md', join('recipes', 'lalaj-2019.yml'), join('raw', 'lalaj-2019.pdf')]) {
      expect(readFileSync(join(bob.corpus, file)), file).toEqual(readFileSync(join(anna.corpus, file)));
    }
    expect(readFileSync(join(bob.corpus, 'raw', 'lalaj-2019.pdf'))).toEqual(readFileSync(pdf));
    // The page view reads the PDF through the recipe, as in the app.
    const pdfs = new SourcePdfs(new CorpusService(bob.corpus));
    expect(pdfs.info('lalaj-2019')).toEqual(new SourcePdfs(new CorpusService(anna.corpus)).info('lalaj-2019'));
    expect(pdfs.info('lalaj-2019')?.bytes).toBe(readFileSync(pdf).byteLength);
    expect(Buffer.from(await pdfs.data('lalaj-2019'))).toEqual(readFileSync(pdf));
  }, 90_000);

  it('sends the raw files of a member who joins later to those already in the group, and keeps a member’s own raw file that differs', () => {
    const bob = member('bob', 'empty');
    // Bob has a file of that name already, with other bytes: raw/ is never edited, so his stays.
    const own = join(bob.corpus, 'raw', '004_b2516ecbae186d39.txt');
    mkdirSync(join(bob.corpus, 'raw'), { recursive: true });
    writeFileSync(own, 'Bob’s own transcription\n');
    const carol = member('carol', 'copy');
    expect(carol.cli('share', '--server', server.url, '--group', 'seminar', '--token', tokens.carol ?? '').status).toBe(0);

    const synced = bob.cli('sync', '--once');
    expect(synced).toMatchObject({ status: 0, stdout: 'In step with “seminar”.\n' });
    expect(synced.stderr).toContain('(edemskiy-2019) differs from yours: yours was kept (raw/004_b2516ecbae186d39.txt).');
    expect(readFileSync(own, 'utf8')).toBe('Bob’s own transcription\n');
    for (const file of ['edemskiy-2019.md', join('recipes', 'edemskiy-2019.yml'), 'memorie-kapo.md', join('recipes', 'memorie-kapo.yml'), join('raw', MEMORIE_RAW)]) {
      expect(readFileSync(join(bob.corpus, file)), file).toEqual(readFileSync(join(CORPUS_DIR, file)));
    }

    // Anna, who joined first, receives carol's sources with their raw files; carol receives the PDF.
    const anna = member('anna', 'empty');
    expect(anna.cli('sync', '--once').status).toBe(0);
    expect(readFileSync(join(anna.corpus, 'raw', '004_b2516ecbae186d39.txt'))).toEqual(readFileSync(join(CORPUS_DIR, 'raw', '004_b2516ecbae186d39.txt')));
    expect(carol.cli('sync', '--once').status).toBe(0);
    expect(readFileSync(join(carol.corpus, 'raw', 'lalaj-2019.pdf'))).toEqual(readFileSync(join(anna.corpus, 'raw', 'lalaj-2019.pdf')));
  }, 120_000);

  it('takes the group’s whole source, raw file and recipe with its text, when a member’s own source of that id is another one, and sets all of theirs aside', () => {
    // Two historians import two different letters with one title and year: one id.
    const anna = member('anna', 'empty');
    const annas = join(folder.dir, 'letter-anna.md');
    writeFileSync(annas, '# Letter\n\nAnna’s letter from Warsaw, November 1960.\n');
    expect(anna.cli('import', annas, '--title', 'Letter', '--year', '1960')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^letter-1960\n/) });
    expect(anna.cli('sync', '--once').status).toBe(0);

    tokens.dora = admin('user', 'add', 'dora').stdout.trim().split('\n').at(-1) ?? '';
    admin('group', 'add', 'seminar', 'dora', '--role', 'editor');
    const dora = member('dora', 'empty');
    const doras = join(folder.dir, 'letter-dora.md');
    writeFileSync(doras, '# Letter\n\nDora’s other letter, from Moscow, 1960.\n');
    expect(dora.cli('import', doras, '--title', 'Letter', '--year', '1960')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^letter-1960\n/) });
    const own = ['letter-1960.md', join('recipes', 'letter-1960.yml'), join('raw', 'letter-1960.md')].map((file) => readFileSync(join(dora.corpus, file)));

    const joined = dora.cli('share', '--server', server.url, '--group', 'seminar', '--token', tokens.dora);
    expect(joined.status, joined.stderr).toBe(0);
    const aside = readdirSync(join(dora.corpus, 'set-aside')).find((name) => name.endsWith('.md'))?.replace(/\.md$/, '') ?? '';
    expect(joined.stderr.split('\n')).toContain(
      `“Letter” (letter-1960) differs from the group’s copy: the group’s copy is now in the corpus, and yours was kept as set-aside/${aside}.md, its recipe and raw file in set-aside/${aside}/ in the corpus folder.`,
    );
    // The source in the corpus is anna's, all three files of it; dora's three are set aside together.
    for (const file of ['letter-1960.md', join('recipes', 'letter-1960.yml'), join('raw', 'letter-1960.md')]) {
      expect(readFileSync(join(dora.corpus, file)), file).toEqual(readFileSync(join(anna.corpus, file)));
    }
    expect([`${aside}.md`, join(aside, 'recipes', 'letter-1960.yml'), join(aside, 'raw', 'letter-1960.md')].map((file) => readFileSync(join(dora.corpus, 'set-aside', file)))).toEqual(own);
  }, 120_000);

  it('sets a member’s own raw file and recipe aside with their text when the group’s source of that id has none', () => {
    // Anna's note has only its cleaned text (its raw file and recipe removed before sharing).
    const anna = member('anna', 'empty');
    const annas = join(folder.dir, 'note-anna.md');
    writeFileSync(annas, '# Note\n\nAnna’s note on the Tirana archive, 1961.\n');
    expect(anna.cli('import', annas, '--title', 'Note', '--year', '1961')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^note-1961\n/) });
    rmSync(join(anna.corpus, 'recipes', 'note-1961.yml'));
    rmSync(join(anna.corpus, 'raw', 'note-1961.md'));
    expect(anna.cli('sync', '--once').status).toBe(0);

    const dora = member('dora', 'empty');
    const doras = join(folder.dir, 'note-dora.md');
    writeFileSync(doras, '# Note\n\nDora’s note on another archive.\n');
    expect(dora.cli('import', doras, '--title', 'Note', '--year', '1961')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^note-1961\n/) });
    const synced = dora.cli('sync', '--once');
    expect(synced.status, synced.stderr).toBe(0);
    expect(synced.stderr).toMatch(/\(note-1961\) differs from the group’s copy: .*, its recipe and raw file in set-aside\/note-1961\.[^ ]+\/ in the corpus folder\./);
    expect(readFileSync(join(dora.corpus, 'note-1961.md'))).toEqual(readFileSync(join(anna.corpus, 'note-1961.md')));
    expect(existsSync(join(dora.corpus, 'recipes', 'note-1961.yml'))).toBe(false);
    expect(existsSync(join(dora.corpus, 'raw', 'note-1961.md'))).toBe(false);
  }, 120_000);
});

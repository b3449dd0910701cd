import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { article, labelled, longPdf, scanned } from '../../support/pdf-fixtures.ts';
import { fingerprint, makeTempCorpus, type TempCorpus } from '../import/temp-corpus.ts';
import { fileBody } from '../import/pdf/pdf-body.ts';

const CLI = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));

// `apparatus import` as a user runs it: a separate Node process, its own worker thread for the PDF.
function apparatus(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, APPARATUS_CORPUS: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('apparatus import FILE.pdf (a real process)', () => {
  let temp: TempCorpus;
  beforeEach(() => {
    temp = makeTempCorpus();
  });
  afterEach(() => temp.remove());

  it('imports a PDF with its printed pages, its footnotes and its author', async () => {
    const file = temp.input('lalaj.pdf', await article.bytes());
    const result = apparatus(['import', file, '--title', 'Albania and Moscow', '--year', '2019', '--corpus', 'corpus'], temp.root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'lalaj-2019\n' +
        'Imported “Albania and Moscow” as pdf (7 blocks, 2 notes, 3 pages, printed page numbers):\n' +
        `  ${join('corpus', 'lalaj-2019.md')}\n  ${join('corpus', 'recipes', 'lalaj-2019.yml')}\n  ${join('corpus', 'raw', 'lalaj-2019.pdf')}\n`,
    );
    const text = readFileSync(join(temp.corpus, 'lalaj-2019.md'), 'utf8');
    expect(fileBody(text)).toBe(article.body);
    expect(parseSource(text).meta.csl).toMatchObject({ title: 'Albania and Moscow', author: [{ family: 'Lalaj', given: 'Ana' }], issued: { 'date-parts': [[2019]] } });
    expect(readFileSync(join(temp.corpus, 'raw', 'lalaj-2019.pdf'))).toEqual(readFileSync(file));
  }, 60_000);

  it('counts the pages on a terminal as it reads them, and clears the count before it says what it imported', async () => {
    const file = temp.input('reports.pdf', await longPdf(30));
    // `script` (util-linux) runs the command on a pseudo-terminal, as a user's shell does.
    const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
    const command = [process.execPath, CLI, 'import', file, '--title', 'Reports', '--corpus', 'corpus'].map(quote).join(' ');
    const terminal = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: temp.root, encoding: 'utf8', env: { ...process.env, APPARATUS_CORPUS: '' } });
    expect(terminal.status).toBe(0);
    expect(terminal.stdout.match(/Reading the PDF: page \d+ of 30/g)).toEqual(Array.from({ length: 30 }, (_unused, i) => `Reading the PDF: page ${i + 1} of 30`));
    expect(terminal.stdout).toContain('Reading the PDF: page 30 of 30\x1b[K\r\x1b[Kreports\r\nImported “Reports” as pdf');
  }, 60_000);

  it('exports a highlight on the third printed page with that page in its footnote, in Markdown and in Word', async () => {
    const file = temp.input('offprint.pdf', await labelled.bytes());
    const where = ['--corpus', 'corpus', '--project', 'project'];
    expect(apparatus(['import', file, '--title', 'An Offprint', '--author', 'Lalaj, Ana', '--year', '2019', ...where], temp.root).status).toBe(0);
    expect(apparatus(['annotate', 'add', 'lalaj-2019', '--quote', 'third page', ...where], temp.root).status).toBe(0);
    const footnote = 'Ana Lalaj, “An Offprint,” 2019, p. 375.';
    expect(apparatus(['export', '--format', 'md', '--out', 'notes.md', ...where], temp.root).status).toBe(0);
    expect(readFileSync(join(temp.root, 'notes.md'), 'utf8')).toContain(`> third page[^1]\n\n[^1]: ${footnote}`);
    expect(apparatus(['export', '--format', 'docx', '--out', 'notes.docx', ...where], temp.root).status).toBe(0);
    // Read back by pandoc, an independent reader of Word files.
    const word = spawnSync('pandoc', [join(temp.root, 'notes.docx'), '-t', 'plain'], { encoding: 'utf8' });
    expect(word.status, 'pandoc must be installed').toBe(0);
    expect(word.stdout).toContain(`[1] ${footnote}`);
  }, 90_000);

  it('refuses a PDF with scanned pages unless --text-pages-only is given', async () => {
    const file = temp.input('scan.pdf', await scanned.bytes());
    const before = fingerprint(temp.corpus);
    const refused = apparatus(['import', file, '--title', 'A Scan', '--corpus', 'corpus'], temp.root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'apparatus import: “scan.pdf”: 1 of its 3 pages (page 2) has no text layer: it is an image of the page, as a scanner makes them, ' +
        'and Apparatus cannot read their words. To import their text, add a text layer with OCR first, for example with the free program ' +
        'OCRmyPDF (`ocrmypdf --language eng input.pdf output.pdf`), and import the new file. You can also import only the pages that have ' +
        'text (the others are marked as gaps in the text); nothing was imported yet. To import the pages that have text, run the command again ' +
        'with --text-pages-only.\n',
    );
    expect(fingerprint(temp.corpus)).toEqual(before);
    const imported = apparatus(['import', file, '--title', 'A Scan', '--text-pages-only', '--corpus', 'corpus'], temp.root);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('(2 blocks, 0 notes, 3 pages, PDF page count: no printed page numbers found, 1 without text left as gaps)');
    expect(fileBody(readFileSync(join(temp.corpus, 'scan.md'), 'utf8'))).toBe(scanned.body);
  }, 60_000);

  it('refuses a truncated PDF and a damaged one with exit code 1, saying which, and leaves the corpus unchanged', async () => {
    const bytes = Buffer.from(await article.bytes());
    const cut = temp.input('cut.pdf', bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const broken = Buffer.from(bytes);
    broken.fill(0x41, broken.indexOf('stream') + 10, broken.length - 200);
    const damaged = temp.input('damaged.pdf', broken);
    const before = fingerprint(temp.corpus);
    const truncated = apparatus(['import', cut, '--title', 'Cut', '--corpus', 'corpus'], temp.root);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toBe(
      'apparatus import: “cut.pdf” is incomplete: the file stops before its end, as when a download did not finish. ' +
        'Download it again and import the complete file. Nothing was imported.\n',
    );
    const refused = apparatus(['import', damaged, '--title', 'Damaged', '--corpus', 'corpus'], temp.root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^apparatus import: “damaged\.pdf” is damaged: its text cannot be read \(.+\)\. Download or export the PDF again and import the new copy\. Nothing was imported\.\n$/);
    expect(fingerprint(temp.corpus)).toEqual(before);
  }, 60_000);

  it('refuses an encrypted PDF with exit code 1 and leaves the corpus unchanged', () => {
    const file = temp.input('letter.pdf', readFileSync(fileURLToPath(new URL('../../fixtures/pdf/encrypted.pdf', import.meta.url))));
    const before = fingerprint(temp.corpus);
    const result = apparatus(['import', file, '--title', 'A Letter', '--corpus', 'corpus'], temp.root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^apparatus import: “letter\.pdf” is protected by a password/);
    expect(fingerprint(temp.corpus)).toEqual(before);
  }, 60_000);
});

/**
 * `npm run bench:pdf` (`node bench/pdf.ts`): PDF import measured side by side with Poppler's
 * `pdftotext` (Debian `poppler-utils`) on the same files, in one run: import time per page (the
 * worker, pdf.js and layout analysis, as the app runs them) against `pdftotext -layout`, and how
 * far the extracted text agrees with Poppler's: the ratio of word counts and the overlap of the
 * words against `-layout` (which sets columns side by side, so only the bag of words compares),
 * and the share of words in the same order against plain `pdftotext` (its reading order).
 *
 * The files: the generated test fixtures (test/support/pdf-fixtures.ts), a 2,000-page generated
 * PDF, and the real TUGboat paper in test/fixtures/pdf/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readingTextOf } from '../core/corpus/reading-text.ts';
import { readPdf } from '../electron/services/import/pdf/read-pdf.ts';
import { article, labelled, longPdf, scanned, twoColumns } from '../test/support/pdf-fixtures.ts';
import { bagSimilarity, orderSimilarity, wordRatio, wordsOf } from '../test/support/word-agreement.ts';

const REAL = fileURLToPath(new URL('../test/fixtures/pdf/tug-paper.pdf', import.meta.url));

interface Row {
  file: string;
  pages: number;
  oursMsPerPage: number;
  popplerMsPerPage: number;
  words: number;
  ratio: number;
  bagLayout: number;
  order: number;
}

function poppler(args: string[]): { text: string; ms: number } {
  const start = performance.now();
  const result = spawnSync('pdftotext', [...args, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`pdftotext failed (is Debian poppler-utils installed?): ${result.stderr}`);
  return { text: result.stdout, ms };
}

async function measure(file: string, name: string): Promise<Row> {
  const start = performance.now();
  const extraction = await readPdf(file);
  const oursMs = performance.now() - start;
  const ours = wordsOf(readingTextOf(extraction.body.blocks, extraction.body.notes).text);
  const layout = poppler(['-layout', file]);
  const plain = poppler([file]);
  const layoutWords = wordsOf(layout.text);
  return {
    file: name,
    pages: extraction.pages,
    oursMsPerPage: oursMs / extraction.pages,
    popplerMsPerPage: layout.ms / extraction.pages,
    words: ours.length,
    ratio: wordRatio(ours, layoutWords),
    bagLayout: bagSimilarity(ours, layoutWords),
    order: orderSimilarity(ours, wordsOf(plain.text)),
  };
}

const folder = mkdtempSync(join(tmpdir(), 'apparatus-bench-pdf-'));
try {
  const files: [string, string][] = [];
  for (const fixture of [article, twoColumns, labelled, scanned]) {
    const path = join(folder, fixture.name);
    writeFileSync(path, await fixture.bytes());
    files.push([path, fixture.name]);
  }
  const long = join(folder, 'long-2000.pdf');
  writeFileSync(long, await longPdf(2000));
  files.push([long, 'long-2000.pdf (generated)'], [REAL, 'tug-paper.pdf (real)']);
  const rows: Row[] = [];
  for (const [path, name] of files) rows.push(await measure(path, name));
  const header = '| file | pages | Apparatus ms/page | pdftotext -layout ms/page | time ratio | words | word ratio | word overlap (-layout) | same order (pdftotext) |';
  console.log(header);
  console.log(`|${header.split('|').slice(1, -1).map(() => '---').join('|')}|`);
  for (const row of rows) {
    console.log(
      `| ${row.file} | ${row.pages} | ${row.oursMsPerPage.toFixed(2)} | ${row.popplerMsPerPage.toFixed(2)} | ${(row.oursMsPerPage / row.popplerMsPerPage).toFixed(1)}× | ` +
        `${row.words} | ${row.ratio.toFixed(3)} | ${row.bagLayout.toFixed(3)} | ${row.order.toFixed(3)} |`,
    );
  }
  console.log('\nword ratio: Apparatus words per pdftotext -layout word (running heads, page numbers and hyphen splits count for Poppler only).');
  console.log('word overlap: 2 × shared words / both counts, regardless of order; same order: 2 × longest common word sequence / both counts.');
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * `npm run bench:pdf` (`node bench/pdf.ts`): PDF import measured side by side with Poppler's
 * `pdftotext` (Debian `poppler-utils`) on the same files, in one run: import time per page (the
 * worker, pdf.js and layout analysis, as the app runs them) against `pdftotext -layout`, and how
 * far the extracted text agrees with Poppler's: the ratio of word counts and the overlap of the
 * words against `-layout` (which sets columns side by side, so only the bag of words compares),
 * and the share of words in the same order against plain `pdftotext` (its reading order). The
 * process's peak memory while each file is read, above what it held before, shows whether reading
 * stays page by page: a 2,000-page file beside a 200-page one of the same pages.
 *
 * The files: the generated test fixtures (test/support/pdf-fixtures.ts), generated PDFs of 200
 * and 2,000 pages, ledgers of 100 and 400 pages (one paragraph that never breaks: its time must
 * grow with its pages, not with their square), and the real TUGboat paper in test/fixtures/pdf/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readingTextOf } from '../core/corpus/reading-text.ts';
import { readPdf } from '../electron/services/import/pdf/read-pdf.ts';
import { article, labelled, ledgerPdf, longPdf, scanned, twoColumns } from '../test/support/pdf-fixtures.ts';
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
  peakMb: number;
}

// Samples the process's resident memory (the worker thread's included) while `work` runs.
async function peakAbove<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMb: (peak - base) / (1024 * 1024) };
  } finally {
    clearInterval(timer);
  }
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
  const { result: extraction, peakMb } = await peakAbove(() => readPdf(file));
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
    peakMb,
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
  for (const count of [200, 2000]) {
    const long = join(folder, `long-${count}.pdf`);
    writeFileSync(long, await longPdf(count));
    files.push([long, `long-${count}.pdf (generated)`]);
  }
  for (const count of [100, 400]) {
    const ledger = join(folder, `ledger-${count}.pdf`);
    writeFileSync(ledger, await ledgerPdf(count));
    files.push([ledger, `ledger-${count}.pdf (generated, no paragraph breaks)`]);
  }
  files.push([REAL, 'tug-paper.pdf (real)']);
  const rows: Row[] = [];
  for (const [path, name] of files) rows.push(await measure(path, name));
  const header = '| file | pages | Apparatus ms/page | pdftotext -layout ms/page | time ratio | words | word ratio | word overlap (-layout) | same order (pdftotext) | peak memory MB |';
  console.log(header);
  console.log(`|${header.split('|').slice(1, -1).map(() => '---').join('|')}|`);
  for (const row of rows) {
    console.log(
      `| ${row.file} | ${row.pages} | ${row.oursMsPerPage.toFixed(2)} | ${row.popplerMsPerPage.toFixed(2)} | ${(row.oursMsPerPage / row.popplerMsPerPage).toFixed(1)}× | ` +
        `${row.words} | ${row.ratio.toFixed(3)} | ${row.bagLayout.toFixed(3)} | ${row.order.toFixed(3)} | ${row.peakMb.toFixed(0)} |`,
    );
  }
  console.log('\nword ratio: Apparatus words per pdftotext -layout word (running heads, page numbers and hyphen splits count for Poppler only).');
  console.log('word overlap: 2 × shared words / both counts, regardless of order; same order: 2 × longest common word sequence / both counts.');
  const long = (count: number) => rows.find((row) => row.file.startsWith(`long-${count}.pdf`)) as Row;
  const [small, large] = [long(200), long(2000)];
  console.log(
    `peak memory: the process's resident memory while reading, above what it held before (worker thread included); ` +
      `2,000 pages take ${(large.peakMb / Math.max(1, small.peakMb)).toFixed(1)}× the memory of 200.`,
  );
  const ledger = (count: number) => rows.find((row) => row.file.startsWith(`ledger-${count}.pdf`)) as Row;
  const [short, longer] = [ledger(100), ledger(400)];
  console.log(
    `no paragraph breaks: 400 pages take ${((longer.oursMsPerPage * longer.pages) / (short.oursMsPerPage * short.pages)).toFixed(1)}× the time of 100 ` +
      `(pdftotext: ${((longer.popplerMsPerPage * longer.pages) / (short.popplerMsPerPage * short.pages)).toFixed(1)}×).`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * `npm run bench:import` (`node bench/import.ts`): importing web pages, measured side by side in
 * one run with Mozilla Readability alone (linkedom's parse plus `Readability.parse()`, the least
 * any import of a page must do), each in a fresh process so that its peak memory is its own:
 *
 * - a 9 MB page (generated: an article of 1.2 million characters in heavy markup, with scripts,
 *   styles, menus and a comment thread), imported whole (prepare in the worker thread, then commit):
 *   above `LARGE_PAGE_CHARS` of markup it is read as a stream, without a DOM;
 * - the same kind of page at 2 MB, just under that threshold (cleaned with a DOM and Readability:
 *   the most memory an import takes on that path), at 500 KB and 200 KB (ordinary long pages), and
 *   a 10 KB page (a short note: an import's fixed cost, the worker thread and its modules);
 * - the pages of the finding, 1,000 and 10,000 `div`s deep, with the import's time alone.
 *
 * Peak memory is the process's peak resident set above a process that loaded the same modules and
 * did nothing. An import's bound is 4× the file's size plus a fixed base: the peak of importing a
 * 10 KB page, measured in the same run (what any import costs whatever the file: the worker thread,
 * its modules, the corpus writes), so that what is left is what grows with the file. Figures vary
 * with the machine's load: compare the ratios, taken in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
const WORKER = fileURLToPath(new URL('../out/main/clean-worker.mjs', import.meta.url));

interface Figures {
  ms: number;
  peakRss: number;
  detail?: string;
}

/** One measurement, in this (child) process. */
async function child(mode: string, file: string): Promise<Figures> {
  const { parseHTML } = await import('linkedom');
  const { Readability } = await import('@mozilla/readability');
  const { CorpusService } = await import('../electron/services/corpus-service.ts');
  const { ImportService } = await import('../electron/services/import/import-service.ts');
  const start = performance.now();
  let detail = '';
  if (mode === 'readability') {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const article = new Readability(document as never).parse();
    detail = `${article?.textContent?.length ?? 0} characters of article`;
  } else if (mode === 'import') {
    const corpus = mkdtempSync(join(tmpdir(), 'apparatus-bench-import-'));
    try {
      const service = new ImportService(new CorpusService(corpus), { cleanWorkerFile: WORKER });
      const prepared = await service.prepareFile(file);
      service.commit(prepared, { title: 'Bench', reliability: 'secondary' });
      const how = prepared.caveats.some((caveat) => caveat.includes('too large')) ? ', read as a stream' : prepared.caveats.length > 0 ? ', flattened' : '';
      detail = `${prepared.blocks} blocks${how}`;
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  }
  return { ms: performance.now() - start, peakRss: process.resourceUsage().maxRSS * 1024, detail };
}

/** Runs one measurement in a fresh process. */
function measure(mode: string, file: string): Figures {
  const result = spawnSync(process.execPath, ['--expose-gc', HERE, '--child', mode, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${mode} on ${file} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as Figures;
}

const WORDS = 'the delegation left moscow early in the spring of 1961 and the albanian leadership refused to sign any statement naming the chinese position a deviation'.split(' ');

/** A page of about `bytes` bytes: its article's text is about a seventh of it, the rest markup. */
function bigPage(bytes: number): string {
  let seed = 7;
  const word = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return WORDS[seed % WORDS.length] as string;
  };
  const sentence = () => `${Array.from({ length: 14 }, word).join(' ')}.`;
  const span = (text: string) => `<span class="w-${text.length} tok" data-tracking-id="a8f3c2${text.length}" style="font-kerning:normal">${text}</span>`;
  const head =
    '<!doctype html><html lang="en"><head><title>The Break of 1961</title><meta name="citation_title" content="The Break of 1961">' +
    `<meta name="citation_author" content="Hoxha, Enver"><style>${'.x{color:red}'.repeat(2000)}</style><script>${'var a=1;'.repeat(4000)}</script></head>` +
    `<body><header><nav><ul>${'<li class="menu-item"><a href="/section">Section</a></li>'.repeat(60)}</ul></nav></header><main><article><h1>The Break of 1961</h1>`;
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; size < bytes * 0.85; i += 1) {
    const paragraph = `<div class="paragraph-wrapper"><p class="body-text">${[sentence(), sentence(), sentence()].map((s) => s.split(' ').map(span).join(' ')).join(' ')}</p></div>`;
    const heading = i % 25 === 0 ? `<h2>Part ${i / 25 + 1}</h2>` : '';
    parts.push(heading + paragraph);
    size += heading.length + paragraph.length;
  }
  parts.push('</article><section class="comments">');
  for (let i = 0; size < bytes; i += 1) {
    const comment = `<div class="comment"><div class="meta"><span class="author">Reader ${i}</span></div><div class="body"><p>${sentence()}</p></div></div>`;
    parts.push(comment);
    size += comment.length;
  }
  parts.push('</section></main><footer><p>Footer</p></footer></body></html>');
  return parts.join('');
}

/** An ordinary short page of about `bytes` bytes: a title, a few paragraphs, a menu. */
function smallPage(bytes: number): string {
  const paragraphs: string[] = [];
  for (let size = 0, i = 0; size < bytes - 400; i += 1) {
    const paragraph = `<p>${WORDS.slice(i % 5).join(' ')}.</p>`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  return `<!doctype html><html><head><title>A Short Note</title></head><body><nav><a href="/">Home</a></nav><article><h1>A Short Note</h1>${paragraphs.join('')}</article></body></html>`;
}

function deepPage(depth: number): string {
  return `<html><body>${'<div>'.repeat(depth)}<p>Deep text kept.</p>${'</div>'.repeat(depth)}</body></html>`;
}

function mb(bytes: number): string {
  return Math.abs(bytes) < 2 ** 20 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function main(): void {
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-bench-pages-'));
  try {
    mkdirSync(folder, { recursive: true });
    const pages = [
      { name: '9 MB page', file: join(folder, 'page.html'), html: bigPage(9 * 1024 * 1024) },
      { name: '2 MB page', file: join(folder, 'page-2mb.html'), html: bigPage(2 * 1024 * 1024) },
      { name: '500 KB page', file: join(folder, 'page-500kb.html'), html: bigPage(500 * 1024) },
      { name: '200 KB page', file: join(folder, 'page-200kb.html'), html: bigPage(200 * 1024) },
      { name: '10 KB page', file: join(folder, 'page-10kb.html'), html: smallPage(10 * 1024) },
      { name: '1,000 divs deep', file: join(folder, 'deep-1000.html'), html: deepPage(1000) },
      { name: '10,000 divs deep', file: join(folder, 'deep-10000.html'), html: deepPage(10_000) },
    ];
    for (const page of pages) writeFileSync(page.file, page.html);
    const base = measure('base', pages[0]!.file).peakRss;
    const small = pages.find((page) => page.name === '10 KB page')!;
    // The median of three runs: a few hundred KB either way is the machine's noise, not the import.
    const fixed = [0, 1, 2].map(() => measure('import', small.file).peakRss - base).sort((a, b) => a - b)[1]!;
    const lines = [
      `Base (a process with the modules loaded): ${mb(base)} peak RSS. Fixed base of an import (the peak above it of importing a ${mb(statSync(small.file).size)} page, median of three runs): ${mb(fixed)}.`,
      '',
      '| page | size | Readability alone | Apparatus import | import / Readability | peak above base: Readability | peak above base: import | bound: fixed base + 4 × file size | within | import |',
      '|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const page of pages) {
      const size = statSync(page.file).size;
      const alone = page.name === '10,000 divs deep' ? undefined : measure('readability', page.file);
      const ours = measure('import', page.file);
      const ratio = alone ? `${(ours.ms / alone.ms).toFixed(2)}×` : '—';
      const bound = fixed + 4 * size;
      lines.push(
        `| ${page.name} | ${mb(size)} | ${alone ? seconds(alone.ms) : 'not run'} | ${seconds(ours.ms)} | ${ratio} | ` +
          `${alone ? mb(alone.peakRss - base) : '—'} | ${mb(ours.peakRss - base)} | ${mb(bound)} | ${ours.peakRss - base <= bound ? 'yes' : 'no'} | ${ours.detail ?? ''} |`,
      );
    }
    console.log(lines.join('\n'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const figures = await child(process.argv[3] as string, process.argv[4] as string);
  console.log(JSON.stringify(figures));
} else {
  main();
}

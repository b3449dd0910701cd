/**
 * `npm run bench:import` (`node bench/import.ts`): importing web pages, measured side by side in
 * one run with Mozilla Readability alone (linkedom's parse plus `Readability.parse()`, the least
 * any import of a page must do), each in a fresh process so that its peak memory is its own:
 *
 * - a 9 MB page (generated: an article of 1.2 million characters in heavy markup, with scripts,
 *   styles, menus and a comment thread), imported whole (prepare in the worker thread, then commit):
 *   above `LARGE_PAGE_CHARS` its article is found as the page streams past, without a DOM;
 * - the same kind of page at 2 MB, 500 KB, 200 KB and 100 KB, a short page of 40 KB (under the
 *   threshold: cleaned with a DOM and Readability) and a 10 KB page (a short note: an import's
 *   fixed cost, the worker thread and its modules);
 * - an encyclopedia article as Wikipedia writes one (links, reference marks, tables, references,
 *   navigation boxes), at 1 MB and 300 KB: a page whose markup the cleaning mostly keeps;
 * - the pages of the finding, 1,000 and 10,000 `div`s deep, with the import's time alone.
 *
 * Peak memory is the process's peak resident set above a process that loaded the same modules and
 * did nothing. An import's bound is 4× the file's size plus a fixed base: the peak of importing a
 * 10 KB page the same way, measured in the same run (what any import costs whatever the file: the
 * worker thread, its modules, the code of the path it takes, the corpus writes), so that what is
 * left is what grows with the file. A page is cleaned with a DOM or as a stream by its size, so
 * each way has its fixed base: the 10 KB page cleaned with a DOM, and the same page read as a
 * stream (`APPARATUS_LARGE_PAGE_CHARS=1`). The base, the fixed bases and each import are the
 * median of five runs, Readability alone one run. Figures vary with the machine's load: compare
 * the ratios, taken in the same run.
 *
 * A second table shows what V8's compilers add to the pages read as a stream, which the 10 KB
 * page's import never runs long enough to compile: each page's peak above the 10 KB page's with V8
 * as it ships, without Maglev, and with the interpreter alone (V8 flags given to the whole process,
 * as the app cannot give them to one thread).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LARGE_PAGE_CHARS } from '../electron/services/import/html-cleaner.ts';

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
      const how = prepared.caveats.length > 0 ? ', whole text (nested too deep)' : '';
      detail = `${prepared.blocks} blocks${how}`;
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  }
  return { ms: performance.now() - start, peakRss: process.resourceUsage().maxRSS * 1024, detail };
}

/** The run of median peak memory among five, each in a fresh process. */
function median(run: () => Figures): Figures {
  return Array.from({ length: 5 }, run).sort((a, b) => a.peakRss - b.peakRss)[2]!;
}

/** Runs one measurement in a fresh process; `env` adds to its environment, `flags` to V8's. */
function measure(mode: string, file: string, env: Record<string, string> = {}, flags: readonly string[] = []): Figures {
  const result = spawnSync(process.execPath, ['--expose-gc', ...flags, HERE, '--child', mode, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${mode} on ${file} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as Figures;
}

// With a curly apostrophe and quotation marks, as nearly every page's text has them: a page with a
// character beyond Latin-1 is held by V8 at two bytes a character, where a page of ASCII is at one.
const WORDS = 'the delegation left moscow early in the spring of 1961 and tirana’s leadership refused to sign any “statement” naming the chinese position a deviation'.split(' ');

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

/**
 * An encyclopedia article of about `bytes` bytes, as Wikipedia writes one: an infobox, sections of
 * paragraphs dense with links, wrapped spans and reference marks, tables, a long list of references,
 * navigation boxes, menus and a footer. Its article is most of its text, and its markup is mostly
 * links and attributes that the cleaning keeps.
 */
function encyclopediaPage(bytes: number): string {
  let seed = 11;
  const word = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return WORDS[seed % WORDS.length] as string;
  };
  const link = (text: string) => `<a href="/wiki/${text[0]?.toUpperCase()}${text.slice(1)}_(history)" title="${text} (history)">${text}</a>`;
  const sentence = () => Array.from({ length: 16 }, (_, i) => (i % 5 === 2 ? link(word()) : word())).join(' ');
  const head =
    '<!DOCTYPE html><html class="client-nojs vector-feature-language-in-header-enabled" lang="en" dir="ltr"><head><meta charset="UTF-8"><title>Soviet–Albanian split - Wikipedia</title>' +
    `<link rel="stylesheet" href="/w/load.php?lang=en&amp;modules=site.styles"><script>${'var RLCONF={};'.repeat(2000)}</script></head>` +
    `<body class="skin-vector mediawiki ltr sitedir-ltr"><div class="vector-header-container"><header class="vector-header"><nav class="vector-menu" role="navigation"><ul>${'<li class="mw-list-item"><a href="/wiki/Main_Page"><span>Main page</span></a></li>'.repeat(30)}</ul></nav></header></div>` +
    '<div class="mw-page-container"><main id="content" class="mw-body" role="main"><h1 id="firstHeading" class="firstHeading mw-first-heading"><span class="mw-page-title-main">Soviet–Albanian split</span></h1>' +
    '<div id="bodyContent" class="vector-body"><div id="mw-content-text" class="mw-body-content"><div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr">' +
    `<table class="infobox vevent"><tbody>${'<tr><th scope="row" class="infobox-label">Date</th><td class="infobox-data">1956–1961</td></tr>'.repeat(12)}</tbody></table>`;
  const parts: string[] = [head];
  let size = head.length;
  let note = 0;
  for (let i = 0; size < bytes * 0.7; i += 1) {
    const heading = i % 8 === 0 ? `<div class="mw-heading mw-heading2"><h2 id="Part_${i / 8 + 1}">Part ${i / 8 + 1}</h2><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Split&amp;action=edit&amp;section=${i / 8 + 1}" title="Edit section"><span>edit</span></a><span class="mw-editsection-bracket">]</span></span></div>` : '';
    note += 1;
    const paragraph = `<p>${sentence()}, ${sentence()} <i>${word()} ${word()}</i> ${sentence()}.<sup id="cite_ref-${note}" class="reference"><a href="#cite_note-${note}"><span class="cite-bracket">[</span>${note}<span class="cite-bracket">]</span></a></sup> ${sentence()}.</p>`;
    const table = i % 20 === 19 ? `<table class="wikitable sortable"><tbody>${'<tr><td>1961</td><td><a href="/wiki/Moscow">Moscow</a> conference</td><td style="text-align:right">81</td></tr>'.repeat(15)}</tbody></table>` : '';
    parts.push(heading + paragraph + table);
    size += heading.length + paragraph.length + table.length;
  }
  parts.push('<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div><div class="reflist reflist-columns references-column-width"><ol class="references">');
  for (let i = 1; i <= note; i += 1) {
    const reference = `<li id="cite_note-${i}"><span class="mw-cite-backlink"><b><a href="#cite_ref-${i}">^</a></b></span> <span class="reference-text"><cite class="citation book cs1">Mëhilli, Elidor (2017). <a rel="nofollow" class="external text" href="https://example.org/book"><i>From Stalin to Mao</i></a>. Cornell University Press. p. ${i}.</cite></span></li>`;
    parts.push(reference);
    size += reference.length;
  }
  parts.push('</ol></div>');
  while (size < bytes) {
    const navbox = `<div role="navigation" class="navbox" aria-labelledby="Cold_War"><table class="nowraplinks hlist navbox-inner"><tbody><tr><th class="navbox-group">Events</th><td class="navbox-list"><ul>${'<li><a href="/wiki/Event">Event</a></li>'.repeat(40)}</ul></td></tr></tbody></table></div>`;
    parts.push(navbox);
    size += navbox.length;
  }
  parts.push('</div></div></div></main></div><footer id="footer" class="mw-footer" role="contentinfo"><ul><li>This page was last edited on 1 March 2024.</li></ul></footer></body></html>');
  return parts.join('');
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

// V8 as it ships, without its mid-tier compiler, and with its interpreter alone.
const COMPILERS = [
  { name: 'V8 as it ships', flags: [] },
  { name: 'without Maglev', flags: ['--no-maglev'] },
  { name: 'interpreter alone', flags: ['--no-maglev', '--no-turbofan', '--no-sparkplug'] },
] as const;

/**
 * What V8's compilers add to the pages read as a stream: each page's peak above the 10 KB page's,
 * both read as a stream, with V8's compilers as it ships and with fewer of them (medians of five).
 * The 10 KB page's import never runs the cleaning long enough for V8 to compile it; these pages do.
 */
function compilerTable(pages: readonly { name: string; file: string }[], small: string): string[] {
  const stream = { APPARATUS_LARGE_PAGE_CHARS: '1' };
  const bases = COMPILERS.map(({ flags }) => median(() => measure('import', small, stream, flags)).peakRss);
  const lines = [
    'Peak above the 10 KB page read as a stream, by the compilers V8 runs (medians of five):',
    '',
    `| page | 4 × file size | ${COMPILERS.map(({ name, flags }) => `${name}${flags.length > 0 ? ` (\`${flags.join(' ')}\`)` : ''}`).join(' | ')} |`,
    `|---|---|${COMPILERS.map(() => '---').join('|')}|`,
  ];
  for (const page of pages) {
    const peaks = COMPILERS.map(({ flags }, i) => median(() => measure('import', page.file, stream, flags)).peakRss - (bases[i] as number));
    lines.push(`| ${page.name} | ${mb(4 * statSync(page.file).size)} | ${peaks.map(mb).join(' | ')} |`);
  }
  return lines;
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
      { name: '100 KB page', file: join(folder, 'page-100kb.html'), html: bigPage(100 * 1024) },
      { name: 'short page, 40 KB', file: join(folder, 'page-40kb.html'), html: smallPage(40 * 1024) },
      { name: 'encyclopedia article, 1 MB', file: join(folder, 'encyclopedia-1mb.html'), html: encyclopediaPage(1024 * 1024) },
      { name: 'encyclopedia article, 300 KB', file: join(folder, 'encyclopedia-300kb.html'), html: encyclopediaPage(300 * 1024) },
      { name: '10 KB page', file: join(folder, 'page-10kb.html'), html: smallPage(10 * 1024) },
      { name: '1,000 divs deep', file: join(folder, 'deep-1000.html'), html: deepPage(1000) },
      { name: '10,000 divs deep', file: join(folder, 'deep-10000.html'), html: deepPage(10_000) },
    ];
    for (const page of pages) writeFileSync(page.file, page.html);
    // Medians of five runs: a few hundred KB either way, more on a busy machine, is its noise, not the import.
    const base = median(() => measure('base', pages[0]!.file)).peakRss;
    const small = pages.find((page) => page.name === '10 KB page')!;
    const fixedDom = median(() => measure('import', small.file)).peakRss - base;
    const fixedStream = median(() => measure('import', small.file, { APPARATUS_LARGE_PAGE_CHARS: '1' })).peakRss - base;
    const lines = [
      `Base (a process with the modules loaded): ${mb(base)} peak RSS. Fixed base of an import (the peak above it of importing a ${mb(statSync(small.file).size)} page): ` +
        `${mb(fixedDom)} cleaned with a DOM, ${mb(fixedStream)} read as a stream. Pages over ${mb(LARGE_PAGE_CHARS)} are read as a stream. Every figure but Readability alone's is the median of five runs by peak memory.`,
      '',
      '| page | size | Readability alone | Apparatus import | import / Readability | peak above base: Readability | peak above base: import | bound: fixed base + 4 × file size | within | import |',
      '|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const page of pages) {
      const size = statSync(page.file).size;
      const streamed = size > LARGE_PAGE_CHARS;
      const alone = page.name === '10,000 divs deep' ? undefined : measure('readability', page.file);
      const ours = median(() => measure('import', page.file));
      const ratio = alone ? `${(ours.ms / alone.ms).toFixed(2)}×` : '—';
      const bound = (streamed ? fixedStream : fixedDom) + 4 * size;
      lines.push(
        `| ${page.name} | ${mb(size)} | ${alone ? seconds(alone.ms) : 'not run'} | ${seconds(ours.ms)} | ${ratio} | ` +
          `${alone ? mb(alone.peakRss - base) : '—'} | ${mb(ours.peakRss - base)} | ${mb(bound)} | ${ours.peakRss - base <= bound ? 'yes' : 'no'} | ` +
          `${ours.detail ?? ''}, ${streamed ? 'read as a stream' : 'with a DOM'} |`,
      );
    }
    console.log(lines.join('\n'));
    console.log(`\n${compilerTable(pages.filter((page) => statSync(page.file).size > LARGE_PAGE_CHARS && !page.name.includes('divs deep')), small.file).join('\n')}`);
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

/**
 * `npm run bench:reader` (`node bench/reader.ts`): the ProseMirror reader with its highlight
 * decorations, in headless Chromium.
 * Opens the longest cleaned source and a 1 MB source with 0, 1,000 and 10,000 highlights and
 * times the first paint and adding one highlight, each beside a bare ProseMirror view of the
 * same document measured in the same run (fresh page per sample, reader and bare alternating).
 *
 * Options: `--reps N` (pages per view and case, default 5), `--heavy-reps N` (for the 1 MB /
 * 10,000 case, default 3), `--adds N` (highlights added per page, default 5), `--counts 0,1000,10000`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/chromium.ts';
import { benchDocument, inflatedSource, longestSource, ONE_MB, type BenchDocument } from './reader/documents.ts';
import { seededHighlights } from './reader/highlights.ts';
import type { PageBench, PageSample, ViewKind } from './reader/protocol.ts';
import { renderTable, type CaseSamples } from './reader/table.ts';

const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));
const PAGE_ENTRY = fileURLToPath(new URL('./reader/page.ts', import.meta.url));
const STYLES = fileURLToPath(new URL('../renderer/styles.css', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

/** The page script as one IIFE, built in memory. */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no page script for the reader benchmark.');
  return file.text;
}

/** The app's stylesheet and scroller around an empty mount, as the reader pane has them. */
function pageHtml(): string {
  const css = readFileSync(STYLES, 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style>
<style>body { margin: 0; height: 100vh; display: flex; flex-direction: column; }</style></head>
<body><div class="reader-scroll"><div class="reader-body" id="mount"></div></div></body></html>`;
}

interface Prepared {
  script: string;
  html: string;
}

/** One fresh page: build the view, time its first paint, then add `adds` highlights one by one. */
async function samplePage(
  browser: Browser,
  prepared: Prepared,
  kind: ViewKind,
  sourceJson: string,
  highlightsJson: string,
  addsJson: string,
): Promise<PageSample> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.setContent(prepared.html);
    await page.addScriptTag({ content: prepared.script });
    return await page.evaluate(
      async ({ kind, sourceJson, highlightsJson, addsJson }) => {
        const bench = (window as unknown as { bench: PageBench }).bench;
        bench.prepare(sourceJson, highlightsJson);
        const mounted = await bench.mount(kind);
        const adds = [];
        for (const highlight of JSON.parse(addsJson) as Parameters<PageBench['addOne']>[0][]) {
          adds.push(await bench.addOne(highlight));
        }
        return { kind, firstPaintMs: mounted.firstPaintMs, highlightElements: mounted.highlightElements, adds };
      },
      { kind, sourceJson, highlightsJson, addsJson },
    );
  } finally {
    await page.close();
  }
}

async function runCase(
  browser: Browser,
  prepared: Prepared,
  doc: BenchDocument,
  count: number,
  reps: number,
  adds: number,
): Promise<CaseSamples> {
  const sourceJson = JSON.stringify(doc.source);
  const highlightsJson = JSON.stringify(seededHighlights(count, doc.chars, 5));
  const addsJson = JSON.stringify(seededHighlights(adds, doc.chars, 7, 'added-'));
  const samples: PageSample[] = [];
  for (let rep = 0; rep < reps; rep++) {
    // Alternate which view goes first, so drift in the machine's load falls on both alike.
    const order: ViewKind[] = rep % 2 === 0 ? ['reader', 'bare'] : ['bare', 'reader'];
    for (const kind of order) samples.push(await samplePage(browser, prepared, kind, sourceJson, highlightsJson, addsJson));
  }
  const drawn = samples.filter((s) => s.kind === 'reader').map((s) => s.highlightElements);
  if (count > 0 && drawn.some((n) => n === 0)) {
    throw new Error(`The reader drew no highlight for ${doc.label} with ${count} highlights: the measurement would be meaningless.`);
  }
  return { document: doc.label, highlights: count, samples };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '5' },
      'heavy-reps': { type: 'string', default: '3' },
      adds: { type: 'string', default: '5' },
      counts: { type: 'string', default: '0,1000,10000' },
    },
  });
  const reps = Number(values.reps);
  const heavyReps = Number(values['heavy-reps']);
  const adds = Number(values.adds);
  const counts = values.counts.split(',').map(Number);

  const longest = longestSource(CORPUS);
  const docs = [benchDocument(longest.id, longest), benchDocument('1 MB', inflatedSource(longest, ONE_MB))];
  const prepared = { script: await bundlePage(), html: pageHtml() };
  const started = performance.now();
  const browser = await launchChromium();
  const cases: CaseSamples[] = [];
  try {
    process.stderr.write(`Chromium ${browser.version()}\n`);
    for (const doc of docs) {
      for (const count of counts) {
        const caseReps = doc === docs[1] && count >= 10_000 ? heavyReps : reps;
        process.stderr.write(`bench:reader ${doc.label}, ${count} highlights, ${caseReps} × 2 pages …\n`);
        cases.push(await runCase(browser, prepared, doc, count, caseReps, adds));
      }
    }
  } finally {
    await browser.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const sizes = docs.map((d) => `${d.label}: ${d.source.blocks.length} body blocks, ${d.chars.toLocaleString('en')} characters, ${d.bytes.toLocaleString('en')} UTF-8 bytes of reading text`);
  process.stdout.write(
    [
      renderTable(cases),
      '',
      ...sizes.map((line) => `- ${line}`),
      `- Medians. First paint: building the view (reader: ReaderView + setHighlights; bare: EditorView, no plugins) to two animation frames later. Add-one: one per page × ${adds}; the bare peer dispatches an empty transaction.`,
      '- Reading the add-one columns: "to paint" is quantised to frames (two frames ≈ 33.3 ms at 60 Hz), so 1.00× means both fit within the same frames; "dispatch" is the synchronous part, and performance.now() is coarsened to 0.1 ms in an ordinary page, so a bare figure of 0.10–0.20 ms is at the timer floor and that ratio is only an order of magnitude.',
      `- ${cases.reduce((n, c) => n + c.samples.length, 0)} fresh pages in ${seconds} s; viewport ${VIEWPORT.width}×${VIEWPORT.height}, renderer/styles.css applied to both views.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:reader failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

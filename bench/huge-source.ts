/**
 * `node bench/huge-source.ts`: how the window copes with a big source (sources of 0.5–2 MB). For a
 * generated source of each size (realistic paragraphs: the body of edemskiy-2019, repeated in
 * varying order), the built app in headless Chromium, bound to the real services, goes through
 * what a historian does: import it (File ▸ Import Source…, confirm the details), read it (the
 * import opens it; then it is opened again from the library), highlight a passage, and, after a
 * restart, search a word and open a result in it.
 * For each phase it prints the wall time, the time spent in main-process calls, the page's long
 * tasks (PerformanceObserver 'longtask': the longest, how many exceed 200 ms, their sum) and
 * Chromium's own count of the page's script and style + layout time.
 *
 * Needs the built renderer and preload (`npm run build:renderer && npm run build:preload`).
 * Options: `--sizes 0.5,1,2` (MB of 2^20 bytes; a size over the import limits, 10 MB of file and
 * 2 million characters of text, is made as large as the limits allow), `--form markdown|plain` (default markdown).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_MAX_TEXT_CHARS } from '../electron/services/import/import-service.ts';
import { DEFAULT_MAX_BYTES } from '../electron/services/import/read-import-file.ts';
import { openApp, type AppPage } from '../test/support/app-page.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { MB, writeHugeSource, type HugeForm } from '../test/support/huge-source.ts';
import { watchLongTasks, type LongTaskLog } from '../test/support/long-tasks.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../test/support/services.ts';

const FROZEN_MS = 200;
const LAZY_PHASE = 'open again from the library';
const EAGER_PHASE = 'open again, every block laid out (comparison)';
const EAGER_RULE = '.reading > * { content-visibility: visible !important; }';
const WORD = 'Khrushchev';
const VIEWPORT = { width: 1400, height: 900 };
// A big source takes seconds through some phases on a 2-core machine: wait, do not give up.
const PATIENCE_MS = 15 * 60_000;

/** One phase of one size: what the user waited, and how the page's main thread fared. */
interface PhaseFigures {
  size: string;
  phase: string;
  wallMs: number;
  /** Time inside main-process service calls started during the phase (Node side). */
  mainMs: number;
  longestMs: number;
  over200: number;
  longTasks: number;
  longTaskMs: number;
  /** The page's own accounting (CDP Performance metrics): time in script, and in style + layout. */
  scriptMs: number;
  layoutMs: number;
}

/** Chromium's cumulative counters for one page, in milliseconds. */
type PageMetrics = () => Promise<{ script: number; layout: number }>;

/** The app open in a page, with what measures it. */
interface Session {
  app: AppPage;
  backend: TestServices;
  log: LongTaskLog;
  metrics: PageMetrics;
  /** Main-process calls since the last phase ended. */
  calls: CallTiming[];
}

interface CallTiming {
  start: number;
  ms: number;
}

/** Wraps the named methods of `target` so each call's duration (awaited) lands in `sink`. */
function timeMethods(target: object, names: readonly string[], sink: CallTiming[]): void {
  const methods = target as Record<string, (...args: unknown[]) => unknown>;
  for (const name of names) {
    const original = methods[name]!.bind(target);
    methods[name] = (...args: unknown[]) => {
      const start = performance.now();
      const record = () => sink.push({ start, ms: performance.now() - start });
      const result = original(...args);
      if (result instanceof Promise) return result.finally(record);
      record();
      return result;
    };
  }
}

/** Opens the app on fresh services over `corpus` and `projectDir`, and starts measuring it. */
async function startSession(browser: Browser, corpus: string, projectDir: string): Promise<Session> {
  const backend = openServices(corpus, projectDir);
  const calls: CallTiming[] = [];
  const { services } = backend;
  timeMethods(services.imports, ['choose', 'commit'], calls);
  timeMethods(services.corpus, ['list'], calls);
  timeMethods(services.annotations, ['open', 'create', 'list'], calls);
  timeMethods(services.search, ['query'], calls);
  const app = await openApp(browser, services);
  const { page } = app;
  page.setDefaultTimeout(PATIENCE_MS);
  await page.setViewportSize(VIEWPORT);
  await page.waitForSelector('.source');
  const cdp = await app.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics: PageMetrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => (list.find((metric) => metric.name === name)?.value ?? 0) * 1000;
    return { script: value('ScriptDuration'), layout: value('LayoutDuration') + value('RecalcStyleDuration') };
  };
  return { app, backend, log: await watchLongTasks(page), metrics, calls };
}

/** Two animation frames: what was changed has been laid out and painted. */
function painted(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** Runs `action` as one phase of `size`, and measures it. */
async function phase(size: string, name: string, session: Session, action: () => Promise<void>): Promise<PhaseFigures> {
  const { app, log, metrics, calls } = session;
  calls.length = 0;
  const nodeStart = performance.now();
  const before = await metrics();
  const pageStart = await log.now();
  await action();
  await painted(app.page);
  const pageEnd = await log.now();
  const after = await metrics();
  const wallMs = performance.now() - nodeStart;
  const tasks = await log.between(pageStart, pageEnd);
  const figures: PhaseFigures = {
    size,
    phase: name,
    wallMs,
    mainMs: calls.reduce((sum, call) => sum + call.ms, 0),
    longestMs: Math.max(0, ...tasks.map((task) => task.duration)),
    over200: tasks.filter((task) => task.duration > FROZEN_MS).length,
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((sum, task) => sum + task.duration, 0),
    scriptMs: after.script - before.script,
    layoutMs: after.layout - before.layout,
  };
  process.stderr.write(`  ${name}: ${Math.round(wallMs)} ms, longest task ${Math.round(figures.longestMs)} ms\n`);
  return figures;
}

/**
 * Drags the mouse over part of a paragraph near the top of the reader. Found through
 * elementFromPoint, so that finding it costs the page nothing a user's drag would not.
 */
async function selectVisiblePassage(page: Page): Promise<void> {
  const box = await page.evaluate(() => {
    const scroller = document.querySelector('.reader-scroll')!.getBoundingClientRect();
    const x = scroller.left + scroller.width / 2;
    for (let y = scroller.top + 40; y < scroller.bottom - 40; y += 20) {
      const text = document.elementFromPoint(x, y)?.closest('.reading p')?.firstChild;
      if (!(text instanceof Text) || text.data.length < 80) continue;
      const range = document.createRange();
      range.setStart(text, 10);
      range.setEnd(text, 11);
      const a = range.getBoundingClientRect();
      range.setStart(text, 59);
      range.setEnd(text, 60);
      const b = range.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  });
  if (!box) throw new Error('No paragraph of 80 characters or more is in view in the reader.');
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

function titleIs(page: Page, title: string): Promise<unknown> {
  return page.waitForFunction((title) => document.querySelector('.reader-title')?.textContent === title, title, {
    timeout: PATIENCE_MS,
  });
}

/** The big source to import: its file, the id and title the user gives it, its size. */
interface BigSource {
  label: string;
  file: string;
  id: string;
  title: string;
}

/** Import, open, open again, highlight. Returns the figures and the import dialog's summary. */
async function readingPhases(session: Session, source: BigSource): Promise<{ rows: PhaseFigures[]; summary: string }> {
  const { app, backend } = session;
  const { page } = app;
  const { label, file, id, title } = source;
  const rows: PhaseFigures[] = [];
  rows.push(
    await phase(label, 'import: choose file → details dialog', session, async () => {
      backend.filesToChoose.push(file);
      await app.emit('menu.import');
      await page.waitForSelector('.import-dialog');
    }),
  );
  const summary = ((await page.locator('.import-summary').textContent()) ?? '').trim();
  rows.push(
    await phase(label, 'import: confirm → source open in reader', session, async () => {
      await page.fill('.import-dialog label:has-text("Title") input', title);
      await page.fill('.import-dialog label:has-text("Id in the corpus") input', id);
      await page.click('.import-dialog button[type="submit"]');
      await titleIs(page, title);
      await page.waitForSelector('.reading');
    }),
  );
  await page.click('[data-source-id="edemskiy-2019"] .source-open');
  await page.waitForFunction(() => document.querySelector('.reader-title')?.textContent?.startsWith('Additional Evidence'));
  rows.push(
    await phase(label, LAZY_PHASE, session, async () => {
      await page.click(`[data-source-id="${id}"] .source-open`);
      await titleIs(page, title);
    }),
  );
  // Side by side: the same opening with every block laid out at once, as without
  // content-visibility in the reader's style sheet (CSSOM, which the page's CSP allows).
  await page.click('[data-source-id="edemskiy-2019"] .source-open');
  await page.waitForFunction(() => document.querySelector('.reader-title')?.textContent?.startsWith('Additional Evidence'));
  await page.evaluate((rule) => document.styleSheets[0]!.insertRule(rule, document.styleSheets[0]!.cssRules.length), EAGER_RULE);
  rows.push(
    await phase(label, EAGER_PHASE, session, async () => {
      await page.click(`[data-source-id="${id}"] .source-open`);
      await titleIs(page, title);
    }),
  );
  await page.evaluate(() => document.styleSheets[0]!.deleteRule(document.styleSheets[0]!.cssRules.length - 1));
  rows.push(
    await phase(label, 'highlight a passage (drag, pick colour)', session, async () => {
      await selectVisiblePassage(page);
      await page.waitForSelector('.selection-toolbar:not([hidden])');
      await page.click('.selection-toolbar [data-color="green"]');
      await page.waitForSelector('.reading .hl');
      await page.waitForSelector('.annotation-editor');
    }),
  );
  if (backend.services.store.list({ sourceId: id }).length !== 1) throw new Error(`The highlight in ${id} was not saved.`);
  return { rows, summary };
}

/** Search a word, open a result in the big source. Returns the figures and the results' summary. */
async function searchPhases(session: Session, source: BigSource): Promise<{ rows: PhaseFigures[]; listed: string }> {
  const { page } = session.app;
  const result = `.search-results button.result[data-ref^="${source.id}#"]`;
  const rows: PhaseFigures[] = [];
  rows.push(
    await phase(source.label, `search “${WORD}” → results listed`, session, async () => {
      await page.fill('.search-input', WORD);
      await page.waitForSelector(result);
    }),
  );
  const listed = ((await page.locator('.search-results .status').textContent()) ?? '').trim();
  rows.push(
    await phase(source.label, 'open a result in the big source', session, async () => {
      await page.locator(result).first().click();
      await page.waitForSelector('.reading .search-match.current');
    }),
  );
  return { rows, listed };
}

/** Every phase for one size, in a fresh corpus copy and project. */
async function runSize(browser: Browser, megabytes: number, form: HugeForm): Promise<{ rows: PhaseFigures[]; note: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-bench-huge-'));
  const corpus = join(folder, 'corpus');
  const projectDir = join(folder, 'project');
  cpSync(CORPUS_DIR, corpus, { recursive: true });
  mkdirSync(projectDir);
  mkdirSync(join(folder, 'in'));
  const id = `huge-${megabytes}mb`;
  const source: BigSource = {
    label: `${megabytes} MB`,
    file: join(folder, 'in', `${id}.${form === 'markdown' ? 'md' : 'txt'}`),
    id,
    title: `Collected Papers (${megabytes} MB)`,
  };
  const bytes = writeHugeSource(source.file, Math.min(megabytes * MB, DEFAULT_MAX_BYTES, DEFAULT_MAX_TEXT_CHARS), form);
  process.stderr.write(`bench:huge ${source.label} (${bytes.toLocaleString('en')} bytes, ${form}) …\n`);
  let session: Session | undefined;
  try {
    session = await startSession(browser, corpus, projectDir);
    const reading = await readingPhases(session, source);
    // The import brings the index up to date in a worker: let it finish before closing.
    await session.backend.services.search.query(WORD, 1);
    await session.app.close();
    session.backend.close();
    session = undefined;

    // A restart, the index loaded before the page opens, so that the search phase measures
    // searching, not the index update that follows an import.
    session = await startSession(browser, corpus, projectDir);
    const indexStart = performance.now();
    await session.backend.services.search.query(WORD, 1);
    const indexMs = performance.now() - indexStart;
    const searching = await searchPhases(session, source);
    const heap = await session.app.page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    const lazy = reading.rows.find((row) => row.phase === LAZY_PHASE)!;
    const eager = reading.rows.find((row) => row.phase === EAGER_PHASE)!;
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
    const note =
      `${source.label}: ${bytes.toLocaleString('en')} bytes; ${reading.summary} ` +
      `Opening again, laid out near the screen only vs every block: longest task ${ratio(lazy.longestMs, eager.longestMs)}, ` +
      `long tasks' sum ${ratio(lazy.longTaskMs, eager.longTaskMs)}, style + layout ${ratio(lazy.layoutMs, eager.layoutMs)}, ` +
      `wall ${ratio(lazy.wallMs, eager.wallMs)}. ` +
      `Search index build after the restart (worker, Node): ${Math.round(indexMs)} ms; ${searching.listed} ` +
      `Page JS heap with the source open: ${Math.round(heap / MB)} MB.`;
    return { rows: [...reading.rows, ...searching.rows], note };
  } finally {
    await session?.app.close();
    session?.backend.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

function renderTable(rows: readonly PhaseFigures[]): string {
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  const header = [
    'size',
    'phase',
    'wall',
    'in main-process calls',
    'longest page task',
    'page tasks > 200 ms',
    'page long tasks (≥ 50 ms)',
    'their sum',
    'page script',
    'page style + layout',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|---|---|${'---:|'.repeat(header.length - 2)}`];
  for (const row of rows) {
    const cells = [row.size, row.phase, ms(row.wallMs), ms(row.mainMs), ms(row.longestMs), row.over200, row.longTasks];
    cells.push(ms(row.longTaskMs), ms(row.scriptMs), ms(row.layoutMs));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '0.5,1,2' }, form: { type: 'string', default: 'markdown' } },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((size) => !(size > 0))) throw new Error(`--sizes takes sizes in MB separated by commas, not “${values.sizes}”.`);
  if (values.form !== 'markdown' && values.form !== 'plain') throw new Error(`--form is markdown or plain, not “${values.form}”.`);
  const form: HugeForm = values.form;
  const started = performance.now();
  const browser = await launchChromium();
  const rows: PhaseFigures[] = [];
  const notes: string[] = [];
  try {
    process.stderr.write(`Chromium ${browser.version()}\n`);
    for (const size of sizes) {
      const result = await runSize(browser, size, form);
      rows.push(...result.rows);
      notes.push(result.note);
    }
  } finally {
    await browser.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    [
      renderTable(rows),
      '',
      ...notes.map((note) => `- ${note}`),
      "- Wall: from the user's action to two animation frames after the expected element appears. " +
        '"In main-process calls": the service calls of the phase, timed in Node (IPC transport not counted).',
      '- Long tasks: the page main thread only. "Page script" and "page style + layout" are Chromium\'s ' +
        'own counters (CDP Performance.getMetrics); what they leave out of a long task is not broken down here.',
      `- ${form} source, viewport ${VIEWPORT.width}×${VIEWPORT.height}, ${seconds} s in all.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:huge failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

/**
 * `npm run bench:search` (`node bench/search.ts`): Apparatus search against MiniSearch on the
 * corpus at 1x, 200x and 1000x (the five sources repeated with per-copy vocabulary perturbation,
 * written as cleaned files), every figure side by side with its ratio and the goal it answers.
 * Each engine and scale runs in its own child process (peak memory is per engine) under a time
 * budget; a run that exceeds it is reported as missing. The written corpus is kept in the
 * system's temporary folder and reused while the seed files are unchanged.
 *
 * Options: `--scales 1,200,1000`, `--budget-seconds N` (per child, default 900).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureApparatus } from './lib/apparatus-engine.ts';
import { seedHash, seedSources, writeCopies } from './lib/bench-corpus.ts';
import type { EngineFigures } from './lib/figures.ts';
import { measureMiniSearch } from './lib/minisearch-engine.ts';
import { renderTable, type EngineOutcome, type ScaleRow } from './lib/table.ts';

const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
type Engine = 'apparatus' | 'minisearch';

/** Query repetitions per scale: enough samples for p95 without running for minutes. */
function repsFor(scale: number): number {
  return scale <= 1 ? 40 : scale <= 200 ? 8 : 4;
}

async function child(engine: Engine, scale: number, corpus: string): Promise<void> {
  const figures: EngineFigures =
    engine === 'apparatus' ? await measureApparatus(corpus, repsFor(scale)) : measureMiniSearch(corpus, repsFor(scale));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function runChild(engine: Engine, scale: number, corpus: string, budgetSeconds: number): EngineOutcome {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=6144', '--expose-gc', SELF, '--child', engine, '--corpus', corpus, String(scale)],
    { encoding: 'utf8', timeout: budgetSeconds * 1000, maxBuffer: 16 * 2 ** 20 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.error && 'code' in result.error && result.error.code === 'ETIMEDOUT') {
    return { missing: `not measured: stopped after the ${budgetSeconds} s budget (2 cores); rerun with --budget-seconds` };
  }
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return { figures: JSON.parse(line) as EngineFigures, seconds };
  } catch {
    const reason = (result.stderr || `exit ${result.status}, signal ${result.signal}`).trim().split('\n').slice(-3).join(' ');
    return { missing: `failed after ${seconds.toFixed(0)} s: ${reason}` };
  }
}

/** Writes (once) the cleaned files of the corpus at `scale`, two processes at a time. */
async function benchCorpus(scale: number): Promise<string> {
  const folder = join(tmpdir(), 'apparatus-bench-corpus', `${seedHash(CORPUS)}-${scale}x`);
  const done = join(folder, '.complete');
  if (existsSync(done)) return folder;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const half = Math.ceil(scale / 2);
  const parts = scale === 1 ? [[0, 1]] : [[0, half], [half, scale]];
  await Promise.all(
    parts.map(
      ([from, to]) =>
        new Promise<void>((resolve, reject) => {
          const writer = spawn(process.execPath, [SELF, '--write-corpus', folder, String(from), String(to)], { stdio: 'inherit' });
          writer.on('error', reject);
          writer.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writing the ${scale}x corpus failed (${code})`))));
        }),
    ),
  );
  writeFileSync(done, '');
  return folder;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      child: { type: 'string' },
      corpus: { type: 'string' },
      'write-corpus': { type: 'string' },
      scales: { type: 'string', default: '1,200,1000' },
      'budget-seconds': { type: 'string', default: '900' },
    },
    allowPositionals: true,
  });
  if (values['write-corpus'] !== undefined) {
    writeCopies(seedSources(CORPUS), values['write-corpus'], Number(positionals[0]), Number(positionals[1]));
    return;
  }
  if (values.child !== undefined) {
    await child(values.child as Engine, Number(positionals[0]), values.corpus ?? '');
    return;
  }
  const budget = Number(values['budget-seconds']);
  const rows: ScaleRow[] = [];
  const started = performance.now();
  for (const scale of values.scales.split(',').map(Number)) {
    process.stderr.write(`bench:search ${scale}x: corpus …\n`);
    const corpus = await benchCorpus(scale);
    process.stderr.write(`bench:search ${scale}x: ${readdirSync(corpus).length - 1} sources; Apparatus …\n`);
    const apparatus = runChild('apparatus', scale, corpus, budget);
    process.stderr.write(`bench:search ${scale}x: MiniSearch …\n`);
    const minisearch = runChild('minisearch', scale, corpus, budget);
    rows.push({ scale, apparatus, minisearch });
  }
  const minutes = (performance.now() - started) / 60_000;
  process.stdout.write(`${renderTable(rows)}\n- The whole run took ${minutes.toFixed(1)} minutes.\n`);
}

await main();

/**
 * `npm run bench:search` (`node bench/search.ts`): Apparatus search against MiniSearch on the
 * corpus at 1x, 100x and 1000x (the five sources repeated with per-copy vocabulary perturbation),
 * every figure side by side with its ratio. Each engine and scale runs in its own child process
 * (peak memory is per engine) under a time budget; a run that exceeds it is reported as missing.
 *
 * Options: `--scales 1,100,1000`, `--budget-seconds N` (per child, default 240).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedSources } from './lib/bench-corpus.ts';
import { measureApparatus, measureMiniSearch, type EngineFigures } from './lib/engines.ts';
import { renderTable, type EngineOutcome, type ScaleRow } from './lib/table.ts';

const CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
type Engine = 'apparatus' | 'minisearch';

/** Query repetitions per scale: enough samples for p95 without running for minutes. */
function repsFor(scale: number): number {
  return scale <= 1 ? 40 : scale <= 100 ? 8 : 2;
}

function child(engine: Engine, scale: number): void {
  const sources = seedSources(CORPUS);
  // At 1000x the full Apparatus build, load and query mix would take over ten minutes on two
  // cores (see the 100x figures), so its build is cut at a budget and reported as partial.
  const figures: EngineFigures =
    engine === 'apparatus'
      ? measureApparatus(sources, scale, repsFor(scale), scale >= 1000 ? 90_000 : Number.POSITIVE_INFINITY)
      : measureMiniSearch(sources, scale, repsFor(scale));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function runChild(engine: Engine, scale: number, budgetSeconds: number): EngineOutcome {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=16384', '--expose-gc', SELF, '--child', engine, String(scale)],
    { encoding: 'utf8', timeout: budgetSeconds * 1000, maxBuffer: 16 * 2 ** 20 },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (result.error && 'code' in result.error && result.error.code === 'ETIMEDOUT') {
    return { missing: `not measured: stopped after the ${budgetSeconds} s budget (2 cores); rerun with --budget-seconds` };
  }
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return { figures: JSON.parse(line) as EngineFigures };
  } catch {
    const reason = (result.stderr || `exit ${result.status}, signal ${result.signal}`).trim().split('\n').slice(-3).join(' ');
    return { missing: `failed after ${seconds} s: ${reason}` };
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      scales: { type: 'string', default: '1,100,1000' },
      'budget-seconds': { type: 'string', default: '240' },
    },
    allowPositionals: true,
  });
  if (values.child !== undefined) {
    child(values.child as Engine, Number(process.argv[process.argv.length - 1]));
    return;
  }
  const budget = Number(values['budget-seconds']);
  const rows: ScaleRow[] = [];
  for (const scale of values.scales.split(',').map(Number)) {
    process.stderr.write(`bench:search ${scale}x …\n`);
    const apparatus = runChild('apparatus', scale, budget);
    const minisearch = runChild('minisearch', scale, budget);
    rows.push({ scale, apparatus, minisearch });
  }
  process.stdout.write(`${renderTable(rows)}\n`);
}

main();

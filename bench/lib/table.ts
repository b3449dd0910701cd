/** Printing benchmark figures as a Markdown table with Apparatus / MiniSearch ratios and goals. */
import type { EngineFigures } from './figures.ts';

/** One engine's outcome at one scale: figures, or why there are none. */
export type EngineOutcome = { figures: EngineFigures; seconds: number } | { missing: string };

/** Both engines at one scale. */
export interface ScaleRow {
  scale: number;
  apparatus: EngineOutcome;
  minisearch: EngineOutcome;
}

type Unit = 'ms' | 'MB' | 'n';

interface Metric {
  label: string;
  pick: (f: EngineFigures) => number | null;
  unit: Unit;
  /**
   * The goal, checked on the figures (`relative`: needs MiniSearch's) at the scales the issue
   * sets it for (`scales`; every scale when absent); absent when there is none.
   */
  goal?: { text: string; relative: boolean; met: (ours: number, theirs: number, f: EngineFigures) => boolean; scales?: readonly number[] };
}

const GB = 2 ** 30;
const atMost = (ratio: number, scales?: readonly number[]) => ({
  text: `≤ ${ratio.toFixed(1)}×`,
  relative: true,
  met: (a: number, b: number) => a <= ratio * b,
  ...(scales ? { scales } : {}),
});
const absolute = (text: string, limit: number) => ({ text, relative: false, met: (a: number) => a <= limit });

function queryMetrics(kind: string): Metric[] {
  const label = kind === 'all' ? 'query' : `  ${kind}`;
  const pick = (f: EngineFigures, key: 'p50Ms' | 'p95Ms') => f.queries.find((q) => q.kind === kind)?.[key] ?? null;
  return [
    { label: `${label} p50`, pick: (f) => pick(f, 'p50Ms'), unit: 'ms', ...(kind === 'all' ? { goal: atMost(1, [1, 200]) } : {}) },
    { label: `${label} p95`, pick: (f) => pick(f, 'p95Ms'), unit: 'ms', ...(kind === 'all' ? { goal: atMost(1, [1, 200]) } : {}) },
  ];
}

const METRICS: readonly Metric[] = [
  { label: 'sources', pick: (f) => f.sources, unit: 'n' },
  { label: 'documents', pick: (f) => f.documents, unit: 'n' },
  { label: 'build (files → saved index)', pick: (f) => f.buildMs, unit: 'ms' },
  { label: 'index size on disk', pick: (f) => f.diskBytes, unit: 'MB', goal: atMost(2, [200]) },
  {
    label: 'load, in-process',
    pick: (f) => f.loadMs,
    unit: 'ms',
    goal: { text: '≤ 1.0× and ≤ 0.1 build', relative: true, met: (a, b, f) => a <= b && a <= 0.1 * f.buildMs, scales: [200] },
  },
  { label: 'fresh process: load + 1 query', pick: (f) => f.processMs, unit: 'ms' },
  { label: 'heap after load (+ array buffers)', pick: (f) => f.heapBytes, unit: 'MB', goal: atMost(1.5, [200]) },
  { label: 'peak RSS, engine process', pick: (f) => f.peakRssBytes, unit: 'MB', goal: absolute('≤ 4 GB', 4 * GB) },
  { label: 'peak RSS, fresh process', pick: (f) => f.processRssBytes, unit: 'MB', goal: absolute('≤ 4 GB', 4 * GB) },
  ...['all', 'term', 'two terms', 'phrase', 'prefix', 'fuzzy', 'non-ASCII'].flatMap(queryMetrics),
  ...['19*', 'a* b* c*', 'x~2'].map(
    (query): Metric => ({
      label: `wide query ${query}`,
      pick: (f) => f.wide.find((w) => w.query === query)?.ms ?? null,
      unit: 'ms',
      goal: absolute('< 1 s', 1000),
    }),
  ),
  { label: 'source edit → searchable', pick: (f) => f.sourceUpdateMs, unit: 'ms' },
  { label: 'annotation create (5,000)', pick: (f) => f.annotationMs?.create ?? null, unit: 'ms', goal: absolute('≤ 20 ms', 20) },
  { label: 'annotation edit (5,000)', pick: (f) => f.annotationMs?.edit ?? null, unit: 'ms', goal: absolute('≤ 20 ms', 20) },
  { label: 'annotation delete (5,000)', pick: (f) => f.annotationMs?.delete ?? null, unit: 'ms', goal: absolute('≤ 20 ms', 20) },
  { label: 'hits (one pass of the mix)', pick: (f) => f.hits, unit: 'n' },
];

function format(value: number | null, unit: Unit): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'MB') return `${(value / 2 ** 20).toFixed(1)} MB`;
  if (unit === 'ms') return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(2)} ms`;
  return value.toLocaleString('en');
}

function figuresOf(outcome: EngineOutcome): EngineFigures | undefined {
  return 'figures' in outcome ? outcome.figures : undefined;
}

/** The table as Markdown, then the notes and the reasons for any missing figure. */
export function renderTable(rows: readonly ScaleRow[]): string {
  const lines = [
    '| scale | figure | Apparatus | MiniSearch | Apparatus / MiniSearch | goal (where the issue sets one) |',
    '|---|---|---|---|---|---|',
  ];
  const notes: string[] = [];
  for (const row of rows) {
    const ours = figuresOf(row.apparatus);
    const theirs = figuresOf(row.minisearch);
    for (const [name, outcome] of [['Apparatus', row.apparatus], ['MiniSearch', row.minisearch]] as const) {
      if ('missing' in outcome) notes.push(`${row.scale}x ${name}: ${outcome.missing}`);
      else notes.push(`${row.scale}x ${name}: measured in ${outcome.seconds.toFixed(0)} s.`);
    }
    for (const note of [...(ours?.notes ?? []), ...(theirs?.notes ?? [])]) notes.push(`${row.scale}x: ${note}`);
    for (const metric of METRICS) {
      const a = ours ? metric.pick(ours) : null;
      const b = theirs ? metric.pick(theirs) : null;
      const ratio = a !== null && b !== null && b !== 0 && metric.unit !== 'n' ? `${(a / b).toFixed(2)}×` : '—';
      let goal = '';
      if (metric.goal && a !== null && ours && (metric.goal.scales ?? [row.scale]).includes(row.scale)) {
        const met = !metric.goal.relative || b !== null ? metric.goal.met(a, b ?? 0, ours) : undefined;
        goal = `${metric.goal.text}${met === undefined ? '' : met ? ' ✓' : ' ✗'}`;
      }
      lines.push(`| ${row.scale}x | ${metric.label} | ${format(a, metric.unit)} | ${format(b, metric.unit)} | ${ratio} | ${goal} |`);
    }
  }
  return [...lines, '', ...notes.map((note) => `- ${note}`)].join('\n');
}

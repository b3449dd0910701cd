/** Printing benchmark figures as a plain-text table with Apparatus / MiniSearch ratios. */
import type { EngineFigures } from './engines.ts';

/** One engine's outcome at one scale: figures, or why there are none. */
export type EngineOutcome = { figures: EngineFigures } | { missing: string };

/** Both engines at one scale. */
export interface ScaleRow {
  scale: number;
  apparatus: EngineOutcome;
  minisearch: EngineOutcome;
}

type Metric = { label: string; pick: (f: EngineFigures) => number | null; unit: 'ms' | 'MB' | 'n' };

const METRICS: readonly Metric[] = [
  { label: 'documents', pick: (f) => f.documents, unit: 'n' },
  { label: 'build time', pick: (f) => f.buildMs, unit: 'ms' },
  { label: 'serialise + write', pick: (f) => f.serializeMs, unit: 'ms' },
  { label: 'peak RSS (build)', pick: (f) => f.peakRssBytes, unit: 'MB' },
  { label: 'index size on disk', pick: (f) => f.diskBytes, unit: 'MB' },
  { label: 'load time', pick: (f) => f.loadMs, unit: 'ms' },
  { label: 'heap after load', pick: (f) => f.heapAfterLoadBytes, unit: 'MB' },
  { label: 'query p50', pick: (f) => f.p50Ms, unit: 'ms' },
  { label: 'query p95', pick: (f) => f.p95Ms, unit: 'ms' },
  { label: 'hits (one pass)', pick: (f) => f.hits, unit: 'n' },
];

function format(value: number | null, unit: Metric['unit']): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'MB') return `${(value / 2 ** 20).toFixed(1)} MB`;
  if (unit === 'ms') return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(2)} ms`;
  return String(value);
}

function figuresOf(outcome: EngineOutcome): EngineFigures | undefined {
  return 'figures' in outcome ? outcome.figures : undefined;
}

/** The table as Markdown, then one line per missing figure saying why. */
export function renderTable(rows: readonly ScaleRow[]): string {
  const lines = ['| scale | figure | Apparatus | MiniSearch | Apparatus / MiniSearch |', '|---|---|---|---|---|'];
  const notes: string[] = [];
  for (const row of rows) {
    const ours = figuresOf(row.apparatus);
    const theirs = figuresOf(row.minisearch);
    if ('missing' in row.apparatus) notes.push(`${row.scale}x Apparatus: ${row.apparatus.missing}`);
    if ('missing' in row.minisearch) notes.push(`${row.scale}x MiniSearch: ${row.minisearch.missing}`);
    for (const note of [...(ours?.notes ?? []), ...(theirs?.notes ?? [])]) notes.push(`${row.scale}x: ${note}`);
    for (const metric of METRICS) {
      const a = ours ? metric.pick(ours) : null;
      const b = theirs ? metric.pick(theirs) : null;
      // A partial run covers fewer documents: a ratio against a full run would mislead.
      const comparable = !ours?.partial && !theirs?.partial;
      const ratio =
        comparable && a !== null && b !== null && b !== 0 && metric.unit !== 'n' ? `${(a / b).toFixed(2)}×` : '—';
      const mark = (f: EngineFigures | undefined) => (f?.partial && metric.unit !== 'n' ? ' (partial)' : '');
      lines.push(
        `| ${row.scale}x | ${metric.label} | ${format(a, metric.unit)}${mark(ours)} | ${format(b, metric.unit)}${mark(theirs)} | ${ratio} |`,
      );
    }
  }
  return [...lines, '', ...notes.map((note) => `- ${note}`)].join('\n');
}

/** Summarising `bench:reader` samples into the Markdown table of the issue note. */
import type { PageSample } from './protocol.ts';

/** Every sample of one (document, highlight count) case, reader and bare pages mixed. */
export interface CaseSamples {
  document: string;
  highlights: number;
  samples: PageSample[];
}

/** The median of `values`; NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function ms(value: number): string {
  if (Number.isNaN(value)) return '—';
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function ratio(ours: number, peer: number): string {
  return Number.isFinite(ours) && Number.isFinite(peer) && peer > 0 ? `${(ours / peer).toFixed(2)}×` : '—';
}

interface Medians {
  pages: number;
  firstPaint: number;
  addPaint: number;
  addDispatch: number;
}

function medians(samples: readonly PageSample[]): Medians {
  return {
    pages: samples.length,
    firstPaint: median(samples.map((s) => s.firstPaintMs)),
    addPaint: median(samples.flatMap((s) => s.adds.map((a) => a.paintMs))),
    addDispatch: median(samples.flatMap((s) => s.adds.map((a) => a.dispatchMs))),
  };
}

/**
 * The table as Markdown: per case, the medians of reader and bare first paint, add-one through
 * paint and add-one dispatch alone, each with its reader / bare ratio.
 */
export function renderTable(cases: readonly CaseSamples[]): string {
  const lines = [
    '| document | highlights | pages (reader/bare) | reader first paint (ms) | bare first paint (ms) | ratio | reader add-one to paint (ms) | bare add-one to paint (ms) | ratio | reader add-one dispatch (ms) | bare add-one dispatch (ms) | ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const item of cases) {
    const r = medians(item.samples.filter((s) => s.kind === 'reader'));
    const b = medians(item.samples.filter((s) => s.kind === 'bare'));
    lines.push(
      `| ${item.document} | ${item.highlights.toLocaleString('en')} | ${r.pages}/${b.pages} | ${ms(r.firstPaint)} | ${ms(b.firstPaint)} | ${ratio(r.firstPaint, b.firstPaint)} | ${ms(r.addPaint)} | ${ms(b.addPaint)} | ${ratio(r.addPaint, b.addPaint)} | ${ms(r.addDispatch)} | ${ms(b.addDispatch)} | ${ratio(r.addDispatch, b.addDispatch)} |`,
    );
  }
  return lines.join('\n');
}

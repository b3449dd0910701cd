/** Small measuring helpers for the benchmarks: clocks, percentiles, memory. */

/** Milliseconds taken by `work`, and its result. */
export function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

/** The `p`-th percentile (0–100) of `samples` by the nearest-rank method; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The process's peak resident set size so far, in bytes (`process.resourceUsage().maxRSS`). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Current heap in use, in bytes, after a garbage collection when `--expose-gc` allows one. */
export function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

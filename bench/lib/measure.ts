/** Small measuring helpers for the benchmarks: clocks, percentiles, memory, processes. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Milliseconds taken by `work`, and its result. */
export function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

/** Milliseconds taken by asynchronous `work`, and its result. */
export async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** The `p`-th percentile (0–100) of `samples` by the nearest-rank method; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The median of `samples`. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** The process's peak resident set size so far, in bytes (`process.resourceUsage().maxRSS`). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Memory the process holds for its data, in bytes, after a garbage collection when
 * `--expose-gc` allows one: the JavaScript heap plus array buffers (typed arrays live there).
 */
export function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const TIME = '/usr/bin/time';

/** Runs a command to its end: wall-clock milliseconds, and its peak memory when GNU time is installed. */
export function timeProcess(command: readonly string[]): { ms: number; rssBytes: number | null; code: number | null; stdout: string; stderr: string } {
  const measured = existsSync(TIME);
  const argv = measured ? [TIME, '-f', '%M', ...command] : [...command];
  const start = performance.now();
  const result = spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - start;
  let stderr = result.stderr ?? '';
  let rssBytes: number | null = null;
  if (measured) {
    const lines = stderr.trimEnd().split('\n');
    const kb = Number(lines.pop());
    if (Number.isFinite(kb)) {
      rssBytes = kb * 1024;
      stderr = lines.join('\n');
    }
  }
  return { ms, rssBytes, code: result.status, stdout: result.stdout ?? '', stderr };
}

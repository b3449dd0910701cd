/**
 * Waiting out another process's lock. SQLite's busy timeout covers most waits, but a few of its
 * answers come back at once without waiting (a lock taken while another connection recovers the
 * journal, a race it lost a hundred times in a row); those are retried here, within the same
 * overall wait, so that several Apparatus windows and commands can share one project.
 */
import { sqliteCode } from './sqlite-errors.ts';

const SQLITE_BUSY = 5;
const SQLITE_PROTOCOL = 15;

/** True when `error` is SQLite saying another connection holds a lock it needs. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_BUSY || code === SQLITE_PROTOCOL;
}

/**
 * Runs `work`, running it again while it fails because the project is busy, until `waitMs` have
 * passed since the first try; then the last failure is thrown. `work` must change nothing when
 * it fails (a transaction that rolled back, a read).
 */
export function retryWhileBusy<T>(work: () => T, waitMs: number): T {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return work();
    } catch (error) {
      const left = deadline - Date.now();
      if (!isBusy(error) || left <= 0) throw error;
      // Jitter keeps processes that collided once from colliding again in step.
      sleep(Math.min(left, Math.min(100, 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

/** Blocks the thread for `ms` milliseconds (the store is synchronous, like node:sqlite). */
export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));
}

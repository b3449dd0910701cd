import type { DatabaseSync } from 'node:sqlite';
import { sleep } from './busy.ts';

/**
 * Runs `work` as one write transaction: every change it makes is committed together, or, if it
 * throws (or the commit fails, e.g. on a full disk), none is. Returns what `work` returned, and
 * only after the commit is durable (the store runs with `synchronous = FULL`).
 */
export function transact<T>(db: DatabaseSync, work: () => T): T {
  // IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout) at BEGIN
  // instead of failing halfway through an action.
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back on its own (it does after SQLITE_FULL).
    if (db.isTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // The original failure is the one worth reporting.
      }
    }
    throw error;
  }
}

/**
 * Copies every commit from the journal (`-wal`) into the database file and flushes it, trying
 * again for up to `waitMs` while another process's copy is running or a reader of an older
 * snapshot holds commits back. A passive copy, which never blocks other writers: with several
 * processes at work, a copy that took the write lock would keep them waiting. Returns false when
 * some commits stay only in the journal: they are safe there unless another program removes it.
 * Never throws: the commits themselves already succeeded.
 */
export function copyIntoDatabase(db: DatabaseSync, waitMs: number): boolean {
  const deadline = Date.now() + waitMs;
  for (;;) {
    let row: { busy: number; log: number; checkpointed: number } | undefined;
    try {
      row = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as typeof row;
    } catch {
      return false;
    }
    // Outside WAL mode both counts are -1: every commit is in the file already.
    if (row !== undefined && row.busy === 0 && row.checkpointed === row.log) return true;
    if (Date.now() >= deadline) return false;
    sleep(2 + Math.random() * 8);
  }
}

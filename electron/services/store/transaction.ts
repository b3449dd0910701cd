import type { DatabaseSync } from 'node:sqlite';

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
 * Copies every commit from the journal (`-wal`) into the database file and flushes it, waiting
 * (busy timeout) for readers of older snapshots. Returns false when some commits stay only in the
 * journal (a reader held on too long, or the copy failed): they are safe there unless another
 * program removes the journal. Never throws: the commits themselves already succeeded.
 */
export function copyIntoDatabase(db: DatabaseSync): boolean {
  try {
    const row = db.prepare('PRAGMA wal_checkpoint(FULL)').get() as
      | { busy: number; log: number; checkpointed: number }
      | undefined;
    // Outside WAL mode both counts are -1: every commit is in the file already.
    return row !== undefined && row.busy === 0 && row.checkpointed === row.log;
  } catch {
    return false;
  }
}

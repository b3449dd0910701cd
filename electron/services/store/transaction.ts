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

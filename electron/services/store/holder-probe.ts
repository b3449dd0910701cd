/**
 * Whether some connection still has the project open, asked of SQLite itself: every connection
 * to a database in WAL mode holds a shared lock on the file for as long as it is open (the OS drops
 * it when the process dies, even by SIGKILL). A probe in exclusive locking mode tries to take the
 * file for itself; it does not touch the `-shm` file, and the empty journal it may create it
 * deletes again on closing.
 */
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { isBusy, sleep } from './busy.ts';

/**
 * How long a connection must seem to hold the project without a journal before that counts: the
 * moments when it legitimately does last microseconds, but a loaded machine may pause a process
 * in the middle of one.
 */
export const JOURNAL_WAIT_MS = 2000;

/** True when another connection, in this process or another, has the WAL database `file` open. */
export function isOpenElsewhere(file: string): boolean {
  const probe = new DatabaseSync(file, { timeout: 0 });
  try {
    probe.exec('PRAGMA locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if (isBusy(error)) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * True when, for `waitMs`, the project `file` has no `-wal` file although some connection keeps
 * it open: that connection's journal was removed by another program. An open connection always
 * has its journal, so this state only passes by for a moment while a connection starts or
 * closes, or while another process runs this same probe; those moments are waited out.
 */
export function openWithoutJournal(file: string, waitMs: number): boolean {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (existsSync(`${file}-wal`) || !openElsewhereIfKnown(file)) return false;
    if (Date.now() >= deadline) return true;
    sleep(20 + Math.random() * 20);
  }
}

/**
 * `isOpenElsewhere`, or false when the probe cannot tell (the file is not a database, the folder
 * is read-only): SQLite's own open then reports what is wrong.
 */
export function openElsewhereIfKnown(file: string): boolean {
  try {
    return isOpenElsewhere(file);
  } catch {
    return false;
  }
}

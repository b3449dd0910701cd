/**
 * What the store checks before SQLite touches the project file, because SQLite itself would go on
 * without a word: a project file missing where a project existed (SQLite would create an empty
 * one), a journal (`-wal`) removed by another program (SQLite would start a fresh one and show
 * an older state), and a recovery copy still waiting for the user's decision.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { JOURNAL_WAIT_MS, openWithoutJournal } from './holder-probe.ts';
import { projectEvidence } from './project-marker.ts';
import { pendingRecoveryCopies, restorableCopies } from './recovery.ts';
import type { RestorableCopy } from './recovery.ts';
import { StoreRecoveryError } from './store-errors.ts';
import { readWalIndex } from './wal-index.ts';

/**
 * Throws `StoreRecoveryError` when the project `file` must not be opened as it is: a recovery
 * copy waits (`recovery-pending`), the file is missing where a project existed
 * (`project-missing`, unless `startAfresh`), another process holds it without its journal
 * (`journal-removed`), or commits were lost with a removed journal (`changes-lost`).
 */
export function checkBeforeOpening(file: string, options: { startAfresh?: boolean } = {}): void {
  const pending = pendingRecoveryCopies(file);
  if (pending.length > 0) throw recoveryPending(file, pending);
  if (!existsSync(file)) {
    const evidence = projectEvidence(file) ?? leftJournal(file);
    if (evidence === undefined || options.startAfresh) return;
    // Another process may have created the project between the two looks (its file comes before
    // its journal and marker): a project being created is checked as any other, not called missing.
    if (!existsSync(file)) throw missing(file, evidence);
  }
  // Without a journal, the file alone must hold every commit. A connection still open elsewhere
  // may hold commits the file lacks, and the index (`-shm`) tells whether a closed one did. The
  // index is read only once no connection, in this process or another, holds the project; where
  // nothing can be written (read-only media) the probe cannot run, and the file is all there is.
  if (!folderWritable(file)) return;
  for (let look = 0; look < 3; look += 1) {
    if (existsSync(`${file}-wal`)) return;
    if (openWithoutJournal(file, JOURNAL_WAIT_MS)) throw journalRemoved(file);
    const index = readWalIndex(`${file}-shm`);
    if (!index || index.frames <= index.copied) return;
    // A session may have started since the probe (it creates its journal before its index), or
    // ended (its index goes before its journal): only the same index with still no journal
    // means that commits went with a removed journal.
    if (!existsSync(`${file}-wal`) && inodeOf(`${file}-shm`) === index.inode) throw changesLost(file);
  }
}

function inodeOf(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

function recoveryPending(file: string, pending: RestorableCopy[]): StoreRecoveryError {
  const newest = pending[0] as RestorableCopy;
  return new StoreRecoveryError(
    'recovery-pending',
    `Apparatus kept a recovery copy of this project (${newest.name}, ${newest.created}) when ` +
      'another program removed or replaced its files. Restore it, or go on with the project as ' +
      'it is; until you choose, the project is not opened, so that nothing saved is lost.',
    { restorable: restorableCopies(file), recoveryCopy: newest.path },
  );
}

function missing(file: string, evidence: string): StoreRecoveryError {
  const restorable = restorableCopies(file);
  return new StoreRecoveryError(
    'project-missing',
    `The project file ${file} is missing, although ${evidence}. Apparatus will not start an ` +
      `empty project in its place.${offer(restorable, 'you can start a new, empty project instead')}`,
    { restorable },
  );
}

function journalRemoved(file: string): StoreRecoveryError {
  return new StoreRecoveryError(
    'journal-removed',
    `Apparatus cannot open the project now: another program removed one of its working files ` +
      `(${basename(file)}-wal) while the project is open in another Apparatus window or command. ` +
      'Close that window or command first, so that what it saved is kept, then try again.',
  );
}

function changesLost(file: string): StoreRecoveryError {
  const restorable = restorableCopies(file);
  return new StoreRecoveryError(
    'changes-lost',
    `Recent changes to this project were lost: another program removed its working file ` +
      `(${basename(file)}-wal) before they were written into the project file.` +
      `${offer(restorable)} Restore a copy, or go on with the project as it is.`,
    { restorable },
  );
}

function offer(restorable: readonly RestorableCopy[], otherwise?: string): string {
  if (restorable[0]) return ` The most recent copy that can be restored is from ${restorable[0].created}.`;
  return otherwise === undefined ? ' There is no backup to restore.' : ` There is no backup to restore; ${otherwise}.`;
}

function leftJournal(file: string): string | undefined {
  try {
    return statSync(`${file}-wal`).size > 0 ? 'its journal file is still here' : undefined;
  } catch {
    return undefined;
  }
}

function folderWritable(file: string): boolean {
  try {
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

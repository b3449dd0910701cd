/**
 * What an open store does when another program removed or replaced its files: it stops saving
 * (writing on would go into files nobody else sees, or mix two journals into one database), keeps
 * whatever only this connection still sees in a recovery copy beside the project, and says so.
 */
import type { DatabaseSync } from 'node:sqlite';
import { writeRecoveryCopy } from './recovery.ts';
import type { BackupCopy } from './recovery.ts';
import { toStoreError } from './sqlite-errors.ts';
import { StoreRecoveryError } from './store-errors.ts';
import type { WorkingFilesProblem } from './working-files.ts';

/** The open connection and whether it holds commits the project file may lack. */
export interface StopContext {
  db: DatabaseSync;
  file: string;
  now: Date;
  /** True when the project file may lack commits this connection made or sees. */
  needsCopy: boolean;
}

/**
 * The error every later action of the store throws, after writing the recovery copy when
 * `needsCopy`: `journal-removed` for the `-wal`/`-shm` files, `file-replaced` for the project
 * file itself.
 */
export function stopSaving(problem: WorkingFilesProblem, context: StopContext): StoreRecoveryError {
  let copy: BackupCopy | undefined;
  let failure: string | undefined;
  if (context.needsCopy) {
    try {
      // The connection still reads the files it opened, removed or not: the copy holds every
      // commit it made.
      copy = writeRecoveryCopy(context.db, context.file, context.now);
    } catch (error) {
      failure = toStoreError(error, context.file).message;
    }
  }
  const what =
    problem.part === 'journal'
      ? `Another program ${problem.change} one of the project's working files (${problem.name}) ` +
        'while Apparatus had the project open'
      : `The project file was ${problem.change} by another program while Apparatus had it open ` +
        '(a sync or backup tool may do this)';
  const kept = copy
    ? ` Everything saved so far is kept in a recovery copy: ${copy.path}. Close the project ` +
      'and open it again: Apparatus will offer to restore that copy.'
    : failure !== undefined
      ? ` Apparatus could not keep a recovery copy of the latest changes: ${failure}`
      : ' Everything saved until now is in the project file. Close the project (quit ' +
        'Apparatus, or let the command end) and open it again.';
  return new StoreRecoveryError(
    problem.part === 'journal' ? 'journal-removed' : 'file-replaced',
    `${what}, so Apparatus has stopped saving to keep the project safe.${kept}`,
    { happened: `${what}.`, ...(copy ? { restorable: [copy], recoveryCopy: copy.path } : {}) },
  );
}

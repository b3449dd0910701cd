/**
 * Recovery copies and restoring: the copy an open store keeps when another program removes or
 * replaces its files, the list of every copy a project can be restored from, restoring one, and
 * going on with a project as it is. The command line (`apparatus project`) and the app's opening
 * dialog both use these functions.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  backupFolder,
  isHealthy,
  listBackups,
  listSnapshots,
  replaceProjectFile,
  writeSnapshot,
} from './backups.ts';
import type { BackupInfo } from './backups.ts';
import { JOURNAL_WAIT_MS, openWithoutJournal } from './holder-probe.ts';
import { syncFolder } from '../atomic-write.ts';
import { openElsewhereIfKnown } from './holder-probe.ts';
import { readProjectFile } from './read-project-file.ts';
import { setAside, setAsideJournal, syncFile } from './set-aside.ts';
import { toStoreError } from './sqlite-errors.ts';
import { StoreError } from './store-errors.ts';
import { readWalIndex } from './wal-index.ts';
import { replacedCopies, type ReplacedCopy } from './replaced-copies.ts';

/** A copy the project can be restored from, and where it is: a backup, a recovery copy, or a project file a restore replaced. */
export type RestorableCopy = BackupCopy | ReplacedCopy;

/** A backup or recovery copy, and where it is. */
export type BackupCopy = BackupInfo & { path: string };

/** What `restoreCopy` restored: the copy without where it was. */
export type RestoredCopy = Omit<RestorableCopy, 'path'>;

/**
 * The recovery copies of `file` still waiting for the user's decision (they lie beside the
 * project file until it is restored or accepted as it is), newest first.
 */
export function pendingRecoveryCopies(file: string): BackupCopy[] {
  const folder = dirname(file);
  return listSnapshots(file, folder, ['recovery']).map((copy) => ({
    ...copy,
    path: join(folder, copy.name),
  }));
}

/** Writes what the open connection `db` sees into a new recovery copy beside `file`. */
export function writeRecoveryCopy(db: DatabaseSync, file: string, now: Date): BackupCopy {
  const folder = dirname(file);
  const copy = writeSnapshot(db, file, folder, 'recovery', now);
  return { ...copy, path: join(folder, copy.name) };
}

/**
 * Every copy the project `file` can be restored from — recovery copies and backups — that opens
 * and passes SQLite's quick check, newest first.
 */
export function restorableCopies(file: string): BackupCopy[] {
  return [...pendingRecoveryCopies(file), ...restorableBackups(file)]
    .filter((copy) => isHealthy(copy.path))
    .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
}

/**
 * Every copy the project `file` can be restored from, newest first: those of `restorableCopies`
 * and the project files earlier restores replaced, so that a restore can be undone. The replaced
 * files stay out of `restorableCopies`, whose newest copy is the one offered when the project is
 * damaged or missing: the project a user restored away from is not the one to propose.
 */
export function everyRestorableCopy(file: string): RestorableCopy[] {
  return [...restorableCopies(file), ...replacedCopies(file)].sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
}

/**
 * Replaces the project database `file` by the backup, recovery copy or replaced project file
 * called `name` (from `everyRestorableCopy`). The store must be closed everywhere. The current file is moved aside, never
 * deleted, and recovery copies waiting for a decision move into the backups folder, where they
 * stay restorable. Returns where the replaced file went.
 */
export function restoreCopy(
  file: string,
  name: string,
  now: Date = new Date(),
): { restored: RestoredCopy; setAside?: string } {
  try {
    const copy = [...pendingRecoveryCopies(file), ...restorableBackups(file), ...replacedCopies(file)].find(
      (candidate) => candidate.name === name,
    );
    if (!copy) {
      throw new StoreError('not-found', `There is no backup or recovery copy called “${name}” for this project.`);
    }
    const result = replaceProjectFile(file, copy.path, describeCopy(copy), now);
    fileAwayRecoveryCopies(file);
    const { path: _path, ...restored } = copy;
    return { restored, ...result };
  } catch (error) {
    throw toStoreError(error, file);
  }
}

/**
 * Goes on with the project `file` as it is, after the user was told what happened: recovery
 * copies waiting for a decision move into the backups folder (kept, still restorable), the index
 * of a removed journal is deleted (it describes commits that are gone and holds no data), a
 * damaged project file is set aside (never deleted), and where the project file is missing or was
 * set aside a new, empty project is started. Refused, changing nothing, while the project is open
 * somewhere. Returns one line per thing done, for the user.
 */
export function acceptProjectAsIs(file: string, now: Date = new Date()): string[] {
  try {
    const journalGone = existsSync(file) && !existsSync(`${file}-wal`);
    if (journalGone && openWithoutJournal(file, JOURNAL_WAIT_MS)) {
      throw new StoreError(
        'busy',
        'The project is still open in an Apparatus window or command. Close it first: nothing was changed.',
      );
    }
    const done: string[] = [];
    const filed = fileAwayRecoveryCopies(file);
    if (filed > 0) {
      done.push(`Kept ${filed === 1 ? 'the recovery copy' : `${filed} recovery copies`} among the backups.`);
    }
    if (journalGone) {
      const index = readWalIndex(`${file}-shm`);
      if (index && index.frames > index.copied) {
        rmSync(`${file}-shm`, { force: true });
        done.push('Went on without the changes that were lost with the removed working file.');
      }
    }
    // A damaged file cannot be gone on with as it is: it is set aside, as opening it would, and
    // the project starts anew, which is what `project check` offers accepting for.
    const damaged = existsSync(file) && readProjectFile(file, false, () => undefined).problems.length > 0;
    if (damaged && openElsewhereIfKnown(file)) {
      throw new StoreError('busy', 'The project is still open in an Apparatus window or command. Close it first: nothing was changed.');
    }
    if (damaged || !existsSync(file)) {
      // The new project is made whole beside the file first: where the disk has no room for it,
      // the damaged file has not moved and nothing is left in its place.
      const fresh = createEmptyDatabase(file);
      if (damaged) done.push(`Set the damaged project file aside as ${setAside(file, 'damaged', now)}; nothing was deleted.`);
      else setAsideJournal(file, 'abandoned', now);
      renameSync(fresh, file);
      syncFolder(dirname(file));
      done.push('Started a new, empty project; the backups and any files set aside stay where they are.');
    }
    return done;
  } catch (error) {
    throw toStoreError(error, file);
  }
}

// The copy in messages: "The backup of …".
function describeCopy(copy: RestorableCopy): string {
  if (copy.kind === 'recovery') return `The recovery copy of ${copy.created}`;
  if (copy.kind === 'replaced') return `The project as it was before the restore of ${copy.created}`;
  return `The backup of ${copy.created}`;
}

function restorableBackups(file: string): BackupCopy[] {
  const folder = backupFolder(file);
  return listBackups(file).map((copy) => ({ ...copy, path: join(folder, copy.name) }));
}

// A decided-on recovery copy no longer blocks opening, but it is the user's data: it is kept
// with the backups (never rotated away) rather than deleted.
function fileAwayRecoveryCopies(file: string): number {
  const pending = pendingRecoveryCopies(file);
  if (pending.length === 0) return 0;
  const folder = backupFolder(file);
  mkdirSync(folder, { recursive: true });
  for (const copy of pending) {
    let target = join(folder, copy.name);
    for (let n = 2; existsSync(target); n += 1) target = join(folder, copy.name.replace(/\.sqlite$/, `-${n}.sqlite`));
    renameSync(copy.path, target);
  }
  syncFolder(folder);
  syncFolder(dirname(file));
  return pending.length;
}

// An empty database in WAL mode, made beside `file` and returned, to be renamed into its place:
// the next open sees a file, not a missing project, and gives it the current schema like any new
// project. Where it cannot be made (a full disk), nothing is left behind: an empty file in the
// project's place would be taken by the next run for a damaged project.
function createEmptyDatabase(file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  const fresh = `${file}.new`;
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(fresh + suffix, { force: true });
  };
  remove();
  try {
    const db = new DatabaseSync(fresh);
    try {
      db.exec('PRAGMA journal_mode = WAL');
    } finally {
      db.close();
    }
    syncFile(fresh);
  } catch (error) {
    remove();
    throw error;
  }
  return fresh;
}

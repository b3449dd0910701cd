/**
 * Noticing when another program (a sync tool, a clean-up utility, a backup restored by hand)
 * removes or replaces the project's files while the store has them open. SQLite keeps using the
 * files it opened: after an unlink it writes into a journal nobody else can see, and a new
 * connection would start a fresh journal beside it. So the store records which files it opened
 * (device and inode) and checks before each action that the paths still name those files, and
 * that the database file has not shrunk (SQLite never shrinks it here: it is never vacuumed in
 * place), which is how an overwrite or a truncation in place shows.
 *
 * Only `stat` is used, never open and close: closing any descriptor of a file drops every POSIX
 * lock this process holds on it, SQLite's included.
 */
import { statSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { basename } from 'node:path';

/** What went wrong with the open files: the journal or the database itself was touched. */
export interface WorkingFilesProblem {
  /** `journal`: the `-wal` or `-shm` file; `database`: the project file itself. */
  part: 'journal' | 'database';
  /** The file's name, for the message. */
  name: string;
  /** What happened to it. */
  change: 'removed' | 'replaced' | 'overwritten';
}

interface Identity {
  path: string;
  dev: bigint;
  ino: bigint;
  size: bigint;
}

/** The files an open store uses, as they were when it opened them. */
export class WorkingFiles {
  #database: Identity;
  readonly #journal: Identity[];

  private constructor(database: Identity, journal: Identity[]) {
    this.#database = database;
    this.#journal = journal;
  }

  /**
   * Records the database `file` and, with `journal`, those of its `-wal` and `-shm` files that
   * exist now (a file read as unchanging has none). Call it once the connection has read the file.
   */
  static record(file: string, options: { journal: boolean }): WorkingFiles {
    const database = identify(file);
    if (!database) throw Object.assign(new Error(`${file} vanished while opening`), { code: 'ENOENT' });
    const companions = options.journal ? [`${file}-wal`, `${file}-shm`] : [];
    return new WorkingFiles(database, companions.flatMap((path) => identify(path) ?? []));
  }

  /** The first problem found, or undefined when every file is still the one that was opened. */
  check(): WorkingFilesProblem | undefined {
    const recorded = this.#database;
    const name = basename(recorded.path);
    const now = identify(recorded.path);
    if (!now) return { part: 'database', name, change: 'removed' };
    if (now.dev !== recorded.dev || now.ino !== recorded.ino) {
      return { part: 'database', name, change: 'replaced' };
    }
    if (now.size < recorded.size) return { part: 'database', name, change: 'overwritten' };
    this.#database = now;
    for (const identity of this.#journal) {
      const current = identify(identity.path);
      const change = !current ? 'removed' : current.dev === identity.dev && current.ino === identity.ino ? undefined : 'replaced';
      if (change) return { part: 'journal', name: basename(identity.path), change };
    }
    return undefined;
  }
}

function identify(path: string): Identity | undefined {
  let stats: BigIntStats;
  try {
    stats = statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
  return { path, dev: stats.dev, ino: stats.ino, size: stats.size };
}

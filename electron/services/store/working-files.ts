/**
 * Noticing when another program (a sync tool, a clean-up utility, a backup restored by hand)
 * removes or replaces the project's files while the store has them open. SQLite keeps using the
 * files it opened: after an unlink it writes into a journal nobody else can see, and a new
 * connection would start a fresh journal beside it. So the store records which files it opened
 * (device and inode) and checks before each action that the paths still name those files, and
 * that the database file has not shrunk (SQLite never shrinks it here: it is never vacuumed in
 * place) and still begins with the header of the database opened, which is how an overwrite or a
 * truncation in place shows (a copy written over the file keeps its inode, and may keep its size).
 *
 * Closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's
 * included. So the header is read through one descriptor per file, opened with the first store on
 * it in this process and closed only once the last of them has closed its connection.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
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

/** What the database header says that no write by SQLite changes, and its change counter. */
interface Header {
  pageSize: number;
  counter: number;
}

const HEADER_BYTES = 100;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** One descriptor per open database file of this process, shared by the stores on it. */
const descriptors = new Map<string, { fd: number; users: number }>();

/** The files an open store uses, as they were when it opened them. */
export class WorkingFiles {
  #database: Identity;
  readonly #journal: Identity[];
  readonly #key: string;
  #header: Header | undefined;
  #released = false;

  private constructor(database: Identity, journal: Identity[]) {
    this.#database = database;
    this.#journal = journal;
    this.#key = `${database.dev}:${database.ino}`;
    const shared = descriptors.get(this.#key);
    if (shared) shared.users += 1;
    else descriptors.set(this.#key, { fd: openSync(database.path, 'r'), users: 1 });
    const header = this.#readHeader();
    this.#header = header === 'foreign' ? undefined : header;
  }

  /** Lets go of the database file; call it once the connection on it is closed. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    const shared = descriptors.get(this.#key);
    if (!shared) return;
    shared.users -= 1;
    if (shared.users > 0) return;
    descriptors.delete(this.#key);
    closeSync(shared.fd);
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
    if (this.#overwritten()) return { part: 'database', name, change: 'overwritten' };
    this.#database = now;
    for (const identity of this.#journal) {
      const current = identify(identity.path);
      const change = !current ? 'removed' : current.dev === identity.dev && current.ino === identity.ino ? undefined : 'replaced';
      if (change) return { part: 'journal', name: basename(identity.path), change };
    }
    return undefined;
  }

  /** True when the `-wal` at the database's path is still the one this connection opened. */
  ownJournal(): boolean {
    const wal = this.#journal.find((identity) => identity.path.endsWith('-wal'));
    const current = wal && identify(wal.path);
    return current !== undefined && current.dev === wal!.dev && current.ino === wal!.ino;
  }

  // Another database, a file that is no database, or an older copy of this one (SQLite only ever
  // raises the change counter) now where the database was.
  #overwritten(): boolean {
    const header = this.#readHeader();
    if (header === undefined) return false;
    if (header === 'foreign') return true;
    const before = this.#header;
    this.#header = header;
    return before !== undefined && (header.pageSize !== before.pageSize || header.counter < before.counter);
  }

  // Undefined while the file is too short to hold a header (a new project before its first save).
  #readHeader(): Header | 'foreign' | undefined {
    const shared = descriptors.get(this.#key);
    if (this.#released || !shared) return undefined;
    const bytes = Buffer.alloc(HEADER_BYTES);
    if (readSync(shared.fd, bytes, 0, HEADER_BYTES, 0) < HEADER_BYTES) return undefined;
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'foreign';
    return { pageSize: bytes.readUInt16BE(16), counter: bytes.readUInt32BE(24) };
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

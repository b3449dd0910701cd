/**
 * This replica's copy of the group's documents, as the Yjs updates that built them, in a small
 * SQLite file next to the project. Local changes are kept until the server has acknowledged them
 * (so edits made offline are sent on reconnect and counted as waiting meanwhile); updates received
 * from the server are kept too, so the shared corpus opens offline.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { SyncError } from './sync-error.ts';

/** One stored update. */
export interface LoggedUpdate {
  seq: number;
  data: Uint8Array;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     data BLOB NOT NULL,
     local INTEGER NOT NULL,
     acked INTEGER NOT NULL
   ) STRICT`,
  'CREATE INDEX IF NOT EXISTS updates_waiting ON updates (doc, acked)',
  'CREATE TABLE IF NOT EXISTS identity (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT',
];

/** The update log of one replica: one group, one member. */
export class UpdateLog {
  readonly #db: DatabaseSync;
  #dataVersion: number | undefined;

  /** Opens (creating) the log in `file` for `user` in `group`; refuses a log kept for another. */
  constructor(file: string, group: string, user: string) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      this.#db = new DatabaseSync(file, { timeout: 5000 });
      this.#db.exec('PRAGMA journal_mode = WAL');
      this.#db.exec('PRAGMA synchronous = FULL');
      for (const statement of SCHEMA) this.#db.exec(statement);
    } catch (error) {
      throw new SyncError('local-state', `The sharing state in ${file} cannot be opened: ${(error as Error).message}`);
    }
    const identity = this.#identity();
    if (identity.group === undefined) {
      const insert = this.#db.prepare('INSERT INTO identity (key, value) VALUES (?, ?)');
      insert.run('group', group);
      insert.run('user', user);
    } else if (identity.group !== group || identity.user !== user) {
      this.#db.close();
      throw new SyncError('local-state', `The sharing state in ${file} belongs to ${identity.user} in the group “${identity.group}”, not to ${user} in “${group}”.`);
    }
  }

  /** Appends an update of `doc`; local ones wait for the server's acknowledgement. Returns its number. */
  append(doc: string, data: Uint8Array, local: boolean): number {
    const result = this.#db.prepare('INSERT INTO updates (doc, data, local, acked) VALUES (?, ?, ?, ?)').run(doc, data, local ? 1 : 0, local ? 0 : 1);
    return Number(result.lastInsertRowid);
  }

  /** Every stored update of `doc`, in order. */
  all(doc: string): Uint8Array[] {
    return this.#db
      .prepare('SELECT data FROM updates WHERE doc = ? ORDER BY seq')
      .all(doc)
      .flatMap((row) => (row.data instanceof Uint8Array ? [row.data] : []));
  }

  /** The local updates of `doc` the server has not acknowledged yet. */
  waiting(doc: string): LoggedUpdate[] {
    return this.#db
      .prepare('SELECT seq, data FROM updates WHERE doc = ? AND acked = 0 ORDER BY seq')
      .all(doc)
      .flatMap((row) => (row.data instanceof Uint8Array ? [{ seq: Number(row.seq), data: row.data }] : []));
  }

  /** How many local updates wait for the server, of one document or of all. */
  waitingCount(doc?: string): number {
    const row = doc === undefined ? this.#db.prepare('SELECT count(*) AS n FROM updates WHERE acked = 0').get() : this.#db.prepare('SELECT count(*) AS n FROM updates WHERE doc = ? AND acked = 0').get(doc);
    return Number(row?.n ?? 0);
  }

  /** The highest number an update has (0 when there is none). */
  lastSeq(): number {
    return Number(this.#db.prepare('SELECT coalesce(max(seq), 0) AS n FROM updates').get()?.n ?? 0);
  }

  /** The local updates still waiting, of every document, numbered above `after`. */
  waitingAfter(after: number): (LoggedUpdate & { doc: string })[] {
    return this.#db
      .prepare('SELECT seq, doc, data FROM updates WHERE seq > ? AND acked = 0 ORDER BY seq')
      .all(after)
      .flatMap((row) => (row.data instanceof Uint8Array ? [{ seq: Number(row.seq), doc: String(row.doc), data: row.data }] : []));
  }

  /**
   * Whether another connection to the file (another process working on the project) has written
   * to it since the last call; false on the first.
   */
  changedElsewhere(): boolean {
    const version = Number(this.#db.prepare('PRAGMA data_version').get()?.data_version ?? 0);
    const changed = this.#dataVersion !== undefined && version !== this.#dataVersion;
    this.#dataVersion = version;
    return changed;
  }

  /** The documents with local updates the server has not acknowledged yet. */
  waitingDocuments(): string[] {
    return this.#db.prepare('SELECT DISTINCT doc FROM updates WHERE acked = 0 ORDER BY doc').all().map((row) => String(row.doc));
  }

  /** Drops every acknowledged update of `doc` (a copy kept elsewhere: the server, the corpus folder). */
  forget(doc: string): void {
    this.#db.prepare('DELETE FROM updates WHERE doc = ? AND acked = 1').run(doc);
  }

  /** The numbers among `seqs` still waiting. */
  stillWaiting(seqs: readonly number[]): number[] {
    if (seqs.length === 0) return [];
    const rows = this.#db.prepare(`SELECT seq FROM updates WHERE acked = 0 AND seq IN (${seqs.map(() => '?').join(',')})`).all(...seqs);
    return rows.map((row) => Number(row.seq));
  }

  /** Records that the server holds the updates `seqs`. */
  acknowledge(seqs: readonly number[]): void {
    const mark = this.#db.prepare('UPDATE updates SET acked = 1 WHERE seq = ?');
    this.#transaction(() => {
      for (const seq of seqs) mark.run(seq);
    });
  }

  /**
   * Replaces the acknowledged updates of `doc` by one holding `state` (encoded from the document
   * that holds them all); updates still waiting stay as they are, to be counted and acknowledged.
   */
  compact(doc: string, state: Uint8Array): void {
    this.#transaction(() => {
      this.#db.prepare('DELETE FROM updates WHERE doc = ? AND acked = 1').run(doc);
      this.#db.prepare('INSERT INTO updates (doc, data, local, acked) VALUES (?, ?, 0, 1)').run(doc, state);
    });
  }

  /** How many acknowledged updates `doc` has (to know when compacting is worth it). */
  settledCount(doc: string): number {
    return Number(this.#db.prepare('SELECT count(*) AS n FROM updates WHERE doc = ? AND acked = 1').get(doc)?.n ?? 0);
  }

  /** Closes the log file. */
  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #identity(): { group?: string; user?: string } {
    const rows = this.#db.prepare('SELECT key, value FROM identity').all();
    const value = (key: string) => rows.find((row) => row.key === key)?.value;
    const group = value('group');
    const user = value('user');
    return { group: group === undefined ? undefined : String(group), user: user === undefined ? undefined : String(user) };
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** A document built from every update `log` holds for `name`, skipping any that cannot be read. */
export function loadDocument(log: UpdateLog, name: string, origin: unknown): Y.Doc {
  const doc = new Y.Doc();
  for (const update of log.all(name)) {
    try {
      Y.applyUpdate(doc, update, origin);
    } catch {
      // A damaged update is skipped; the server still holds what it acknowledged.
    }
  }
  return doc;
}

/**
 * Shared documents on disk. Every update a client sends is appended (and synced to disk) before
 * the server applies and acknowledges it; from time to time a document's updates are compacted
 * into its state. Loading applies the state and then the updates, skipping any a client sent
 * malformed, so one bad update cannot make a document unreadable.
 */
import type { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { inTransaction } from './server-database.ts';

/** The stored documents of one server database. */
export class DocumentStore {
  readonly #db: DatabaseSync;
  readonly #log: (line: string) => void;

  constructor(db: DatabaseSync, log: (line: string) => void) {
    this.#db = db;
    this.#log = log;
  }

  /** Appends an update to document `name`, durably; returns its row id. */
  append(name: string, update: Uint8Array): number {
    return Number(this.#db.prepare('INSERT INTO updates (name, data) VALUES (?, ?)').run(name, update).lastInsertRowid);
  }

  /** Applies the stored state and updates of `name` to `doc`. */
  load(name: string, doc: Y.Doc): void {
    const row = this.#db.prepare('SELECT state FROM documents WHERE name = ?').get(name);
    if (row?.state instanceof Uint8Array) this.#apply(name, doc, row.state);
    for (const update of this.#db.prepare('SELECT data FROM updates WHERE name = ? ORDER BY id').iterate(name)) {
      if (update.data instanceof Uint8Array) this.#apply(name, doc, update.data);
    }
  }

  /**
   * Replaces the stored state of `name` by `state`, encoded from the document as it is now, and
   * drops the logged updates it holds: all of them except `inFlight`, those logged but not yet
   * applied when `state` was encoded.
   */
  compact(name: string, state: Uint8Array, now: Date, inFlight: ReadonlySet<number>): void {
    inTransaction(this.#db, () => {
      this.#db
        .prepare('INSERT INTO documents (name, state, stored) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, stored = excluded.stored')
        .run(name, state, now.toISOString());
      const remove = this.#db.prepare('DELETE FROM updates WHERE id = ?');
      for (const row of this.#db.prepare('SELECT id FROM updates WHERE name = ?').all(name)) {
        if (!inFlight.has(Number(row.id))) remove.run(Number(row.id));
      }
    });
  }

  #apply(name: string, doc: Y.Doc, update: Uint8Array): void {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      this.#log(`skipped a malformed stored update of ${name}: ${(error as Error).message}`);
    }
  }
}

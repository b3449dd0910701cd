/**
 * Shared documents on disk. Every change is appended (and synced to disk) as the server applies
 * it, before it is acknowledged; from time to time a document's updates are compacted into its
 * state. Loading merges the state and the updates.
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

  /** Appends an update to document `name`, durably. */
  append(name: string, update: Uint8Array): void {
    this.#db.prepare('INSERT INTO updates (name, data) VALUES (?, ?)').run(name, update);
  }

  /**
   * The stored state and updates of `name` merged into one update (without building a document,
   * which would double the memory a large document takes while it loads), or null for a new one.
   */
  load(name: string): Uint8Array | null {
    const pieces: Uint8Array[] = [];
    const row = this.#db.prepare('SELECT state FROM documents WHERE name = ?').get(name);
    if (row?.state instanceof Uint8Array) pieces.push(row.state);
    for (const update of this.#db.prepare('SELECT data FROM updates WHERE name = ? ORDER BY id').iterate(name)) {
      if (update.data instanceof Uint8Array) pieces.push(update.data);
    }
    if (pieces.length === 0) return null;
    if (pieces.length === 1) return pieces[0] ?? null;
    try {
      return Y.mergeUpdates(pieces);
    } catch {
      return this.#mergeReadable(name, pieces);
    }
  }

  // A damaged piece makes the whole merge fail: apply the pieces one by one to keep every readable one.
  #mergeReadable(name: string, pieces: Uint8Array[]): Uint8Array {
    const doc = new Y.Doc();
    for (const piece of pieces) {
      try {
        Y.applyUpdate(doc, piece);
      } catch (error) {
        this.#log(`skipped a malformed stored update of ${name}: ${(error as Error).message}`);
      }
    }
    return Y.encodeStateAsUpdate(doc);
  }

  /**
   * Replaces the stored state of `name` by `state` and drops its logged updates. `state` must be
   * encoded from the document as it is now: it holds every logged update, as each is logged while
   * it is applied.
   */
  compact(name: string, state: Uint8Array, now: Date): void {
    inTransaction(this.#db, () => {
      this.#db
        .prepare('INSERT INTO documents (name, state, stored) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, stored = excluded.stored')
        .run(name, state, now.toISOString());
      this.#db.prepare('DELETE FROM updates WHERE name = ?').run(name);
    });
  }
}

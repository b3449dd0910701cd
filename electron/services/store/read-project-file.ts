/**
 * Reading a project database without changing it, for the check and for deciding whether a file
 * is damaged: SQLite's thorough integrity check, on media where SQLite may not write beside it.
 */
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { integrityCheck } from './open-database.ts';

/**
 * What SQLite's integrity check finds wrong with the project database `file` (a file that is not
 * a database is one problem), and, when nothing is, what `read` reads from it. With `fileOnly`,
 * its journal is left out (it cannot be trusted). Read-only media and a full disk, where SQLite
 * cannot make its index beside the file, are read as they are.
 */
export function readProjectFile<T>(file: string, fileOnly: boolean, read: (db: DatabaseSync) => T): { problems: string[]; contents?: T } {
  let db: DatabaseSync | undefined;
  try {
    db = fileOnly ? frozen(file) : new DatabaseSync(file, { readOnly: true });
    try {
      db.prepare('PRAGMA schema_version').get();
    } catch {
      // Read-only media or a full disk: SQLite cannot make its index beside the file.
      db.close();
      db = frozen(file);
    }
    const problems = integrityCheck(db);
    if (problems.length > 0) return { problems };
    return { problems, contents: read(db) };
  } catch (error) {
    return { problems: [(error as Error).message] };
  } finally {
    db?.close();
  }
}

/** `file` opened as an unchanging file: nothing is created beside it, and its journal is not read. */
export function frozen(file: string): DatabaseSync {
  const url = pathToFileURL(file);
  url.searchParams.set('immutable', '1');
  return new DatabaseSync(url, { readOnly: true });
}

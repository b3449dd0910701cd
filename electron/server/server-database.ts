/**
 * The server's one SQLite database (`apparatus-server.sqlite` in the data folder): users, groups
 * and members, and every shared document. Written durably (WAL, full sync), so an update the
 * server has acknowledged is on disk even if the process is killed the next instant.
 */
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createFolder, FolderRefusal } from '../services/create-folder.ts';
import { ServerError } from './server-error.ts';

/** The database file's name inside the data folder. */
export const SERVER_DATABASE = 'apparatus-server.sqlite';

const SCHEMA = [
  `CREATE TABLE users (
     name TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     created TEXT NOT NULL
   ) STRICT`,
  `CREATE TABLE groups (
     name TEXT PRIMARY KEY,
     created TEXT NOT NULL
   ) STRICT`,
  `CREATE TABLE members (
     group_name TEXT NOT NULL REFERENCES groups(name) ON DELETE CASCADE,
     user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'reader')),
     PRIMARY KEY (group_name, user_name)
   ) STRICT`,
  // A document is its last compacted state plus the updates received since, in order.
  `CREATE TABLE documents (
     name TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     stored TEXT NOT NULL
   ) STRICT`,
  `CREATE TABLE updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     name TEXT NOT NULL,
     data BLOB NOT NULL
   ) STRICT`,
  'CREATE INDEX updates_by_name ON updates (name, id)',
];

/** Opens (creating if needed) the server database in `folder`. */
export function openServerDatabase(folder: string): DatabaseSync {
  try {
    createFolder(folder);
  } catch (error) {
    if (!(error instanceof FolderRefusal)) throw error;
    throw new ServerError('unreadable', `The data folder ${folder} cannot be used: ${error.message} Give --data a folder this account may write in.`);
  }
  // SQLite opens a database in a folder it cannot write with a bare "unable to open database file".
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new ServerError('unreadable', `The data folder ${folder} cannot be used: this account may not write in it. Give --data a folder this account may write in.`);
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(join(folder, SERVER_DATABASE), { timeout: 5000, enableForeignKeyConstraints: true });
  } catch (error) {
    throw new ServerError('unreadable', `The server database in ${folder} cannot be opened: ${(error as Error).message}`);
  }
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    const version = Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
    if (version === 0) {
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const statement of SCHEMA) db.exec(statement);
        db.exec('PRAGMA user_version = 1');
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    } else if (version > 1) {
      throw new ServerError('unreadable', `The server database in ${folder} was written by a newer Apparatus; upgrade this one.`);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof ServerError) throw error;
    throw new ServerError('unreadable', `The server database in ${folder} cannot be read: ${(error as Error).message}`);
  }
}

/** Runs `work` in one immediate transaction. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * A child process that holds a read transaction open on the project at argv[2] (run directly by
 * Node 24), as a long export would: until it is killed, no checkpoint can copy commits made after
 * its snapshot into the database file. Prints `reading` once its snapshot is taken.
 */
import { writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

const file = process.argv[2];
if (!file) throw new Error('usage: store-reader.ts <project.sqlite>');
const db = new DatabaseSync(file, { readOnly: true });
db.exec('BEGIN');
db.prepare('SELECT count(*) FROM annotations').get();
writeSync(1, 'reading\n');
setInterval(() => {}, 60_000);

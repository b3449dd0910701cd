/**
 * `npm run bench:store` (`node bench/store-safety.ts`): what the project store's protection
 * against other programs costs per saved highlight, measured side by side in one run on one disk.
 * Rows: the working-file identity check the store makes before each action (three `stat` calls,
 * timed over many repetitions, since one is far below the noise of a disk write), a bare SQLite
 * write transaction (WAL, synchronous = FULL), the same plus the passive checkpoint that copies
 * each commit into the project file, and the store's own `create` (which adds input validation,
 * both of those, and reading the highlight back). Ratios are to the bare transaction.
 *
 * Options: `--writes N` (per row and round, default 300), `--rounds N` (default 3; the median
 * round is reported).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { openProjectStore } from '../electron/services/store/index.ts';

type Row = 'identity check' | 'bare transaction' | '+ copy into the file' | 'store.create';
const ROWS: Row[] = ['identity check', 'bare transaction', '+ copy into the file', 'store.create'];

function identityCheck(file: string, repetitions: number): number {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; CREATE TABLE notes (note TEXT)');
  const started = performance.now();
  for (let i = 0; i < repetitions; i += 1) {
    for (const path of [file, `${file}-wal`, `${file}-shm`]) statSync(path, { bigint: true });
  }
  const elapsed = performance.now() - started;
  db.close();
  return elapsed / repetitions;
}

function bare(file: string, writes: number, copy: boolean): number {
  const db = new DatabaseSync(file, { timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO notes (note) VALUES (?)');
  const started = performance.now();
  for (let i = 0; i < writes; i += 1) {
    db.exec('BEGIN IMMEDIATE');
    insert.run(`A note of a realistic length, number ${i}. `.repeat(4));
    db.exec('COMMIT');
    if (copy) db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get();
  }
  const elapsed = performance.now() - started;
  db.close();
  return elapsed / writes;
}

function store(file: string, writes: number): number {
  const project = openProjectStore(file);
  const started = performance.now();
  for (let i = 0; i < writes; i += 1) {
    project.create({
      sourceId: 'bench',
      quote: { exact: `passage ${i}`, prefix: 'before ', suffix: ' after' },
      position: { start: i * 10, end: i * 10 + 9 },
      note: `A note of a realistic length, number ${i}. `.repeat(4),
    });
  }
  const elapsed = performance.now() - started;
  project.close();
  return elapsed / writes;
}

function main(): void {
  const { values } = parseArgs({ options: { writes: { type: 'string', default: '300' }, rounds: { type: 'string', default: '3' } } });
  const writes = Number(values.writes);
  const rounds = Number(values.rounds);
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-bench-store-'));
  const samples = new Map<Row, number[]>(ROWS.map((row) => [row, []]));
  try {
    for (let round = 0; round < rounds; round += 1) {
      // Interleaved, so that a busy moment of the machine falls on every row alike.
      for (const row of ROWS) {
        const file = join(folder, `${round}-${ROWS.indexOf(row)}.sqlite`);
        const ms =
          row === 'store.create'
            ? store(file, writes)
            : row === 'identity check'
              ? identityCheck(file, writes * 100)
              : bare(file, writes, row === '+ copy into the file');
        samples.get(row)?.push(ms);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;
  const base = median(samples.get('bare transaction') ?? []);
  process.stdout.write(`Project store: cost per saved change (${writes} writes × ${rounds} rounds, median round)\n`);
  for (const row of ROWS) {
    const ms = median(samples.get(row) ?? []);
    process.stdout.write(`  ${row.padEnd(22)} ${ms.toFixed(3).padStart(8)} ms   ×${(ms / base).toFixed(3)}\n`);
  }
}

main();

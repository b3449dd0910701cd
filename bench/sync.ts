/**
 * `npm run bench:sync` (`node --expose-gc bench/sync.ts`): sharing through the sync server,
 * measured in one run. The server runs in this process (so its heap can be measured after a
 * garbage collection); every client runs in a child process, as members' apps would:
 *
 * - catch-up: a member with an empty replica connects and receives 10,000 annotations, side by
 *   side with the same replica reopening them from its local update log (no network);
 * - memory: the server's heap and resident memory, idle and with 20 members connected (each
 *   following the group's documents), side by side.
 *
 * Options: `--annotations N` (default 10000), `--clients N` (default 20).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Annotation } from '../core/annotate/model.ts';
import { COLORS } from '../core/annotate/palette.ts';
import { AccessStore } from '../electron/server/access-store.ts';
import { openServerDatabase } from '../electron/server/server-database.ts';
import { startSyncServer } from '../electron/server/sync-server.ts';
import { SyncEngine } from '../electron/services/sync/sync-engine.ts';

const SELF = fileURLToPath(import.meta.url);

interface Job {
  url: string;
  folder: string;
  tokens: Record<string, string>;
  count: number;
}

function annotation(n: number): Annotation {
  const start = (n * 37) % 90_000;
  const exact = `passage ${n} on the Vlora base`;
  return {
    id: `30000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    sourceId: ['edemskiy-2019', 'memorie-kapo', 'pilaca-nako-2021'][n % 3] ?? 'edemskiy-2019',
    quote: { exact, prefix: 'the text before ', suffix: ' and after it' },
    position: { start, end: start + exact.length },
    color: COLORS[n % COLORS.length] ?? 'yellow',
    tags: [],
    note: n % 4 === 0 ? `A note on passage ${n}: compare the Soviet and Albanian accounts.` : '',
    omissions: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    anchor: 'anchored',
  };
}

function engine(job: Job, user: string): SyncEngine {
  return SyncEngine.open({ url: job.url, group: 'hist', user, token: job.tokens[user] ?? '', stateFile: join(job.folder, `${user}.sqlite`), checkpointMs: 200 });
}

async function synced(member: SyncEngine): Promise<void> {
  const status = await member.settled();
  if (status.state === 'error') throw new Error(status.reason);
}

// The clients, each role in a child process; each prints one line of JSON.
async function child(role: string, job: Job): Promise<void> {
  if (role === 'publish') {
    const anna = engine(job, 'anna');
    let started = performance.now();
    anna.applyLocalBatch(Array.from({ length: job.count }, (_, n) => ({ type: 'annotation.created' as const, annotation: annotation(n) })));
    const publish = performance.now() - started;
    started = performance.now();
    anna.connect();
    await synced(anna);
    const upload = performance.now() - started;
    await anna.close();
    process.stdout.write(`${JSON.stringify({ publish, upload })}\n`);
  } else if (role === 'catch-up') {
    let bob = engine(job, 'bob');
    let started = performance.now();
    bob.connect();
    await synced(bob);
    const catchUp = performance.now() - started;
    const received = bob.state().annotations.length;
    await bob.close();
    started = performance.now();
    bob = engine(job, 'bob');
    const reopened = bob.state().annotations.length;
    const local = performance.now() - started;
    await bob.close();
    process.stdout.write(`${JSON.stringify({ catchUp, local, received, reopened })}\n`);
  } else {
    const members = Object.keys(job.tokens).filter((name) => name.startsWith('member')).map((name) => engine(job, name));
    for (const member of members) member.connect();
    await Promise.all(members.map(synced));
    process.stdout.write(`${JSON.stringify({ connected: members.length })}\n`);
    // Stay connected until the bench has measured the server, then leave.
    await new Promise((resolve) => process.stdin.once('data', resolve));
    for (const member of members) await member.close();
  }
}

function runChild<T>(role: string, job: Job, whileRunning?: () => Promise<void>): Promise<T> {
  const process_ = spawn(process.execPath, [SELF, '--child', role, JSON.stringify(job)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve, reject) => {
    process_.stdout.on('data', async (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!output.includes('\n')) return;
      const result = JSON.parse(output.split('\n')[0] ?? '') as T;
      if (whileRunning) await whileRunning();
      process_.stdin.end('done\n');
      process_.once('exit', () => resolve(result));
    });
    process_.once('exit', (code) => {
      if (!output.includes('\n')) reject(new Error(`the ${role} client exited (${code})`));
    });
  });
}

function memory(): { heap: number; rss: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:sync does)');
  gc();
  gc();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, rss: usage.rss };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { annotations: { type: 'string', default: '10000' }, clients: { type: 'string', default: '20' }, child: { type: 'string' } }, allowPositionals: true });
  if (values.child) {
    await child(values.child, JSON.parse(process.argv[process.argv.length - 1] ?? '{}') as Job);
    return;
  }
  const count = Number(values.annotations);
  const clients = Number(values.clients);
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-bench-sync-'));
  const data = join(folder, 'server');
  const db = openServerDatabase(data);
  const access = new AccessStore(db);
  access.createGroup('hist');
  const tokens: Record<string, string> = {};
  for (const name of ['anna', 'bob', ...Array.from({ length: clients }, (_, i) => `member${i + 1}`)]) {
    tokens[name] = access.addUser(name);
    access.setMember('hist', name, name === 'anna' ? 'owner' : 'reader');
  }
  db.close();
  const server = await startSyncServer({ dataDir: data, port: 0, log: () => {} });
  const job: Job = { url: server.url, folder, tokens, count };
  try {
    const idle = memory();
    process.stderr.write(`bench:sync: anna publishes ${count.toLocaleString('en')} annotations offline, then sends them…\n`);
    const sent = await runChild<{ publish: number; upload: number }>('publish', job);
    process.stderr.write('bench:sync: bob catches up from the server…\n');
    const caught = await runChild<{ catchUp: number; local: number; received: number; reopened: number }>('catch-up', job);
    if (caught.received !== count || caught.reopened !== count) throw new Error(`expected ${count} annotations, received ${caught.received} and reopened ${caught.reopened}`);
    process.stderr.write(`bench:sync: ${clients} members connect…\n`);
    let busy = idle;
    let connections = 0;
    await runChild<{ connected: number }>('members', job, async () => {
      busy = memory();
      connections = server.connectionCount();
    });
    const rows = [
      ['What', 'Figure', 'Side by side'],
      [`Publish ${count.toLocaleString('en')} annotations into a local replica`, seconds(sent.publish), ''],
      ['Send them to the server', seconds(sent.upload), ''],
      [`Catch up ${count.toLocaleString('en')} annotations from the server`, seconds(caught.catchUp), `${(caught.catchUp / caught.local).toFixed(1)}× reopening them locally (${seconds(caught.local)})`],
      [`Server heap, ${clients} members connected (${connections} documents open)`, mb(busy.heap), `${(busy.heap / idle.heap).toFixed(1)}× idle (${mb(idle.heap)})`],
      [`Server resident memory, ${clients} members connected`, mb(busy.rss), `${(busy.rss / idle.rss).toFixed(1)}× idle (${mb(idle.rss)})`],
    ];
    const width = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
    const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(width[column] ?? 0)).join(' | ')} |`;
    const [header, ...body] = rows;
    process.stdout.write(`${[line(header ?? []), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n')}\n`);
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();

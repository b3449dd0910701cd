import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/annotate/model.ts';
import type { LocalReceipt, SyncEngine } from '../../../electron/services/sync/sync-engine.ts';
import { seededRandom } from '../../support/share-actions.ts';
import { makeGroup, spawnServer, tempFolder, until, type ServerProcess } from '../../support/share-server.ts';
import { openEngine, settle } from '../../support/sync-engines.ts';

// `npm test` kills the server a few times; `npm run test:reliability` sets APPARATUS_SERVER_KILL_TRIALS.
const TRIALS = Number(process.env.APPARATUS_SERVER_KILL_TRIALS) || 3;

let folder: { dir: string; remove(): void };
let server: ServerProcess | undefined;
const engines: SyncEngine[] = [];

beforeEach(() => {
  folder = tempFolder('apparatus-crash-');
});

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
  server?.child.kill('SIGKILL');
  server = undefined;
  folder.remove();
});

function highlight(id: string, note: string): Annotation {
  return {
    id,
    sourceId: 'memorie-kapo',
    quote: { exact: 'Vlora', prefix: '', suffix: '' },
    position: { start: 1, end: 6 },
    color: 'yellow',
    tags: [],
    note,
    omissions: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    anchor: 'anchored',
  };
}

function killed(child: ServerProcess['child']): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('the server killed with SIGKILL while clients sync', () => {
  for (let trial = 1; trial <= TRIALS; trial += 1) {
    it(`loses nothing it acknowledged, and the clients resume (trial ${trial} of ${TRIALS})`, async () => {
      const data = `${folder.dir}/server`;
      const tokens = makeGroup(data, 'hist', { anna: 'owner', bob: 'editor', carl: 'reader' });
      server = await spawnServer(data);
      const open = (label: string, user: string) => {
        const engine = openEngine(folder.dir, label, server?.url ?? '', 'hist', user, tokens[user] ?? '');
        engines.push(engine);
        return engine;
      };
      const anna = open('anna', 'anna');
      const bob = open('bob', 'bob');
      anna.connect();
      bob.connect();
      await Promise.all([settle(anna), settle(bob)]);

      // Both write steadily; the server is killed at a random moment while changes are in flight.
      const random = seededRandom(trial * 104729);
      const written: { id: string; note: string; engine: SyncEngine; receipt: LocalReceipt }[] = [];
      let n = 0;
      const write = (engine: SyncEngine, who: string) => {
        n += 1;
        const id = `20000000-0000-4000-8${who === 'anna' ? '0' : '1'}00-${n.toString(16).padStart(12, '0')}`;
        const note = `${who} ${n}`;
        written.push({ id, note, engine, receipt: engine.applyLocal({ type: 'annotation.created', annotation: highlight(id, note) }) });
      };
      const killAfter = 300 + Math.floor(random() * 700);
      const started = Date.now();
      while (Date.now() - started < killAfter) {
        write(anna, 'anna');
        write(bob, 'bob');
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(random() * 20)));
      }
      write(anna, 'anna');
      await killed(server.child);
      await until(() => anna.status().state === 'offline' && bob.status().state === 'offline', 'the clients noticed');
      // Clients stay offline while the server restarts, so only what it stored can come back.
      anna.disconnect();
      bob.disconnect();
      const held = written.filter((entry) => entry.engine.acknowledged(entry.receipt));
      expect(held.length).toBeGreaterThan(0);

      server = await spawnServer(data, server.port);
      const carl = open('carl', 'carl');
      carl.connect();
      expect(await settle(carl)).toEqual({ state: 'synced', waiting: 0 });
      const stored = new Map(carl.state().annotations.map((annotation) => [annotation.id, annotation.note]));
      for (const entry of held) expect(stored.get(entry.id)).toBe(entry.note);

      // The clients resume on the restarted server and send what it had not acknowledged.
      anna.connect();
      bob.connect();
      expect(await settle(anna)).toEqual({ state: 'synced', waiting: 0 });
      expect(await settle(bob)).toEqual({ state: 'synced', waiting: 0 });
      await until(() => carl.state().annotations.length === written.length, 'every change reached the reader');
      expect(new Map(carl.state().annotations.map((annotation) => [annotation.id, annotation.note]))).toEqual(new Map(written.map((entry) => [entry.id, entry.note])));
      for (const token of Object.values(tokens)) expect(server.output()).not.toContain(token);
    }, 120_000);
  }
});

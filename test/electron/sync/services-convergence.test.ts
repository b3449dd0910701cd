import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSyncServer } from '../../../electron/server/sync-server.ts';
import { Ledger, randomSeed, seededRandom } from '../../support/share-actions.ts';
import { openSharedProject, type SharedProject } from '../../support/share-projects.ts';
import { makeGroup, startTestServer, tempFolder } from '../../support/share-server.ts';
import { expectedFromShared, performServiceAction, sharedView, storeView, type ActingProject } from '../../support/service-actions.ts';

// `npm test` runs three trials; `npm run test:reliability` sets APPARATUS_SERVICE_SYNC_TRIALS
// (each trial copies and shares a whole corpus three times, so it runs fewer than the 50 trials
// of the sync engines alone in convergence.test.ts).
const TRIALS = Number(process.env.APPARATUS_SERVICE_SYNC_TRIALS) || 3;
const ACTIONS = 200;
const SYNCED = { state: 'synced', waiting: 0 };
const WAIT_MS = 60_000;

let folder: { dir: string; remove(): void };
let server: RunningSyncServer;
let serverLogs: string[];

beforeAll(async () => {
  folder = tempFolder('apparatus-services-converge-');
  ({ server, logs: serverLogs } = await startTestServer(`${folder.dir}/server`));
});

afterAll(async () => {
  await server.stop();
  folder.remove();
});

interface Replica extends ActingProject {
  project: SharedProject;
}

describe('projects joined to one group, changed offline through their services, then reconnected', () => {
  for (let trial = 1; trial <= TRIALS; trial += 1) {
    it(`converge to the same annotations and lose nothing acknowledged (trial ${trial} of ${TRIALS}, ${ACTIONS} actions)`, async () => {
      const group = `services-${trial}`;
      const tokens = makeGroup(`${folder.dir}/server`, group, { anna: 'owner', bob: 'editor' });
      const root = `${folder.dir}/${group}`;
      const open = (label: string, user: 'anna' | 'bob'): Replica => {
        const project = openSharedProject(root, label);
        return { label, user, services: project.services, project };
      };
      // Anna works on a laptop and a desktop; bob on one computer.
      const replicas = [open('laptop', 'anna'), open('desktop', 'anna'), open('bob', 'bob')];
      try {
        for (const replica of replicas) await replica.services.sync.join({ server: server.url, group, token: tokens[replica.user] ?? '' });
        const random = seededRandom(trial * 104_729);
        const ledger = new Ledger(trial.toString(16));
        const done: string[] = [];
        for (const round of [0, 1]) {
          for (const replica of replicas) replica.services.sync.disconnect();
          for (let n = 0; n < ACTIONS / 2; n += 1) {
            const seed = randomSeed(random);
            const replica = replicas[seed.replica % replicas.length];
            if (replica) done.push(`${replica.label}: ${performServiceAction(replica, seed, ledger)}`);
          }
          // One computer restarts the app while offline: its waiting changes come from disk.
          const restarted = replicas[round];
          if (restarted) {
            await restarted.project.close();
            restarted.project = openSharedProject(root, restarted.label, { reuse: true });
            restarted.services = restarted.project.services;
          }
          for (const replica of replicas) replica.services.sync.connect();
          expect(await Promise.all(replicas.map((replica) => replica.services.sync.waitSynced(WAIT_MS)))).toEqual(replicas.map(() => SYNCED));
          // Synced means each one's own changes are on the server; one more handshake brings each
          // what the others sent meanwhile.
          for (const replica of replicas) replica.services.sync.disconnect();
          for (const replica of replicas) replica.services.sync.connect();
          expect(await Promise.all(replicas.map((replica) => replica.services.sync.waitSynced(WAIT_MS)))).toEqual(replicas.map(() => SYNCED));

          // Every project's store says the same, and says what the group's documents say.
          const stores = replicas.map(storeView);
          const last = `after ${done.length} actions, the last: ${done.slice(-8).join('; ')}`;
          expect(stores[1], `the two computers of anna differ ${last}`).toEqual(stores[0]);
          expect(stores[2], `anna's and bob's projects differ ${last}`).toEqual(stores[0]);
          const shared = sharedView(replicas[0] as Replica);
          const summary = (rows: Record<string, unknown>[]) =>
            rows.map((row) => ({ id: row.id, note: row.note, color: row.color, review: row.review, author: row.author, tags: row.tags })).sort((a, b) => String(a.id).localeCompare(String(b.id)));
          expect(summary(stores[0] ?? [])).toEqual(expectedFromShared(shared, 'anna'));
          // Every acknowledged action is there (a deletion that raced an edit: in review).
          expect(ledger.problems(shared)).toEqual([]);
          for (const id of ledger.annotations) {
            const status = shared.annotations.find((annotation) => annotation.id === id)?.status;
            if (status !== 'deleted') expect(stores[0]?.some((row) => row.id === id), `annotation ${id} is missing from the stores`).toBe(true);
          }
          // Tags are the same everywhere too.
          const tags = replicas.map((replica) => replica.services.tags.list());
          expect(tags[1]).toEqual(tags[0]);
          expect(tags[2]).toEqual(tags[0]);
          ledger.nextRound();
        }
        for (const replica of replicas) expect(replica.project.logs, `${replica.label} logged failures`).toEqual([]);
        for (const token of Object.values(tokens)) {
          expect(serverLogs.join('\n')).not.toContain(token);
          for (const replica of replicas) expect(replica.project.logs.join('\n') + replica.project.notices.join('\n')).not.toContain(token);
        }
      } finally {
        for (const replica of replicas) await replica.project.close();
      }
    }, 180_000);
  }
});

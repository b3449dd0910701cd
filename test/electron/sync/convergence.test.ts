import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSyncServer } from '../../../electron/server/sync-server.ts';
import { Ledger, performAction, randomSeed, seededRandom } from '../../support/share-actions.ts';
import { makeGroup, startTestServer, tempFolder, until } from '../../support/share-server.ts';
import { EngineReplica, openEngine, settle } from '../../support/sync-engines.ts';

// `npm test` runs a few trials; `npm run test:reliability` sets APPARATUS_SYNC_TRIALS=50.
const TRIALS = Number(process.env.APPARATUS_SYNC_TRIALS) || 10;
const ACTIONS = 200;
const SYNCED = { state: 'synced', waiting: 0 };

let folder: { dir: string; remove(): void };
let server: RunningSyncServer;

beforeAll(async () => {
  folder = tempFolder('apparatus-converge-');
  ({ server } = await startTestServer(`${folder.dir}/server`));
});

afterAll(async () => {
  await server.stop();
  folder.remove();
});

describe('projects joined to one group, working offline, then reconnecting', () => {
  for (let trial = 1; trial <= TRIALS; trial += 1) {
    it(`converge and lose nothing acknowledged (trial ${trial} of ${TRIALS}, ${ACTIONS} actions)`, async () => {
      const group = `trial-${trial}`;
      // Adding the members again gives them new tokens (the old ones stop working).
      const tokens = makeGroup(`${folder.dir}/server`, group, { anna: 'owner', bob: 'editor' });
      const open = (label: string, user: 'anna' | 'bob') =>
        new EngineReplica(label, user, openEngine(`${folder.dir}/${group}`, label, server.url, group, user, tokens[user] ?? ''));
      // Anna works on a laptop and a desktop; bob on one machine.
      const replicas = [open('laptop', 'anna'), open('desktop', 'anna'), open('bob', 'bob')];
      try {
        for (const replica of replicas) replica.engine.connect();
        // The server lists a new group's members within a moment; each replica then follows both.
        await until(() => replicas.every((replica) => replica.engine.state().members.length === 2), 'every replica knows both members');
        expect(await Promise.all(replicas.map((replica) => settle(replica.engine)))).toEqual(replicas.map(() => SYNCED));
        const random = seededRandom(trial * 7919);
        const ledger = new Ledger(trial.toString(16));
        for (const round of [0, 1]) {
          for (const replica of replicas) replica.engine.disconnect();
          for (let n = 0; n < ACTIONS / 2; n += 1) {
            const seed = randomSeed(random);
            const replica = replicas[seed.replica % replicas.length];
            if (replica) performAction(replica, seed, ledger);
          }
          // One replica restarts the app while offline: its waiting changes come from disk.
          const restarted = replicas[round];
          if (restarted) {
            await restarted.engine.close();
            restarted.engine = openEngine(`${folder.dir}/${group}`, restarted.label, server.url, group, restarted.user, tokens[restarted.user] ?? '');
          }
          for (const replica of replicas) replica.engine.connect();
          expect(await Promise.all(replicas.map((replica) => settle(replica.engine)))).toEqual(replicas.map(() => SYNCED));
          // Settled means each replica's own changes are held by the server; a last round of
          // handshakes brings every replica what the others sent meanwhile.
          for (const replica of replicas) replica.engine.disconnect();
          for (const replica of replicas) replica.engine.connect();
          expect(await Promise.all(replicas.map((replica) => settle(replica.engine)))).toEqual(replicas.map(() => SYNCED));
          const views = replicas.map((replica) => replica.view());
          expect(views[1]).toEqual(views[0]);
          expect(views[2]).toEqual(views[0]);
          expect(ledger.problems(views[0] ?? { annotations: [], vocabulary: { tags: [], aliases: {} } })).toEqual([]);
          ledger.nextRound();
        }
      } finally {
        for (const replica of replicas) await replica.engine.close();
      }
    }, 120_000);
  }
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger, performAction, type ActionSeed } from '../../support/share-actions.ts';
import { DocReplica, syncAll } from './replicas.ts';

// The unit suite keeps this modest; the reliability suite sets APPARATUS_PROPERTY_RUNS=10000.
const RUNS = Number(process.env.APPARATUS_PROPERTY_RUNS) || 60;
const TIMEOUT = Math.max(60_000, RUNS * 400);

const seed: fc.Arbitrary<ActionSeed> = fc.record({
  replica: fc.nat(),
  kind: fc.nat(),
  a: fc.nat({ max: 10_000 }),
  b: fc.nat({ max: 10_000 }),
  c: fc.nat({ max: 10_000 }),
});

const rounds = fc.array(fc.array(seed, { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 4 });

describe('replicas of a group editing offline, then syncing', () => {
  it(
    'converge to one state, and keep every edit, colour, tag and note text acknowledged on any of them',
    () => {
      fc.assert(
        fc.property(rounds, (work) => {
          const members = ['alice', 'bob'];
          const replicas = [
            new DocReplica('alice@laptop', 'alice', members, 1),
            new DocReplica('alice@desktop', 'alice', members, 2),
            new DocReplica('bob', 'bob', members, 3),
          ];
          const ledger = new Ledger();
          for (const round of work) {
            for (const action of round) {
              const replica = replicas[action.replica % replicas.length];
              if (replica) performAction(replica, action, ledger);
            }
            syncAll(replicas);
            const views = replicas.map((replica) => JSON.stringify(replica.view()));
            expect(new Set(views).size).toBe(1);
            const first = replicas[0];
            if (first) expect(ledger.problems(first.view())).toEqual([]);
            ledger.nextRound();
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

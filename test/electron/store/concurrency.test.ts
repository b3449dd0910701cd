/**
 * Many processes on one new project at once — the app and any number of commands — with every
 * acknowledged action present afterwards: migrations, tag creation and busy waits must hold up
 * when real processes race. `npm test` runs 2 trials of 8 × 15; `npm run test:reliability` the full
 * 8 processes × 100 actions, 20 times.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tagNameKey } from '../../../core/annotate/tag-names.ts';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { runNode } from '../../support/store-processes.ts';
import { makeTempProject, type TempProject } from '../../support/store-temp.ts';

const ACTOR = fileURLToPath(new URL('../../support/store-actor.ts', import.meta.url));
const setting = (name: string, fallback: number) => Math.max(1, Number(process.env[name] ?? fallback) || fallback);
const TRIALS = setting('APPARATUS_CONCURRENCY_TRIALS', 2);
const PROCESSES = setting('APPARATUS_CONCURRENCY_PROCESSES', 8);
const ACTIONS = setting('APPARATUS_CONCURRENCY_ACTIONS', 15);

interface Ack {
  id: string;
  tag: string;
  note: string;
}

describe('several processes on one new project', () => {
  let project: TempProject;
  beforeEach(() => {
    project = makeTempProject();
  });
  afterEach(() => project.remove());

  it(
    `acknowledges and keeps every action of ${PROCESSES} processes × ${ACTIONS} actions (${TRIALS} trials)`,
    async () => {
      for (let trial = 1; trial <= TRIALS; trial += 1) {
        const file = `${project.dir}/trial-${trial}/project.sqlite`;
        // Two keep the project open like the app; the others open it for each action, like
        // commands. All start at one moment, once every process is up.
        const start = String(Date.now() + 1500 + PROCESSES * 150);
        const runs = await Promise.all(
          Array.from({ length: PROCESSES }, (_, actor) =>
            runNode(ACTOR, [file, String(actor), String(ACTIONS), actor < 2 ? 'app' : 'cli', start]),
          ),
        );
        const acks: Ack[] = [];
        runs.forEach((run, actor) => {
          const context = `trial ${trial}, process ${actor}: exit ${run.code}, stderr ${run.stderr}`;
          const lines = run.stdout.split('\n').filter(Boolean);
          expect(lines.filter((line) => line.startsWith('fail')), context).toEqual([]);
          expect(run.code, context).toBe(0);
          expect(run.stderr, context).toBe('');
          expect(lines, context).toHaveLength(ACTIONS);
          acks.push(...lines.map((line) => JSON.parse(line) as Ack));
        });

        const store = openProjectStore(file);
        try {
          const saved = new Map(store.list().map((annotation) => [annotation.id, annotation]));
          const tags = store.listTags();
          const names = new Map(tags.map((tag) => [tag.id, tag.name]));
          expect(saved.size, `trial ${trial}`).toBe(PROCESSES * ACTIONS);
          for (const ack of acks) {
            const annotation = saved.get(ack.id);
            expect(annotation, `trial ${trial}: ${ack.id} lost`).toBeDefined();
            expect(annotation!.note).toBe(ack.note);
            expect(annotation!.tags.map((id) => names.get(id))).toEqual([ack.tag]);
          }
          // Every process that asked for "Shared", "SHARED" or "shared" got the one tag.
          const keys = tags.map((tag) => tagNameKey(tag.name));
          expect(new Set(keys).size, `trial ${trial}`).toBe(keys.length);
          expect(keys.sort()).toEqual([...new Set(acks.map((ack) => tagNameKey(ack.tag)))].sort());
          expect(store.checkIntegrity(), `trial ${trial}`).toEqual([]);
        } finally {
          store.close();
        }
      }
    },
    TRIALS * PROCESSES * ACTIONS * 200 + 30_000,
  );
});

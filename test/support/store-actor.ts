/**
 * One of several processes working on one project at once, for the concurrency trials (run
 * directly by Node 24 with type stripping): argv[2] the project file, argv[3] this actor's
 * number, argv[4] how many actions, argv[5] `app` (one store kept open, as the app does) or `cli`
 * (the store opened and closed for every action, as each command does), argv[6] the time (ms
 * since the epoch) to start at, so that all actors open the new project at the same moment. Each
 * action makes sure a
 * shared tag exists (names collide on purpose, in different capitals) and saves a highlight with
 * it; every third one then edits its note. Each success prints one JSON line, only after its
 * commit; a failure prints `fail <code> <message>` and the actor goes on.
 */
import { writeSync } from 'node:fs';
import { openProjectStore } from '../../electron/services/store/open-project-store.ts';
import type { ProjectStore } from '../../electron/services/store/project-store.ts';

const [file, actorText, countText, mode, startText] = process.argv.slice(2);
if (!file || !actorText || !countText || (mode !== 'app' && mode !== 'cli') || !startText) {
  throw new Error('usage: store-actor.ts <project.sqlite> <actor> <count> app|cli <start time>');
}
const wait = Number(startText) - Date.now();
if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
const actor = Number(actorText);
const count = Number(countText);
/** The shared tag names; each actor spells them in its own capitals. */
export const TAG_NAMES = ['Shared', 'Kremlin', 'Tirana', 'Vlora base'];
const spell = (name: string, i: number) => ((actor + i) % 2 === 0 ? name.toUpperCase() : name.toLowerCase());

let kept: ProjectStore | undefined;
const withStore = <T>(work: (store: ProjectStore) => T): T => {
  if (mode === 'app') return work((kept ??= openProjectStore(file)));
  const store = openProjectStore(file);
  try {
    return work(store);
  } finally {
    store.close();
  }
};

for (let i = 0; i < count; i += 1) {
  try {
    const line = withStore((store) => {
      const tag = store.ensureTag(spell(TAG_NAMES[(actor + i) % TAG_NAMES.length] as string, i));
      const saved = store.create({
        sourceId: `source-${actor}`,
        quote: { exact: `passage ${actor}.${i}`, prefix: 'before ', suffix: ' after' },
        position: { start: i * 10, end: i * 10 + 5 },
        tags: [tag.id],
        note: `actor ${actor}, action ${i}`,
      });
      let note = saved.note;
      if (i % 3 === 2) note = store.update(saved.id, { note: `${note}, edited` }).note;
      return JSON.stringify({ id: saved.id, tag: tag.name, note });
    });
    writeSync(1, `${line}\n`);
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    writeSync(1, `fail ${code ?? 'unknown'} ${String(message).replace(/\n/g, ' ')}\n`);
  }
}
kept?.close();

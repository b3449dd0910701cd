/**
 * A child process that keeps a project open, as the app does, for the tests of files removed
 * under an open store (run directly by Node 24 with type stripping). It opens the project at
 * argv[2] (argv[3]: busy timeout in ms) and obeys one command per line on stdin:
 *   add N   saves N highlights, printing `ack <id>` after each commit
 *   write   tries to save one, printing `ack <id>` or `error <code> <message>`
 *   close   closes the store and prints `closed`
 * It prints `done` after each command, `ready` once open, and `error <code> <message>` if opening
 * fails.
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openProjectStore } from '../../electron/services/store/open-project-store.ts';
import type { ProjectStore } from '../../electron/services/store/project-store.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: store-holder.ts <project.sqlite> [busy timeout ms]');
const busyTimeoutMs = Number(process.argv[3] ?? 5000);
const say = (line: string) => writeSync(1, `${line.replace(/\n/g, ' ')}\n`);
const failure = (error: unknown) => {
  const { code, message } = error as { code?: string; message?: string };
  return `error ${code ?? 'unknown'} ${message ?? String(error)}`;
};

let store: ProjectStore;
try {
  store = openProjectStore(file, { busyTimeoutMs });
} catch (error) {
  say(failure(error));
  process.exit(1);
}
let saved = 0;
const save = () => {
  const n = saved++;
  const annotation = store.create({
    sourceId: 'holder',
    quote: { exact: `passage ${n}`, prefix: 'before ', suffix: ' after' },
    position: { start: n * 20, end: n * 20 + 9 },
    note: `Saved by the holder, number ${n}.`,
  });
  say(`ack ${annotation.id}`);
};
say('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, argument] = line.trim().split(/\s+/);
  try {
    if (command === 'add') for (let i = 0; i < Number(argument); i += 1) save();
    else if (command === 'write') save();
    else if (command === 'close') {
      store.close();
      say('closed');
    }
  } catch (error) {
    say(failure(error));
  }
  say('done');
}

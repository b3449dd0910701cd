/**
 * The child process of the crash-safety test (run directly by Node 24 with type stripping):
 * opens the project at argv[2] and saves highlights in a loop, writing each id to stdout only
 * after its transaction has committed, until the parent kills it (or 30 s pass).
 */
import { writeSync } from 'node:fs';
import { openProjectStore } from '../../electron/services/store/open-project-store.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: store-writer.ts <project.sqlite>');
const store = openProjectStore(file);
const tag = store.listTags()[0] ?? store.createTag('Crash test');
const deadline = Date.now() + 30_000;
for (let i = 0; Date.now() < deadline; i += 1) {
  const saved = store.create({
    sourceId: `source-${i % 3}`,
    quote: {
      exact: `passage number ${i}`,
      prefix: 'before '.repeat(4),
      suffix: ' after'.repeat(4),
    },
    position: { start: i * 10, end: i * 10 + 17 },
    tags: [tag.id],
    note: 'A note that grows. '.repeat(i % 40),
  });
  // writeSync: the line is in the pipe before the next transaction begins.
  writeSync(1, `${saved.id}\n`);
  if (i % 5 === 4) store.update(saved.id, { note: 'Edited after saving.', color: 'green' });
}
store.close();

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchHost } from '../../../electron/services/search/search-host.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('SearchHost, the search thread of the app', () => {
  // Found when a test started the app's main process from source, where the bundled worker is
  // not: the thread's 'error' had no listener, so it was thrown in the main process.
  it.each([
    ['its script is missing', (root: string) => join(root, 'search-worker.cjs')],
    ['its script throws as it starts', (root: string) => {
      const file = join(root, 'broken-worker.cjs');
      writeFileSync(file, "throw new Error('broken on purpose');\n");
      return file;
    }],
  ])('tells the caller that search stopped, and keeps the main process up, when %s', async (_case, workerFile) => {
    const root = mkdtempSync(join(tmpdir(), 'apparatus-search-host-'));
    roots.push(root);
    const host = new SearchHost(join(root, 'corpus'), join(root, 'cache'), () => [], { workerFile: workerFile(root) });
    await expect(host.ready()).rejects.toThrow('The search index stopped working. Restart Apparatus to search again.');
    await host.close();
  });
});

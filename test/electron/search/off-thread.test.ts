import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchDocument } from '../../../core/search/index.ts';
import type * as ShardModule from '../../../core/search/shard.ts';
import { SearchService } from '../../../electron/services/search/search-service.ts';
import { makeSearchFolders, SOURCE_IDS, type SearchFolders } from './search-fixture.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';

// Every shard built on this thread is recorded; the worker runs in plain Node, outside Vitest's
// module graph, so its builds never show up here.
const builtHere = vi.hoisted(() => [] as string[]);
vi.mock('../../../core/search/shard.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof ShardModule>();
  return {
    ...actual,
    buildShard: (docs: readonly SearchDocument[], options?: { id?: string }) => {
      builtHere.push(...docs.map((doc) => doc.kind));
      return actual.buildShard(docs, options);
    },
  };
});

let made: SearchFolders | undefined;
afterEach(() => {
  made?.remove();
  made = undefined;
  builtHere.splice(0);
});

describe('SearchService worker', () => {
  it('indexes the sources in a Worker while this thread’s event loop keeps turning', async () => {
    made = makeSearchFolders();
    const service = new SearchService(new CorpusService(made.corpus), made.cache, () => [
      { id: 'a1', sourceId: 'memorie-kapo', quote: { exact: 'the Soviet side' }, tags: [] },
    ]);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const report = await service.ready();
    clearInterval(timer);
    expect(report.built).toEqual(SOURCE_IDS);
    expect(builtHere).not.toContain('block');
    expect(builtHere).toContain('annotation');
    expect(ticks).toBeGreaterThan(3);
    expect(service.search('Andropov').hits.length).toBeGreaterThan(0);
  });

  it('runs the worker from an esbuild bundle, as the packaged app does', async () => {
    made = makeSearchFolders();
    const out = mkdtempSync(join(tmpdir(), 'apparatus-worker-bundle-'));
    try {
      const workerFile = join(out, 'search-worker.cjs');
      await build({
        entryPoints: [fileURLToPath(new URL('../../../electron/services/search/index-worker.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        target: 'node24',
        format: 'cjs',
        outfile: workerFile,
        logLevel: 'warning',
      });
      const service = new SearchService(new CorpusService(made.corpus), made.cache, () => [], { workerFile });
      const report = await service.ready();
      expect(report.built).toEqual(SOURCE_IDS);
      expect(service.search('mehilli').hits[0]?.page).toMatch(/^pp?\. /);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('reports a worker that cannot start as a typed error and keeps the service usable', async () => {
    made = makeSearchFolders();
    const service = new SearchService(new CorpusService(made.corpus), made.cache, () => [], {
      workerFile: join(made.root, 'missing-worker.mjs'),
    });
    await expect(service.ready()).rejects.toMatchObject({ code: 'index-build-failed' });
    const working = new SearchService(new CorpusService(made.corpus), made.cache, () => []);
    expect((await working.ready()).built).toEqual(SOURCE_IDS);
  });
});

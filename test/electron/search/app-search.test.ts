import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchProgress } from '../../../core/api.ts';
import { AppSearch } from '../../../electron/services/search/app-search.ts';
import { SearchService } from '../../../electron/services/search/search-service.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';
import { writeGeneratedLibrary } from './generated-library.ts';

const roots: string[] = [];
const open: AppSearch[] = [];
afterEach(async () => {
  for (const search of open.splice(0)) await search.close();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('AppSearch', () => {
  it('answers a partial query at once with a note, and the full query once the index is ready', async () => {
    const root = mkdtempSync(join(tmpdir(), 'apparatus-app-search-'));
    roots.push(root);
    const corpus = join(root, 'corpus');
    writeGeneratedLibrary(corpus, 30);
    const progress: SearchProgress[] = [];
    const search = new AppSearch(new SearchService(new CorpusService(corpus), join(root, 'cache'), () => [], { log: () => {} }), { onProgress: (p) => progress.push(p) });
    open.push(search);
    const partial = await search.query('Albania', 50, true);
    expect(partial.loading?.message).toMatch(/still being indexed|Still indexing the library/);
    const full = await search.query('Albania', 50);
    expect(full.loading).toBeUndefined();
    expect(full.total).toBeGreaterThan(partial.total);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ done: 1, total: 1, phase: 'idle', searchable: 30, sources: 30 });
    expect(last?.segments?.length).toBeGreaterThan(0);
    expect(progress.some((p) => p.phase === 'indexing')).toBe(true);
  }, 60_000);

  it('tells a window that asks where the index stands: the last progress reported, null before any', async () => {
    const root = mkdtempSync(join(tmpdir(), 'apparatus-app-search-'));
    roots.push(root);
    const corpus = join(root, 'corpus');
    writeGeneratedLibrary(corpus, 12);
    const progress: SearchProgress[] = [];
    const asked: (SearchProgress | null)[] = [];
    // The callbacks run after the constructor returns, once `search` is set.
    const search: AppSearch = new AppSearch(new SearchService(new CorpusService(corpus), join(root, 'cache'), () => [], { log: () => {} }), {
      onProgress: (p) => {
        progress.push(p);
        asked.push(search.progress());
      },
    });
    open.push(search);
    expect(progress).toEqual([]);
    expect(search.progress()).toBeNull();
    await search.query('Albania', 10);
    expect(progress.length).toBeGreaterThan(1);
    expect(asked).toEqual(progress);
    expect(search.progress()).toEqual(progress[progress.length - 1]);
    expect(search.progress()).toMatchObject({ phase: 'idle', searchable: 12, sources: 12 });
  }, 60_000);
});

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchAnnotationInput } from '../../../electron/services/search/annotation-input.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';
import { SearchHost } from '../../../electron/services/search/search-host.ts';
import { SearchService, type SearchServiceOptions } from '../../../electron/services/search/search-service.ts';
import { serializeSource } from '../../../core/corpus/serialize-source.ts';
import { makeSource } from '../../fixtures/search/sources.ts';
import { generatedIds, writeGeneratedLibrary, writeGeneratedSource } from './generated-library.ts';
import { makeSearchFolders, SOURCE_IDS } from './search-fixture.ts';

const QUERIES = ['Albania', 'naval base', '"naval base"', '"party of labour"', 'Khrush*', 'Tirrana~1', 'purge -grain', 'in:headings Hoxha', 'source:g003'];

// Services build in worker threads; on a busy two-core machine a case takes seconds.
const SLOW = 60_000;

const roots: string[] = [];
const services: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'apparatus-segments-'));
  roots.push(root);
  return root;
}

function service(corpus: string, cache: string, options: SearchServiceOptions = {}, annotations: () => SearchAnnotationInput[] = () => []): SearchService {
  const made = new SearchService(new CorpusService(corpus), cache, annotations, { log: () => {}, ...options });
  services.push(made);
  return made;
}

const results = (searcher: SearchService, query: string) => {
  const { hits, total } = searcher.search(query, { limit: 500 });
  return { total, hits: hits.map((hit) => [hit.ref, hit.score, hit.snippet.text]) };
};

function cacheFiles(cache: string): string[] {
  const root = join(cache, 'search');
  return readdirSync(root).flatMap((version) => readdirSync(join(root, version)));
}

describe('segments in the service', () => {
  it('merges in the background, keeps few segments, and finds exactly what an unmerged index finds', async () => {
    const root = folder();
    const corpus = join(root, 'corpus');
    const ids = writeGeneratedLibrary(corpus, 40);
    const merged = service(corpus, join(root, 'merged'), { mergePolicy: { factor: 4, floorBytes: 1 } });
    const report = await merged.ready();
    expect(report.built).toEqual(ids);
    await merged.idle();
    const { segments } = merged.status();
    // Ten bulk segments of four sources, merged by fours: 10 → 2 + 2 → …
    expect(segments.filter((segment) => segment.kind === 'sources').length).toBeLessThanOrEqual(6);
    expect(cacheFiles(join(root, 'merged')).length).toBe(segments.filter((segment) => segment.kind === 'sources').length);

    const plain = service(corpus, join(root, 'plain'), { mergePolicy: { factor: 1000, floorBytes: 1 } });
    await plain.ready();
    expect(plain.status().segments.length).toBe(40);
    for (const query of QUERIES) expect(results(merged, query), query).toEqual(results(plain, query));

    // A new service reads the merged cache without indexing anything.
    const again = service(corpus, join(root, 'merged'), { mergePolicy: { factor: 4, floorBytes: 1 } });
    expect((await again.ready()).built).toEqual([]);
    for (const query of QUERIES) expect(results(again, query), query).toEqual(results(plain, query));
  }, SLOW);

  it('keeps apart bulk segments whose postings are alike but whose words differ', async () => {
    // Twenty sources of the same shape, differing only in one word: two bulk segments of ten
    // whose postings bytes are identical. Named by those bytes alone, one replaced the other.
    const root = folder();
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    const ids = generatedIds(20);
    ids.forEach((id, i) => {
      const source = makeSource(id, { title: 'Report' }, [['paragraph', `The zq${String(i).padStart(2, '0')}x convoy arrived.`]]);
      writeFileSync(join(corpus, `${id}.md`), serializeSource(source));
    });
    const first = service(corpus, join(root, 'cache'));
    expect((await first.ready()).built).toEqual(ids);
    await first.idle();
    ids.forEach((id, i) => expect(first.search(`zq${String(i).padStart(2, '0')}x`).hits.map((hit) => hit.sourceId)).toEqual([id]));
    const second = service(corpus, join(root, 'cache'));
    expect((await second.ready()).built).toEqual([]);
    ids.forEach((id, i) => expect(second.search(`zq${String(i).padStart(2, '0')}x`).hits.map((hit) => hit.sourceId)).toEqual([id]));
  }, SLOW);

  it('searches small segments as one in memory, while each source keeps its own file', async () => {
    const f = makeSearchFolders();
    roots.push(f.root);
    const combined = service(f.corpus, f.cache);
    await combined.ready();
    expect(combined.status().segments.filter((segment) => segment.kind === 'sources')).toHaveLength(1);
    expect(cacheFiles(f.cache)).toHaveLength(5);
    const separate = service(f.corpus, join(f.root, 'separate'), { mergePolicy: { floorBytes: 1 } });
    await separate.ready();
    expect(separate.status().segments).toHaveLength(5);
    for (const query of [...QUERIES, 'mehilli', '"Moscow and Tirana"', 'source:wikipedia Hoxha']) {
      expect(results(combined, query), query).toEqual(results(separate, query));
    }
  }, SLOW);

  it('after edits, imports and removals gives the same results as indexing afresh', async () => {
    const ids = generatedIds(14);
    const step = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), id: fc.constantFrom(...ids), revision: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...ids) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        const root = folder();
        const corpus = join(root, 'corpus');
        writeGeneratedLibrary(corpus, 10);
        const incremental = service(corpus, join(root, 'cache'), { mergePolicy: { factor: 3, floorBytes: 1 } });
        await incremental.ready();
        for (const change of steps) {
          if (change.kind === 'remove') rmSync(join(corpus, `${change.id}.md`), { force: true });
          else writeGeneratedSource(corpus, change.id, change.revision);
          await incremental.ready();
        }
        await incremental.idle();
        const fresh = service(corpus, join(root, 'fresh'));
        await fresh.ready();
        for (const query of QUERIES) expect(results(incremental, query), query).toEqual(results(fresh, query));
      }),
      { numRuns: 4 },
    );
  }, SLOW);

  it('changes annotations incrementally, with the same results as a fresh index of them', async () => {
    const f = makeSearchFolders();
    roots.push(f.root);
    const list: SearchAnnotationInput[] = Array.from({ length: 300 }, (_, i) => ({
      id: `a${i}`,
      sourceId: SOURCE_IDS[i % SOURCE_IDS.length] as string,
      quote: { exact: `quoted passage number ${i} about Albania` },
      note: i % 3 === 0 ? 'Compare the grain deliveries' : `note ${i}`,
      tags: [i % 2 === 0 ? 'grain' : 'navy'],
      ...(i % 5 === 0 ? { parentTags: ['economy'] } : {}),
    }));
    const live = service(f.corpus, f.cache, {}, () => list);
    await live.ready();
    for (let i = 0; i < 40; i += 1) {
      const id = `a${(i * 37) % 300}`;
      if (i % 4 === 3) {
        list.splice(list.findIndex((a) => a.id === id), 1);
        live.annotationsChanged({ upserted: [], removed: [id] });
      } else {
        const at = list.findIndex((a) => a.id === id);
        const edited = { ...(list[at] ?? list[0]!), id, note: `edited ${i} walrus`, tags: ['walrus'] };
        if (at >= 0) list[at] = edited;
        else list.push(edited);
        live.annotationsChanged({ upserted: [edited], removed: [] });
      }
      expect(live.search('walrus').total).toBe(list.filter((a) => a.note?.includes('walrus')).length);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(live.status().segments.filter((s) => s.kind === 'annotations').length).toBeLessThan(20);
    const fresh = service(f.corpus, join(f.root, 'fresh-cache'), {}, () => list);
    await fresh.ready();
    for (const query of ['walrus', 'grain', 'tag:economy', 'tag:navy Albania', 'in:notes edited', 'quoted passage']) {
      const expected = results(fresh, query);
      expect(expected.total, query).toBeGreaterThan(0);
      expect(results(live, query), query).toEqual(expected);
    }
  }, SLOW);
});

describe('SearchHost', () => {
  it('runs the service in a thread of its own: this event loop keeps turning, edits arrive at once', async () => {
    const f = makeSearchFolders();
    roots.push(f.root);
    const annotations: SearchAnnotationInput[] = [
      { id: 'h1', sourceId: 'memorie-kapo', quote: { exact: 'Hysni Kapo' }, note: 'A marmoset note', tags: [] },
    ];
    const statuses: string[] = [];
    const host = new SearchHost(f.corpus, f.cache, () => annotations, { onStatus: (status) => statuses.push(status.phase) });
    services.push(host);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const progress: number[] = [];
    const report = await host.ready((p) => progress.push(p.done));
    clearInterval(timer);
    expect(report.built).toEqual(SOURCE_IDS);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(ticks).toBeGreaterThan(3);
    expect(statuses).toContain('indexing');
    expect((await host.search('marmoset')).hits.map((hit) => hit.annotationId)).toEqual(['h1']);
    host.annotationsChanged({ upserted: [{ ...annotations[0]!, note: 'A capybara note' }], removed: [] });
    expect((await host.search('capybara')).hits.map((hit) => hit.annotationId)).toEqual(['h1']);
    expect((await host.search('marmoset')).total).toBe(0);
    expect((await host.search('mehilli')).hits[0]?.page).toMatch(/^pp?\. /);
    expect(host.status().segments.length).toBeGreaterThan(0);
  }, SLOW);

  it('refuses a question asked after it was closed at once, instead of leaving it unanswered', async () => {
    const f = makeSearchFolders();
    roots.push(f.root);
    const host = new SearchHost(f.corpus, f.cache, () => []);
    await host.ready();
    await host.close();
    await expect(host.search('Albania')).rejects.toThrow('The search index stopped working. Restart Apparatus to search again.');
    await expect(host.idle()).rejects.toThrow('The search index stopped working.');
  }, SLOW);

  it('runs from the esbuild bundle the packaged app ships, which is both host and index worker', async () => {
    const f = makeSearchFolders();
    roots.push(f.root);
    const workerFile = join(f.root, 'search-worker.cjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../../../electron/services/search/index-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'cjs',
      outfile: workerFile,
      logLevel: 'error',
    });
    const host = new SearchHost(f.corpus, f.cache, () => [], { workerFile });
    services.push(host);
    expect((await host.ready()).built).toEqual(SOURCE_IDS);
    expect((await host.search('mehilli')).hits[0]?.page).toMatch(/^pp?\. /);
  }, SLOW);
});

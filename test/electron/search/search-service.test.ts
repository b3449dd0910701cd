import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { SEARCH_PIPELINE_VERSION } from '../../../core/search/index.ts';
import type { SearchAnnotationInput } from '../../../electron/services/search/annotation-input.ts';
import { versionFolder } from '../../../electron/services/search/cache-layout.ts';
import {
  makeSearchFolders,
  makeWarmCache,
  serviceFor,
  shardNames,
  SOURCE_IDS,
  type SearchFolders,
} from './search-fixture.ts';

let warm: SearchFolders;
const made: SearchFolders[] = [];

function folders(fromWarmCache = true): SearchFolders {
  const created = makeSearchFolders(fromWarmCache ? warm.cache : undefined);
  made.push(created);
  return created;
}

beforeAll(async () => {
  warm = await makeWarmCache();
});
afterAll(() => warm.remove());
afterEach(() => {
  for (const created of made.splice(0)) created.remove();
});

describe('SearchService', () => {
  it('builds every shard on a cold start, reporting progress for each', async () => {
    const f = folders(false);
    const progress: unknown[] = [];
    const report = await serviceFor(f).ready((p) => progress.push(p));
    expect(report.built).toEqual(SOURCE_IDS);
    expect(progress).toHaveLength(5);
    expect(progress[4]).toEqual({ done: 5, total: 5, sourceId: 'wikipedia-split' });
    expect(progress.map((p) => (p as { done: number }).done)).toEqual([1, 2, 3, 4, 5]);
    expect(shardNames(f.cache)).toHaveLength(5);
  });

  it('reuses the cached shards on a second start without rebuilding any', async () => {
    const f = folders();
    const before = shardNames(f.cache).map((name) => statSync(cachePath(f, name)).mtimeMs);
    const progress: unknown[] = [];
    const report = await serviceFor(f).ready((p) => progress.push(p));
    expect(report).toEqual({ built: [], reused: SOURCE_IDS, removed: [], failed: [] });
    expect(progress).toEqual([]);
    expect(shardNames(f.cache).map((name) => statSync(cachePath(f, name)).mtimeMs)).toEqual(before);
  });

  it('re-indexes only the edited source, and finds its new words', async () => {
    const f = folders();
    const service = serviceFor(f);
    await service.ready();
    const oldName = shardNames(f.cache).find((name) => name.startsWith('memorie-kapo.'));
    appendFileSync(join(f.corpus, 'memorie-kapo.md'), '\nA quokka crossed the Tirana boulevard.\n');
    const progress: unknown[] = [];
    const report = await service.ready((p) => progress.push(p));
    expect(report.built).toEqual(['memorie-kapo']);
    expect(report.reused).toHaveLength(4);
    expect(progress).toEqual([{ done: 1, total: 1, sourceId: 'memorie-kapo' }]);
    expect(shardNames(f.cache)).not.toContain(oldName);
    expect(service.search('quokka').hits.map((hit) => hit.sourceId)).toEqual(['memorie-kapo']);
  });

  it('drops a deleted source from the index and from the cache', async () => {
    const f = folders();
    const service = serviceFor(f);
    await service.ready();
    const before = service.search('instalinization').hits.map((hit) => hit.sourceId);
    expect(before).toContain('resexcellence-2021');
    rmSync(join(f.corpus, 'resexcellence-2021.md'));
    const report = await service.ready();
    expect(report.removed).toEqual(['resexcellence-2021']);
    expect(service.search('instalinization').hits.map((hit) => hit.sourceId)).not.toContain(
      'resexcellence-2021',
    );
    expect(shardNames(f.cache).some((name) => name.startsWith('resexcellence-2021.'))).toBe(false);
  });

  it('removes a deleted source’s cached shard even when a new service starts', async () => {
    const f = folders();
    rmSync(join(f.corpus, 'wikipedia-split.md'));
    const report = await serviceFor(f).ready();
    expect(report.removed).toEqual(['wikipedia-split']);
    expect(shardNames(f.cache)).toHaveLength(4);
  });

  it('ignores and deletes shards of another pipeline version', async () => {
    const f = folders();
    const name = shardNames(f.cache).find((n) => n.startsWith('edemskiy-2019.')) as string;
    const old = join(f.cache, 'search', 'apparatus-search-0+lunr-2.3.8');
    mkdirSync(old);
    writeFileSync(join(old, 'edemskiy-2019.' + '0'.repeat(64) + '.json'), '{}');
    const current = versionFolder(f.cache, SEARCH_PIPELINE_VERSION);
    const shard = JSON.parse(readFileSync(join(current, name), 'utf8')) as { version: string };
    shard.version = 'apparatus-search-0+lunr-2.3.8';
    writeFileSync(join(current, name), JSON.stringify(shard));

    const report = await serviceFor(f).ready();
    expect(existsSync(old)).toBe(false);
    expect(report.built).toEqual(['edemskiy-2019']);
    const rebuilt = JSON.parse(readFileSync(join(current, name), 'utf8')) as { version: string };
    expect(rebuilt.version).toBe(SEARCH_PIPELINE_VERSION);
  });

  it('rebuilds a damaged cache file', async () => {
    const f = folders();
    const name = shardNames(f.cache).find((n) => n.startsWith('pilaca-nako-2021.')) as string;
    writeFileSync(cachePath(f, name), '{"format": "apparatus-search-shard", "trunc');
    const report = await serviceFor(f).ready();
    expect(report.built).toEqual(['pilaca-nako-2021']);
  });

  it('makes annotation edits searchable as soon as it is told', async () => {
    const f = folders();
    const list: SearchAnnotationInput[] = [];
    const service = serviceFor(f, list);
    await service.ready();
    const source = parseSource(readFileSync(join(f.corpus, 'edemskiy-2019.md'), 'utf8'));
    const start = readingText(source).text.indexOf('Belishova in a Stalinist way');
    list.push({
      id: 'a1',
      sourceId: 'edemskiy-2019',
      quote: { exact: 'Belishova in a Stalinist way' },
      note: 'Compare the wombat hypothesis.',
      tags: ['purges'],
      position: { start, end: start + 'Belishova in a Stalinist way'.length },
    });
    expect(service.search('wombat').hits).toEqual([]);
    service.annotationsChanged();
    const [hit] = service.search('wombat').hits;
    expect(hit).toMatchObject({
      kind: 'annotation',
      annotationId: 'a1',
      sourceId: 'edemskiy-2019',
      page: 'p. 379',
      snippetField: 'note',
      snippet: { text: 'Compare the wombat hypothesis.', marks: [{ start: 12, end: 18 }] },
    });
    expect(hit?.blockId).toMatch(/^b\d+$/);
    list.splice(0);
    service.annotationsChanged();
    expect(service.search('wombat').hits).toEqual([]);
  });

  it('finds Mëhilli for "mehilli" in edemskiy-2019 with a page label and a marked snippet', async () => {
    const service = serviceFor(folders());
    await service.ready();
    const hits = service.search('mehilli').hits.filter((hit) => hit.sourceId === 'edemskiy-2019');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.page).toMatch(/^pp?\. \d+/);
      expect(hit.sourceTitle).toMatch(/^Additional Evidence/);
      const [mark] = hit.snippet.marks;
      expect(mark && hit.snippet.text.slice(mark.start, mark.end)).toBe('Mëhilli');
    }
  });

  it('gives the section heading for a source without page milestones', async () => {
    const service = serviceFor(folders());
    await service.ready();
    const hit = service.search('instalinization').hits.find((h) => h.sourceId === 'wikipedia-split');
    const any = service.search('Hoxha', { limit: 100 }).hits.find((h) => h.sourceId === 'wikipedia-split');
    const unpaginated = hit ?? any;
    expect(unpaginated?.page).toBeNull();
    expect(typeof unpaginated?.section).toBe('string');
  });

  it('refuses to search before the index is ready, with a message for the user', () => {
    const service = serviceFor(folders());
    expect(() => service.search('hoxha')).toThrow(
      expect.objectContaining({ code: 'index-not-ready' }),
    );
  });

  it('limits the hits but reports the total', async () => {
    const service = serviceFor(folders());
    await service.ready();
    const result = service.search('Albania', { limit: 3 });
    expect(result.hits).toHaveLength(3);
    expect(result.total).toBeGreaterThan(3);
  });
});

function cachePath(f: SearchFolders, name: string): string {
  return join(versionFolder(f.cache, SEARCH_PIPELINE_VERSION), name);
}

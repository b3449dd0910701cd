import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { searchCommand, toJson } from '../../../electron/cli/search.ts';
import { annotationsFromStore } from '../../../electron/services/search/annotation-input.ts';
import { SearchService } from '../../../electron/services/search/search-service.ts';
import { openProjectStore } from '../../../electron/services/store/index.ts';
import { makeSearchFolders, type SearchFolders } from '../search/search-fixture.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';

let f: SearchFolders;
let projectDir: string;
let context: { env: Record<string, string | undefined>; cwd: string; platform: 'linux' };

beforeAll(async () => {
  f = makeSearchFolders();
  projectDir = join(f.root, 'project');
  const store = openProjectStore(join(projectDir, 'project.sqlite'));
  const tag = store.createTag('Vlora base');
  const source = parseSource(readFileSync(join(f.corpus, 'edemskiy-2019.md'), 'utf8'));
  const exact = 'the naval base at Vlora';
  const start = readingText(source).text.indexOf(exact);
  store.create({
    sourceId: 'edemskiy-2019',
    quote: { exact, prefix: '', suffix: '' },
    position: { start, end: start + exact.length },
    note: 'Khrushchev threatens to remove the naval base.',
    tags: [tag.id],
  });
  store.close();
  context = { env: {}, cwd: f.root, platform: 'linux' };
  // Warm the project's cache once so that each test below reads it.
  await searchCommand.run(['hoxha', '--project', projectDir], context);
});
afterAll(() => f.remove());

async function serviceHits(query: string, limit?: number) {
  const store = openProjectStore(join(projectDir, 'project.sqlite'), { readOnly: true });
  const annotations = annotationsFromStore(store);
  store.close();
  const service = new SearchService(new CorpusService(f.corpus), join(projectDir, 'cache'), () => annotations);
  await service.ready();
  return service.search(query, limit === undefined ? {} : { limit }).hits;
}

describe('apparatus search', () => {
  it('prints JSON hits in exactly the service’s order, annotations included', async () => {
    const outcome = await searchCommand.run(['naval', 'base', '--json', '--limit', '8', '--project', projectDir], context);
    expect(outcome.code).toBe(0);
    const printed = JSON.parse(outcome.stdout) as unknown[];
    expect(printed).toEqual((await serviceHits('naval base', 8)).map(toJson));
    expect(printed).toContainEqual(
      expect.objectContaining({ sourceId: 'edemskiy-2019', annotationId: expect.any(String), page: 'p. 379' }),
    );
  });

  it('gives source id, block id, score, snippet and page label for "mehilli"', async () => {
    const outcome = await searchCommand.run(['mehilli', '--json', '--project', projectDir], context);
    const printed = JSON.parse(outcome.stdout) as Record<string, unknown>[];
    const hit = printed.find((h) => h.sourceId === 'edemskiy-2019');
    expect(hit).toMatchObject({ blockId: expect.any(String), score: expect.any(Number), page: expect.stringMatching(/^pp?\. \d+/) });
    expect(hit?.snippet).toContain('Mëhilli');
  });

  it('prints text grouped by source, keeping the service’s order inside each group', async () => {
    const outcome = await searchCommand.run(['Khrushchev', '--limit', '12', '--project', projectDir], context);
    const hits = await serviceHits('Khrushchev', 12);
    const sources = [...new Set(hits.map((hit) => hit.sourceId))];
    const headers = outcome.stdout.split('\n').filter((line) => /^\S.*\(([a-z0-9-]+)\)$/.test(line));
    expect(headers.map((line) => /\(([a-z0-9-]+)\)$/.exec(line)?.[1])).toEqual(sources);
    const locations = outcome.stdout.split('\n').filter((line) => /^ {2}\S/.test(line));
    const expected = sources.flatMap((id) =>
      hits.filter((hit) => hit.sourceId === id).map((hit) => hit.page ?? (hit.section === null ? '' : `§ ${hit.section}`)),
    );
    expect(locations.map((line) => line.trim().split(' · ')[0])).toEqual(expected);
    expect(outcome.stdout).toContain('**Khrushchev**');
    expect(outcome.stdout).toMatch(/12 of \d+ matching passages\.\n$/);
  });

  it('says so when nothing matches', async () => {
    const outcome = await searchCommand.run(['xylophonist', '--project', projectDir], context);
    expect(outcome).toEqual({ code: 0, stdout: 'No passages match "xylophonist".\n', stderr: '' });
  });

  it('uses --cache and --corpus when given', async () => {
    const cache = join(f.root, 'other-cache');
    cpSync(join(projectDir, 'cache'), cache, { recursive: true });
    const outcome = await searchCommand.run(['Andropov', '--json', '--cache', cache, '--corpus', f.corpus, '--project', join(f.root, 'none')], context);
    expect((JSON.parse(outcome.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  it('rejects a missing query or a bad limit as usage errors', async () => {
    await expect(searchCommand.run(['--project', projectDir], context)).rejects.toMatchObject({ name: 'CliUsageError' });
    await expect(searchCommand.run(['hoxha', '--limit', 'lots'], context)).rejects.toMatchObject({ name: 'CliUsageError' });
  });
});

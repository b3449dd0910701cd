/**
 * Throw-away corpus and cache folders for search-service tests: a copy of the real cleaned corpus
 * and, when asked, a cache already filled by a first build (made once per test file).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SearchService } from '../../../electron/services/search/search-service.ts';
import type { SearchAnnotationInput } from '../../../electron/services/search/annotation-input.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';

/** The repository's cleaned corpus folder. */
export const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));

/** The ids of the five cleaned sources. */
export const SOURCE_IDS = [
  'edemskiy-2019',
  'memorie-kapo',
  'pilaca-nako-2021',
  'resexcellence-2021',
  'wikipedia-split',
];

/** A temporary folder with `corpus/` (the cleaned files) and `cache/`. */
export interface SearchFolders {
  root: string;
  corpus: string;
  cache: string;
  remove(): void;
}

/** Copies the cleaned corpus into a new temporary folder, with `cache` copied from `warmCache`. */
export function makeSearchFolders(warmCache?: string): SearchFolders {
  const root = mkdtempSync(join(tmpdir(), 'apparatus-search-'));
  const corpus = join(root, 'corpus');
  const cache = join(root, 'cache');
  mkdirSync(corpus);
  for (const name of readdirSync(CORPUS)) {
    if (name.endsWith('.md') && name !== 'README.md') cpSync(join(CORPUS, name), join(corpus, name));
  }
  if (warmCache) cpSync(warmCache, cache, { recursive: true });
  else mkdirSync(cache);
  return { root, corpus, cache, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A cache filled by one full build of the real corpus; returns its folder and a remover. */
export async function makeWarmCache(): Promise<SearchFolders> {
  const folders = makeSearchFolders();
  const service = new SearchService(new CorpusService(folders.corpus), folders.cache, () => []);
  await service.ready();
  return folders;
}

/** The shard files of the current pipeline version, by name. */
export function shardNames(cache: string): string[] {
  const root = join(cache, 'search');
  return readdirSync(root).flatMap((version) => readdirSync(join(root, version)).sort());
}

/** A service over `folders` whose annotations are whatever `list` holds when asked. */
export function serviceFor(
  folders: SearchFolders,
  list: SearchAnnotationInput[] = [],
): SearchService {
  return new SearchService(new CorpusService(folders.corpus), folders.cache, () => list, { log: () => {} });
}

/**
 * Small generated libraries for the search service's tests: many short cleaned sources written
 * with the real serializer, so that merges, edits and concurrent processes can be exercised in
 * seconds. The words come from a fixed list, so queries find passages in many sources.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeSource } from '../../../core/corpus/serialize-source.ts';
import type { Source } from '../../../core/corpus/model.ts';
import { makeSource } from '../../fixtures/search/sources.ts';

const WORDS = [
  'Albania', 'Moscow', 'Tirana', 'party', 'labour', 'naval', 'base', 'Vlora', 'grain', 'Soviet',
  'split', 'purge', 'Khrushchev', 'Hoxha', 'Mikoyan', 'delegation', 'committee', 'central', 'the', 'of',
];

/** A deterministic pseudo-random sequence (the C library's LCG), so a library is the same each run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Source `id` at revision `revision`: a heading and a few paragraphs of list words. */
export function generatedSource(id: string, revision = 0): Source {
  const next = random([...id].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7) + revision * 7919);
  const sentence = () => Array.from({ length: 4 + Math.floor(next() * 10) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const paragraphs = Array.from({ length: 2 + Math.floor(next() * 5) }, (): ['paragraph', string] => ['paragraph', `${sentence()}.`]);
  return makeSource(id, { title: `Report ${id}`, author: [{ family: 'Archivist', given: `Number ${id.length}` }] }, [
    ['heading', sentence()],
    ...paragraphs,
  ]);
}

/** Writes `<folder>/<id>.md` for source `id` at `revision`. */
export function writeGeneratedSource(folder: string, id: string, revision = 0): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${id}.md`), serializeSource(generatedSource(id, revision)));
}

/** The ids `g001` … of a library of `count` sources. */
export function generatedIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `g${String(i + 1).padStart(3, '0')}`);
}

/** Writes a library of `count` generated sources into `folder`; returns their ids. */
export function writeGeneratedLibrary(folder: string, count: number): string[] {
  const ids = generatedIds(count);
  for (const id of ids) writeGeneratedSource(folder, id);
  return ids;
}

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../core/corpus/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import {
  blockText,
  buildShard,
  documentsForSource,
  foldWord,
  loadShards,
  search,
  tokenize,
} from '../../../core/search/index.ts';
import { isStopWord } from '../../../core/search/stop-words.ts';

const CORPUS = new URL('../../../corpus/', import.meta.url);
const sources: Source[] = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .map((name) => parseSource(readFileSync(new URL(name, CORPUS), 'utf8')));
const documents = sources.map(documentsForSource);
const { shards, rejected } = loadShards(documents.map((docs) => buildShard(docs)));
// A heading's words are in its heading field, a paragraph's in its body.
const textOf = new Map(documents.flat().map((doc) => [doc.ref, doc.body || doc.heading]));

/** The texts of the blocks a query finds, in rank order. */
function found(query: string): string[] {
  return search(shards, query, { limit: 1000 }).hits.map((hit) => textOf.get(hit.ref) ?? '');
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Search's acceptance cases run on the cleaned corpus itself (the synthetic cases live beside).
describe('search over the real corpus', () => {
  it('loads one shard per source', () => {
    expect(rejected).toEqual([]);
    expect(sources).toHaveLength(5);
  });

  it('folds diacritics both ways: every spelling of Mëhilli finds the same passages', () => {
    const plain = found('mehilli');
    expect(plain.length).toBeGreaterThanOrEqual(5);
    for (const text of plain) expect(fold(text)).toContain('mehilli');
    expect(plain.some((text) => text.includes('Mëhilli'))).toBe(true);
    for (const spelling of ['Mëhilli', 'Mēhilli', 'Méhilli', 'MEHILLI']) expect(found(spelling)).toEqual(plain);
  });

  it('finds Koçi Xoxe from “koci xoxe”', () => {
    const hits = found('koci xoxe');
    expect(hits.length).toBeGreaterThanOrEqual(3);
    for (const text of hits) expect(text).toMatch(/Koçi/);
  });

  it('keeps accented letters at the edges of words: Ranković and Živorić', () => {
    for (const query of ['rankovic', 'Ranković']) expect(found(query).some((text) => text.includes('Ranković'))).toBe(true);
    for (const query of ['zivoric', 'Živorić']) {
      const hits = found(query);
      expect(hits.length).toBeGreaterThan(0);
      for (const text of hits) expect(text).toContain('Živorić');
    }
  });

  it('matches a phrase only as adjacent words in order inside one block', () => {
    const phrase = found('"Moscow and Tirana"');
    expect(phrase.length).toBeGreaterThan(0);
    for (const text of phrase) expect(text).toContain('Moscow and Tirana');
    const reversed = found('"Tirana and Moscow"');
    for (const text of reversed) expect(text).toContain('Tirana and Moscow');
    expect(found('"Tirana Moscow"').every((text) => /Tirana[\s,]+Moscow/.test(text))).toBe(true);
  });

  it('can find every word of every block by searching for it', () => {
    const firstSeen = new Map<string, string>();
    for (const doc of documents.flat()) {
      for (const word of tokenize(doc.body || doc.heading)) {
        const term = foldWord(word.text);
        if (term === '' || isStopWord(term) || firstSeen.has(word.text)) continue;
        firstSeen.set(word.text, doc.ref);
      }
    }
    const missed: string[] = [];
    for (const [surface, ref] of firstSeen) {
      if (!search(shards, surface, { limit: 10_000 }).hits.some((hit) => hit.ref === ref)) missed.push(surface);
    }
    expect(missed).toEqual([]);
    expect(firstSeen.size).toBeGreaterThan(3_000);
  });

  it('reads its blocks as the reader does', () => {
    const first = sources[0]!.blocks[0]!;
    expect(textOf.get(`${sources[0]!.id}#${first.id}`)).toBe(blockText(first));
  });
});

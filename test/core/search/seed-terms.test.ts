import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildShard,
  foldWord,
  loadShards,
  search,
  tokenize,
  type BlockDocument,
} from '../../../core/search/index.ts';
import { isStopWord } from '../../../core/search/stop-words.ts';

const RAW = new URL('../../../corpus/raw/', import.meta.url);

/** The five raw seeds split into paragraphs on blank lines: crude documents, one shard each. */
function seedDocuments(file: string): BlockDocument[] {
  const sourceId = file.replace(/\.txt$/u, '');
  const text = readFileSync(new URL(file, RAW), 'utf8');
  return text
    .split(/\n[ \t]*\n/u)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((body, i) => ({
      kind: 'block',
      ref: `${sourceId}#p${i + 1}`,
      sourceId,
      blockId: `p${i + 1}`,
      blockType: 'paragraph',
      inNote: false,
      order: i,
      title: '',
      author: '',
      heading: '',
      body,
    }));
}

describe('the index of the raw seed texts', () => {
  const files = readdirSync(RAW).filter((file) => file.endsWith('.txt')).sort();
  const documents = files.map(seedDocuments);
  const built = documents.map((docs) => buildShard(docs));
  const { shards, rejected } = loadShards(built);

  it('has five seeds, all loaded', () => {
    expect(files).toHaveLength(5);
    expect(rejected).toEqual([]);
  });

  it('finds every indexed term by searching for a word it came from', () => {
    // The first document where each written form occurs.
    const firstSeen = new Map<string, string>();
    for (const doc of documents.flat()) {
      for (const word of tokenize(doc.body)) {
        const term = foldWord(word.text);
        if (term === '' || isStopWord(term) || firstSeen.has(word.text)) continue;
        firstSeen.set(word.text, doc.ref);
      }
    }
    const indexed = new Set(
      built.flatMap((shard) => shard.lunr.invertedIndex.map(([term]) => term)),
    );
    expect(new Set([...firstSeen.keys()].map(foldWord))).toEqual(indexed);

    const missed: string[] = [];
    for (const [surface, ref] of firstSeen) {
      const { hits } = search(shards, surface, { limit: 10_000 });
      if (!hits.some((hit) => hit.ref === ref)) missed.push(surface);
    }
    expect(missed).toEqual([]);
    expect(firstSeen.size).toBeGreaterThan(4_000);
  });
});

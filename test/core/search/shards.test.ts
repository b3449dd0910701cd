import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import {
  buildShard,
  documentsForAnnotations,
  documentsForSource,
  loadShards,
  search,
  SEARCH_PIPELINE_VERSION,
  SearchIndexError,
  updateShards,
  type BlockDocument,
  type SearchableAnnotation,
  type SearchShards,
} from '../../../core/search/index.ts';
import { buildVocabulary } from '../../../core/search/lunr-interop.ts';
import { makeSource, names, split } from '../../fixtures/search/sources.ts';

const annotations: SearchableAnnotation[] = [
  {
    id: 'a1',
    sourceId: 'split',
    quote: { exact: 'Soviet advisers left Albania' },
    note: 'Compare the withdrawal of Chinese experts.',
    tags: ['Soviet aid'],
    blockId: 'b5',
  },
];

const nameDocs = documentsForSource(names);
const splitDocs = documentsForSource(split);
const annotationDocs = documentsForAnnotations(annotations);

const QUERIES = [
  'mehilli',
  'purge',
  'hoxha',
  'koci xoxe',
  '"party of labour"',
  'rankovi*',
  'Hrushchev~1',
  'soviet',
  'albania',
  'hoxha -tito',
  'in:headings purge',
  'source:split',
];

const ranking = (shards: SearchShards, query: string) =>
  search(shards, query, { limit: 100 }).hits.map((hit) => [hit.ref, hit.score]);

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('shard consistency', () => {
  it('ranks alike from one shard, one shard per source, or an arbitrary split', () => {
    const all = [...nameDocs, ...splitDocs, ...annotationDocs];
    const one = loadShards([buildShard(all)]).shards;
    const perSource = loadShards([
      buildShard(nameDocs),
      buildShard(splitDocs),
      buildShard(annotationDocs),
    ]).shards;
    const scattered = loadShards([
      buildShard(all.filter((_, i) => i % 3 === 0), { id: 'x' }),
      buildShard(all.filter((_, i) => i % 3 === 1), { id: 'y' }),
      buildShard(all.filter((_, i) => i % 3 === 2), { id: 'z' }),
    ]).shards;
    for (const query of QUERIES) {
      const expected = ranking(one, query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(ranking(perSource, query), query).toEqual(expected);
      expect(ranking(scattered, query), query).toEqual(expected);
    }
  });

  it('gives the same results after a JSON round trip', () => {
    const built = [buildShard(nameDocs), buildShard(splitDocs), buildShard(annotationDocs)];
    const direct = loadShards(built).shards;
    const stored = loadShards(built.map((shard) => JSON.parse(JSON.stringify(shard)))).shards;
    for (const query of QUERIES) {
      expect(ranking(stored, query), query).toEqual(ranking(direct, query));
    }
  });
});

describe('buildShard', () => {
  it('produces plain JSON, the same for the same documents', () => {
    const shard = buildShard(nameDocs);
    expect(JSON.stringify(buildShard(nameDocs))).toBe(JSON.stringify(shard));
    expect(roundTrip(shard)).toEqual(shard);
    expect(shard).toMatchObject({ version: SEARCH_PIPELINE_VERSION, id: 'source:names' });
  });

  it('names annotation shards and records the source for filters', () => {
    expect(buildShard(annotationDocs).id).toBe('annotations');
    expect(buildShard(splitDocs).sources).toEqual([
      { id: 'split', title: 'The Soviet–Albanian Split', author: 'Enver Hoxha' },
    ]);
  });

  it('refuses two documents with the same ref', () => {
    const twice = () => buildShard([...splitDocs, splitDocs[0]!]);
    expect(twice).toThrow(SearchIndexError);
    expect(twice).toThrow(/split#b1 was given twice/);
    try {
      twice();
    } catch (error) {
      expect((error as SearchIndexError).code).toBe('duplicate-document');
    }
  });
});

describe('updateShards', () => {
  const base = loadShards([
    buildShard(nameDocs),
    buildShard(splitDocs),
    buildShard(annotationDocs),
  ]).shards;

  it('replaces one source and leaves the other shards untouched', () => {
    const edited = makeSource('split', { title: 'The Soviet–Albanian Split' }, [
      ['paragraph', 'Enver Hoxha broke with Moscow over Khrushchev’s rapprochement.'],
    ]);
    const { shards, rejected } = updateShards(base, [buildShard(documentsForSource(edited))]);
    expect(rejected).toEqual([]);
    expect(search(shards, 'rapprochement').hits.map((h) => h.ref)).toEqual(['split#b1']);
    expect(search(shards, 'quarrelled').hits).toEqual([]);
    expect(shards.shards.find((s) => s.id === 'source:names')).toBe(
      base.shards.find((s) => s.id === 'source:names'),
    );
  });

  it('shows an annotation edit at once', () => {
    expect(search(base, 'tag:collectivisation').hits).toEqual([]);
    const edited = [{ ...annotations[0]!, tags: ['collectivisation'] }];
    const { shards } = updateShards(base, [buildShard(documentsForAnnotations(edited))]);
    expect(search(shards, 'tag:collectivisation').hits.map((h) => h.ref)).toEqual([
      'annotation:a1',
    ]);
    expect(search(shards, 'tag:soviet').hits).toEqual([]);
  });

  it('removes a shard by id', () => {
    const { shards } = updateShards(base, [], ['source:split']);
    expect(search(shards, 'hoxha').hits).toEqual([]);
    expect(search(shards, 'mehilli').total).toBe(4);
  });
});

describe('loadShards', () => {
  it('rejects a shard of another pipeline version and loads the rest', () => {
    const stale = { ...buildShard(splitDocs), version: 'apparatus-search-0' };
    const { shards, rejected } = loadShards([stale, buildShard(nameDocs)]);
    expect(rejected).toEqual([
      {
        id: 'source:split',
        code: 'stale-shard',
        message:
          'The search index "source:split" was made by another version of Apparatus ' +
          'and must be rebuilt.',
      },
    ]);
    expect(search(shards, 'mehilli').total).toBe(4);
  });

  it('rejects damaged shards without throwing', () => {
    const truncated = { ...buildShard(splitDocs), docs: 'oops' };
    const { shards, rejected } = loadShards([null, 'shard', {}, truncated]);
    expect(rejected.map((r) => [r.id, r.code])).toEqual([
      [undefined, 'malformed-shard'],
      [undefined, 'malformed-shard'],
      [undefined, 'malformed-shard'],
      ['source:split', 'malformed-shard'],
    ]);
    expect(rejected[3]?.message).toBe(
      'The search index "source:split" is damaged and must be rebuilt.',
    );
    expect(search(shards, 'hoxha')).toEqual({ hits: [], total: 0 });
  });
});

describe('terms with digits (lunr.js #503, #314)', () => {
  // Digit-heavy terms, like archive signatures and years. The generator is the classic C
  // library LCG in floating point, which is deterministic and yields 1,630 distinct terms.
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = new Set<string>();
  for (let n = 0; n < 20_000; n++) {
    let word = '';
    const length = 1 + Math.floor(random() * 8);
    for (let i = 0; i < length; i++) word += '0123456789kz'[Math.floor(random() * 12)];
    words.add(word);
  }
  const vocabulary = [...words];
  const TokenSet = lunr.TokenSet as unknown as {
    fromArray(sorted: string[]): lunr.TokenSet;
    _nextId: number;
  };

  /** Runs `build` with Lunr's global node counter at `start`, as in a freshly loaded page. */
  function withNodeIds<T>(start: number, build: () => T): T {
    const saved = TokenSet._nextId;
    TokenSet._nextId = start;
    try {
      return build();
    } finally {
      TokenSet._nextId = Math.max(saved, TokenSet._nextId);
    }
  }

  it('is a vocabulary on which a stock Lunr token set, built first in a page, loses terms', () => {
    const sorted = [...vocabulary].sort();
    const kept = new Set(withNodeIds(1, () => TokenSet.fromArray(sorted).toArray()));
    expect(sorted.filter((word) => !kept.has(word))).not.toEqual([]);
  });

  it('keeps every term in our vocabulary, whatever the node ids', () => {
    for (const start of [1, 2, 3, 5, 8, 13, 21, 100, 1000]) {
      const lookUp = withNodeIds(start, () => buildVocabulary(vocabulary));
      const lost = vocabulary.filter(
        (word) => !lookUp.withPrefix(word).includes(word) || !lookUp.near(word, 1).includes(word),
      );
      expect(lost, `ids from ${start}`).toEqual([]);
    }
  });

  it('finds every such term by search, whole and as a prefix', () => {
    const docs: BlockDocument[] = [];
    for (let i = 0; i < vocabulary.length; i += 100) {
      const blockId = `b${docs.length + 1}`;
      docs.push({
        kind: 'block',
        ref: `codes#${blockId}`,
        sourceId: 'codes',
        blockId,
        blockType: 'paragraph',
        inNote: false,
        order: docs.length,
        title: '',
        author: '',
        heading: '',
        body: vocabulary.slice(i, i + 100).join(' '),
      });
    }
    const shard = buildShard(docs);
    // Load and run a first prefix search (which builds the look-up automaton) with small node
    // ids, as the first search in a freshly opened window would.
    const { shards } = withNodeIds(1, () => {
      const loaded = loadShards([shard]);
      search(loaded.shards, 'k*');
      return loaded;
    });
    const missed = vocabulary.filter((word, i) => {
      const ref = `codes#b${Math.floor(i / 100) + 1}`;
      const finds = (query: string) =>
        search(shards, query, { limit: 1000 }).hits.some((hit) => hit.ref === ref);
      return !finds(word) || !finds(`${word}*`);
    });
    expect(missed).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../core/corpus/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import {
  assemble,
  buildSegment,
  decodeSegment,
  documentsForAnnotations,
  documentsForSource,
  encodeSegment,
  loadedShard,
  mergeSegments,
  planMerges,
  reconcileSources,
  search,
  SearchIndexError,
  segmentBytes,
  SEARCH_PIPELINE_VERSION,
  type LoadedShard,
  type SearchableAnnotation,
  type SearchShards,
  type Segment,
} from '../../../core/search/index.ts';
import { makeSource } from '../../fixtures/search/sources.ts';

const CORPUS = new URL('../../../corpus/', import.meta.url);
const sources: Source[] = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()
  .map((name) => parseSource(readFileSync(new URL(name, CORPUS), 'utf8')));

const annotations: SearchableAnnotation[] = [
  {
    id: 'a1',
    sourceId: 'edemskiy-2019',
    quote: { exact: 'Belishova in a Stalinist way' },
    note: 'Compare the purge of Koçi Xoxe.',
    tags: ['show trials'],
    parentTags: ['purges'],
  },
  { id: 'a2', sourceId: 'wikipedia-split', quote: { exact: 'the naval base at Vlora' }, note: 'Soviet submarines', tags: ['purges'] },
];

const QUERIES = [
  'Khrushchev',
  'Albania',
  'naval base',
  '"naval base"',
  '"central committee"',
  '"Party of Labour"',
  'Khrush*',
  'diplom*',
  'Krushchev~1',
  'Tirrana~2',
  'Mëhilli',
  'Soviet-Albanian',
  'Hoxha -Tito',
  'in:headings split',
  'in:footnotes Moscow',
  'source:wikipedia Hoxha',
  'author:edemskiy Khrushchev',
  'tag:purges',
  'soviet in:annotations',
  'source:pilaca-nako-2021',
];

const docsOf = (source: Source) => documentsForSource(source);
const allDocs = [...sources.flatMap(docsOf), ...documentsForAnnotations(annotations)];

const ranking = (set: SearchShards, query: string) => {
  const result = search(set, query, { limit: 1000 });
  return { total: result.total, hits: result.hits.map((hit) => [hit.ref, hit.score, hit.matches]) };
};

const segment = (docs: typeof allDocs, id: string) => buildSegment(docs, { id });
const shardsOf = (...segments: Segment[]) => assemble(segments.map((s) => loadedShard(s)));

describe('segments rank alike however the documents are split', () => {
  const one = shardsOf(segment(allDocs, 'one'));
  it('finds something for every query of the mix', () => {
    for (const query of QUERIES) expect(ranking(one, query).total, query).toBeGreaterThan(0);
  });

  it('gives the same hits, scores and marks from one segment, one per source, or an arbitrary split', () => {
    const perSource = shardsOf(
      ...sources.map((source) => segment(docsOf(source), source.id)),
      segment(documentsForAnnotations(annotations), 'annotations'),
    );
    const scattered = shardsOf(...[0, 1, 2, 3].map((k) => segment(allDocs.filter((_, i) => i % 4 === k), `part${k}`)));
    for (const query of QUERIES) {
      const expected = ranking(one, query);
      expect(ranking(perSource, query), query).toEqual(expected);
      expect(ranking(scattered, query), query).toEqual(expected);
    }
  });

  it('gives the same results after merging, and after storing and reading back', () => {
    const parts = [0, 1, 2].map((k) => loadedShard(segment(allDocs.filter((_, i) => i % 3 === k), `part${k}`)));
    const merged = mergeSegments(parts, 'merged');
    const stored = encodeSegment(merged);
    const read = decodeSegment({ meta: JSON.parse(JSON.stringify(stored.meta)), data: stored.data.slice() });
    for (const query of QUERIES) {
      const expected = ranking(one, query);
      expect(ranking(shardsOf(merged), query), query).toEqual(expected);
      expect(ranking(shardsOf(read), query), query).toEqual(expected);
    }
  });

  it('masks an outdated copy of a source so that only the current one counts, statistics included', () => {
    const old = makeSource('wikipedia-split', { title: 'An older text' }, [['paragraph', 'Khrushchev and Albania in an older text.']]);
    const stale = buildSegment([...docsOf(old), ...allDocs.filter((doc) => doc.sourceId === 'memorie-kapo')], {
      id: 'stale',
      hashes: new Map([
        ['wikipedia-split', 'old'],
        ['memorie-kapo', 'current'],
      ]),
    });
    const current = buildSegment(
      allDocs.filter((doc) => doc.sourceId !== 'memorie-kapo'),
      { id: 'current', hashes: new Map(sources.map((s) => [s.id, 'current'])) },
    );
    const { shards, dead, missing } = reconcileSources(
      [loadedShard(stale), loadedShard(current)],
      new Map(sources.map((s) => [s.id, 'current'])),
    );
    expect(dead).toEqual([]);
    expect(missing).toEqual([]);
    const masked = assemble(shards);
    for (const query of QUERIES) expect(ranking(masked, query), query).toEqual(ranking(one, query));
  });
});

describe('stored segments', () => {
  const built = segment(allDocs.slice(0, 40), 'some');

  it('read back exactly', () => {
    const stored = encodeSegment(built);
    const read = decodeSegment(stored);
    expect({ ...read, postings: [...read.postings], stops: [...read.stops] }).toEqual({
      ...built,
      postings: [...built.postings],
      stops: [...built.stops],
    });
    expect(stored.meta.version).toBe(SEARCH_PIPELINE_VERSION);
  });

  it('are refused when damaged or made by another version, with typed errors', () => {
    const stored = encodeSegment(built);
    const code = (input: { meta: unknown; data: Uint8Array }) => {
      try {
        decodeSegment(input);
        return 'read';
      } catch (error) {
        expect(error).toBeInstanceOf(SearchIndexError);
        return (error as SearchIndexError).code;
      }
    };
    expect(code({ meta: { ...stored.meta, version: 'apparatus-search-0' }, data: stored.data })).toBe('stale-shard');
    expect(code({ meta: { ...stored.meta, docCount: 'many' }, data: stored.data })).toBe('malformed-shard');
    expect(code({ meta: stored.meta, data: stored.data.subarray(0, stored.data.length - 3) })).toBe('malformed-shard');
    expect(code({ meta: stored.meta, data: new Uint8Array([...stored.data, 1]) })).toBe('malformed-shard');
    expect(code({ meta: { ...stored.meta, terms: stored.meta.terms.split(' ').reverse().join(' ') }, data: stored.data })).toBe('malformed-shard');
  });
});

describe('the tiered merge policy', () => {
  const seg = (id: string, bytes: number, live = 10) => ({ id, bytes, docCount: 10, live });

  it('merges a tier once it holds `factor` segments, smallest first', () => {
    const small = Array.from({ length: 11 }, (_, i) => seg(`s${i}`, 1000 + i));
    expect(planMerges(small, { factor: 10, floorBytes: 1 << 20 })).toEqual([small.slice(0, 10).map((s) => s.id)]);
    expect(planMerges(small.slice(0, 9), { factor: 10, floorBytes: 1 << 20 })).toEqual([]);
  });

  it('keeps tiers apart, so large segments are not rewritten for small ones', () => {
    const mixed = [...Array.from({ length: 3 }, (_, i) => seg(`big${i}`, 50 << 20)), ...Array.from({ length: 3 }, (_, i) => seg(`small${i}`, 10))];
    expect(planMerges(mixed, { factor: 3, floorBytes: 1 << 20 })).toEqual([['small0', 'small1', 'small2'], ['big0', 'big1', 'big2']]);
    expect(planMerges(mixed.slice(2), { factor: 3, floorBytes: 1 << 20 })).toEqual([['small0', 'small1', 'small2']]);
  });

  it('rewrites a segment whose documents are mostly masked, and ignores an empty one', () => {
    expect(planMerges([seg('worn', 1000, 5), seg('fresh', 1000, 10), seg('empty', 1000, 0)])).toEqual([['worn']]);
  });

  it('keeps a growing library at a bounded number of segments', () => {
    let segments: { id: string; bytes: number; docCount: number; live: number }[] = [];
    let next = 0;
    for (let i = 0; i < 2000; i += 1) {
      segments.push(seg(`s${next++}`, 40_000));
      for (let plan = planMerges(segments); plan.length > 0; plan = planMerges(segments)) {
        for (const group of plan) {
          const bytes = segments.filter((s) => group.includes(s.id)).reduce((sum, s) => sum + s.bytes, 0);
          segments = [...segments.filter((s) => !group.includes(s.id)), seg(`s${next++}`, bytes)];
        }
      }
      expect(segments.length).toBeLessThanOrEqual(9 * 4);
    }
  });
});

// A small generated library: sources made of words from a fixed vocabulary, so that edits
// change document frequencies and field lengths, and queries find many passages.
const WORDS = ['albania', 'moscow', 'tirana', 'party', 'labour', 'naval', 'base', 'vlora', 'grain', 'soviet', 'split', 'purge', 'the', 'of'];
const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const text = fc.array(paragraph, { minLength: 1, maxLength: 5 });
const ID = fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6');
const operation = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), id: ID, paragraphs: text, title: fc.constantFrom('Naval base', 'Grain', 'Split') }),
  fc.record({ kind: fc.constant('remove' as const), id: ID }),
);
const PROPERTY_QUERIES = ['albania', 'naval base', '"naval base"', '"party of labour"', 'sov*', 'tirrana~1', 'purge -grain', 'split', 'source:s3', 'in:headings grain'];

function sourceOf(id: string, title: string, paragraphs: readonly string[]): Source {
  return makeSource(id, { title }, [['heading', title], ...paragraphs.map((p): ['paragraph', string] => ['paragraph', p])]);
}

describe('incremental updates', () => {
  it('give the same results as indexing the final library from scratch', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 25 }), fc.integer({ min: 2, max: 4 }), (operations, factor) => {
        const library = new Map<string, Source>();
        const current = new Map<string, string>();
        let shards: LoadedShard[] = [];
        let version = 0;
        let merged = 0;
        for (const op of operations) {
          if (op.kind === 'remove') {
            library.delete(op.id);
            current.delete(op.id);
          } else {
            const source = sourceOf(op.id, op.title, op.paragraphs);
            const hash = `v${version++}`;
            library.set(op.id, source);
            current.set(op.id, hash);
            shards.push(loadedShard(buildSegment(documentsForSource(source), { id: `${op.id}.${hash}`, hashes: new Map([[op.id, hash]]) })));
          }
          shards = reconcileSources(shards, current).shards;
          for (const group of planMerges(
            shards.map((s) => ({ id: s.id, bytes: segmentBytes(s.segment), docCount: s.segment.docCount, live: s.live })),
            { factor, floorBytes: 1 },
          )) {
            const inputs = shards.filter((s) => group.includes(s.id));
            const output = loadedShard(mergeSegments(inputs, `merged${merged++}`));
            shards = reconcileSources([...shards.filter((s) => !group.includes(s.id)), output], current).shards;
          }
        }
        const incremental = assemble(shards);
        const fresh = assemble(
          [...library.values()].map((source) =>
            loadedShard(buildSegment(documentsForSource(source), { id: source.id, hashes: new Map([[source.id, current.get(source.id) ?? '']]) })),
          ),
        );
        for (const query of PROPERTY_QUERIES) expect(ranking(incremental, query), query).toEqual(ranking(fresh, query));
      }),
      { numRuns: 150 },
    );
  });
});

describe('what a searcher expects, on the real corpus', () => {
  const library = shardsOf(...sources.map((source) => segment(docsOf(source), source.id)), segment(documentsForAnnotations(annotations), 'annotations'));

  it('suggests the spellings the library holds when nothing matches', () => {
    expect(search(library, 'khruschev')).toMatchObject({ hits: [], total: 0, suggestions: ['Khrushchev'] });
    expect(search(library, 'mikoyen').suggestions?.[0]).toBe('Mikoyan');
    expect(search(library, 'khruschev Albania').suggestions?.[0]).toBe('Khrushchev Albania');
    expect(search(library, 'xylophonist')).toEqual({ hits: [], total: 0 });
    expect(search(library, 'Khrushchev').suggestions).toBeUndefined();
  });

  it('suggests a spelling for a word inside a quoted phrase, keeping the phrase and its other words', () => {
    expect(search(library, '"Enver Hoxa"').suggestions?.[0]).toBe('"Enver Hoxha"');
    expect(search(library, '"the Warsaw Pakt" Albania').suggestions?.[0]).toBe('"the Warsaw Pact" Albania');
    expect(search(library, '"Nikitta Khruschev"').suggestions?.[0]).toBe('"Nikita Khrushchev"');
  });

  it('lists the passages of a tag and of the tags filed under it', () => {
    expect(search(library, 'tag:purges').hits.map((hit) => hit.ref).sort()).toEqual(['annotation:a1', 'annotation:a2']);
    expect(search(library, 'tag:"show trials"').hits.map((hit) => hit.ref)).toEqual(['annotation:a1']);
    // A tag of its own ranks above a parent's name.
    expect(search(library, 'tag:purges').hits[0]?.ref).toBe('annotation:a2');
  });

  it('matches source: against id, title, container title and author', () => {
    const sourcesOf = (query: string) => [...new Set(search(library, query, { limit: 1000 }).hits.map((hit) => hit.sourceId))].sort();
    expect(sourcesOf('source:wikipedia')).toEqual(['wikipedia-split']);
    expect(sourcesOf('source:balcanica')).toEqual(['edemskiy-2019']);
    expect(sourcesOf('source:edemskiy')).toEqual(['edemskiy-2019', 'memorie-kapo']);
    expect(sourcesOf('source:memorie-kapo')).toEqual(['memorie-kapo']);
    expect(sourcesOf('source:"Splitting Apart"')).toEqual(['pilaca-nako-2021']);
  });

  it('explains an unknown field or a boost instead of finding nothing', () => {
    const plain = search(library, 'Hoxha').total;
    for (const query of ['title:Hoxha', 'foo:Hoxha']) {
      const result = search(library, query);
      expect(result.total, query).toBe(plain);
      expect(result.message, query).toMatch(/is not a field Apparatus knows/);
    }
    expect(search(library, 'title:Hoxha').message).toMatch(/use source:Hoxha/);
    const boosted = search(library, 'Hoxha^2');
    expect(boosted.total).toBe(plain);
    expect(boosted.message).toMatch(/Boosts such as "\^2" are not used/);
    expect(search(library, '"naval base"^3').message).toMatch(/Boosts/);
  });
});

describe('words that stand for very many terms', () => {
  // Three thousand distinct words beginning with "x", as a large library's years or shelf marks.
  const many = makeSource('codes', { title: 'Codes' }, [
    ...Array.from({ length: 30 }, (_, p): ['paragraph', string] => [
      'paragraph',
      Array.from({ length: 100 }, (_, i) => `x${(p * 100 + i).toString(36)}q`).join(' '),
    ]),
  ]);
  const library = shardsOf(buildSegment(documentsForSource(many), { id: 'codes' }));

  it('are cut to the nearest terms, with a message saying so', () => {
    const prefix = search(library, 'x*');
    expect(prefix.message).toMatch(/^"x\*" stands for 3,000 different words; only the 2,000 closest were searched/);
    expect(prefix.total).toBeGreaterThan(0);
    const fuzzy = search(library, 'x0q~2');
    expect(fuzzy.total).toBeGreaterThan(0);
    const both = search(library, 'x* x1* x2*');
    expect(both.total).toBeGreaterThan(0);
  });

  it('are not cut when they stand for few', () => {
    expect(search(library, 'x1a*').message).toBeUndefined();
  });
});

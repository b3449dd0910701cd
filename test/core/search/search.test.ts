import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockText,
  buildShard,
  documentsForAnnotations,
  documentsForSource,
  loadShards,
  search,
  type SearchableAnnotation,
} from '../../../core/search/index.ts';
import { makeSource, names, split } from '../../fixtures/search/sources.ts';

const annotations: SearchableAnnotation[] = [
  {
    id: 'a1',
    sourceId: 'split',
    quote: { exact: 'Soviet advisers left Albania' },
    note: 'Compare the withdrawal of Chinese experts.',
    tags: ['Soviet aid', 'withdrawal'],
    blockId: 'b5',
  },
  {
    id: 'a2',
    sourceId: 'names',
    quote: { exact: 'Koçi Xoxe was tried in 1949' },
    note: 'Trial transcripts are lost.',
    tags: ['purge'],
    blockId: 'b6',
  },
];

const { shards } = loadShards([
  buildShard(documentsForSource(names)),
  buildShard(documentsForSource(split)),
  buildShard(documentsForAnnotations(annotations)),
]);

const refs = (query: string) => search(shards, query, { limit: 100 }).hits.map((hit) => hit.ref);
const refSet = (query: string) => [...refs(query)].sort();

/** The text a block hit's ranges point into. */
function textOf(ref: string): string {
  const [sourceId, blockId] = ref.split('#');
  const source = [names, split].find((s) => s.id === sourceId)!;
  const block = [...source.blocks, ...source.notes.flatMap((n) => n.blocks)].find(
    (b) => b.id === blockId,
  )!;
  return blockText(block);
}

describe('search: diacritic folding both ways', () => {
  it('finds Mëhilli, Mēhilli, Méhilli and Mehilli from mehilli', () => {
    expect(refSet('mehilli')).toEqual(['names#b2', 'names#b3', 'names#b4', 'names#b5']);
  });

  it('finds the unaccented Mehilli from Mëhilli', () => {
    expect(refSet('Mëhilli')).toEqual(['names#b2', 'names#b3', 'names#b4', 'names#b5']);
  });

  it('finds Koçi Xoxe from koci xoxe, the heading first', () => {
    expect(refs('koci xoxe')).toEqual(['split#b1', 'names#b6', 'annotation:a2']);
  });

  it('finds Ranković from rankovic and from Ranković', () => {
    expect(refs('rankovic')).toEqual(['names#b7']);
    expect(refs('Ranković')).toEqual(['names#b7']);
  });

  it('finds Živorić, with accented first and last letters, from zivoric and Živorić', () => {
    expect(refs('zivoric')).toEqual(['names#b8']);
    expect(refs('Živorić')).toEqual(['names#b8']);
  });

  it('marks the accented word as written in the block', () => {
    const [hit] = search(shards, 'mehilli Plain').hits;
    expect(hit?.ref).toBe('names#b5');
    const marked = search(shards, 'Mēhilli').hits.find((h) => h.ref === 'names#b3')!;
    const text = textOf(marked.ref);
    expect(marked.matches.map((m) => text.slice(m.start, m.end))).toEqual(['Mēhilli']);
  });
});

describe('search: phrases', () => {
  it('matches only the words adjacent and in order, stop words included', () => {
    // b9 has "Labour ... the party", b10 "party and labour": neither is the phrase.
    expect(refSet('"party of labour"')).toEqual(['names#b8', 'names#n1']);
  });

  it('does not match words separated by another word', () => {
    expect(refs('"Tito Hoxha"')).toEqual([]);
    expect(refs('"Tito and Hoxha"')).toEqual(['split#b2']);
  });

  it('marks the whole phrase', () => {
    const hit = search(shards, '"Party of Labour of Albania"').hits[0]!;
    expect(hit.ref).toBe('names#b8');
    expect(hit.matches.map((m) => textOf(hit.ref).slice(m.start, m.end))).toEqual([
      'Party of Labour of Albania',
    ]);
  });

  it('never matches across block boundaries', () => {
    const source = makeSource('edges', { title: 'Edges' }, [
      ['paragraph', 'The delegation flew to Belgrade'],
      ['paragraph', 'Tirana answered at once.'],
    ]);
    const { shards: edges } = loadShards([buildShard(documentsForSource(source))]);
    expect(search(edges, '"Belgrade Tirana"').hits).toEqual([]);
    expect(search(edges, '"to Belgrade"').hits.map((h) => h.ref)).toEqual(['edges#b1']);
  });

  it('never matches across two tags of an annotation', () => {
    expect(refs('tag:"soviet aid"')).toEqual(['annotation:a1']);
    expect(refs('tag:"aid withdrawal"')).toEqual([]);
  });
});

describe('search: prefix, fuzzy and exclusion', () => {
  it('finds words beginning with a prefix, inflected forms included', () => {
    expect(refs('rankovi*')).toEqual(['names#b7', 'names#b11']);
    expect(refSet('purg*')).toEqual(['annotation:a2', 'names#b1', 'split#b1', 'split#b4']);
  });

  it('matches a prefix against words as written, not against their stems', () => {
    // Lunr alone indexes "modules" as its stem "modul", so module* found nothing (lunr.js #256).
    const source = makeSource('print', { title: 'Printing' }, [
      ['paragraph', 'Two modules were printed.'],
    ]);
    const { shards: printing } = loadShards([buildShard(documentsForSource(source))]);
    for (const query of ['module*', 'modules*', 'module', 'modul*']) {
      expect(search(printing, query).hits.map((h) => h.ref), query).toEqual(['print#b1']);
    }
  });

  it('finds words one typing error away with ~1, and two away only with ~2', () => {
    expect(refSet('Hrushchev~1')).toEqual(['split#b3', 'split#b4']);
    expect(refs('Zivoricz~1')).toEqual(['names#b8']);
    expect(refs('Zivoricxy~1')).toEqual([]);
    expect(refs('Zivoricxy~2')).toEqual(['names#b8']);
  });

  it('leaves out documents containing an excluded word or phrase', () => {
    expect(refSet('Hoxha')).toEqual(['split#b2', 'split#b3', 'split#b4']);
    expect(refSet('Hoxha -Tito')).toEqual(['split#b4']);
    expect(refSet('party -"party of labour"')).toEqual(['names#b10', 'names#b9']);
  });

  it('finds every word as written and through its stem', () => {
    expect(refSet('quarrel')).toEqual(['split#b2']);
    expect(refSet('advisers')).toEqual(['annotation:a1', 'split#b5']);
  });
});

describe('search: field filters', () => {
  it('author: keeps passages of sources by that author', () => {
    expect(refSet('author:kalic purge')).toEqual(['annotation:a2', 'names#b1']);
    expect(refSet('author:Kal* purge')).toEqual(['annotation:a2', 'names#b1']);
    expect(refSet('-author:kalic purge')).toEqual(['split#b1', 'split#b4']);
  });

  it('source: matches the source id or words of its title', () => {
    expect(refSet('source:split purge')).toEqual(['split#b1', 'split#b4']);
    expect(refSet('source:"Albanian records" purge')).toEqual(['annotation:a2', 'names#b1']);
    expect(refSet('-source:split purge')).toEqual(['annotation:a2', 'names#b1']);
  });

  it('says when no source of the library matches a source: or author: filter, and only then', () => {
    const nothing = search(shards, 'purge source:nosuchsource', { limit: 100 });
    expect(nothing.hits).toEqual([]);
    expect(nothing.message).toBe('No source has the id "nosuchsource" or those words in its title, journal or authors, so "source:nosuchsource" matched no source.');
    expect(search(shards, 'purge author:Pearsen', { limit: 100 }).message).toBe('No author in the library is named "Pearsen", so "author:Pearsen" matched no source.');
    expect(search(shards, 'purge author:Kal*', { limit: 100 }).message).toBeUndefined();
    expect(search(shards, 'purge -source:nosuchsource', { limit: 100 }).message).toBeUndefined();
  });

  it('tag: finds annotations by a word of a tag name', () => {
    expect(refs('tag:soviet')).toEqual(['annotation:a1']);
    expect(refs('tag:purge')).toEqual(['annotation:a2']);
    expect(refs('tag:Xoxe')).toEqual([]);
  });

  it('in: restricts the search to notes, quotes, footnotes or headings', () => {
    expect(refs('in:notes chinese')).toEqual(['annotation:a1']);
    expect(refs('in:notes soviet')).toEqual([]);
    expect(refs('in:quotes advisers')).toEqual(['annotation:a1']);
    expect(refs('in:footnotes labour')).toEqual(['names#n1']);
    expect(refSet('in:headings purge')).toEqual(['names#b1', 'split#b1']);
    expect(refSet('-in:annotations purge')).toEqual(['names#b1', 'split#b1', 'split#b4']);
  });

  it('filters annotations through their source', () => {
    expect(refs('author:hoxha in:annotations')).toEqual(['annotation:a1']);
  });
});

describe('search: annotations', () => {
  it('finds the annotation and its passage from a tag word', () => {
    const [hit] = search(shards, 'withdrawal').hits;
    expect(hit).toMatchObject({
      ref: 'annotation:a1',
      kind: 'annotation',
      annotationId: 'a1',
      sourceId: 'split',
      blockId: 'b5',
      fields: ['note', 'tags'],
      matches: [
        { field: 'note', start: 12, end: 22 },
        { field: 'tags', start: 11, end: 21 },
      ],
    });
  });

  it('finds the annotation and its passage from a note word', () => {
    expect(search(shards, 'transcripts').hits).toMatchObject([
      { ref: 'annotation:a2', annotationId: 'a2', sourceId: 'names', blockId: 'b6' },
    ]);
  });
});

describe('search: ranking and results', () => {
  it('ranks a word in a heading above the same word in running text', () => {
    const [first, second, third] = refs('in:text purge');
    expect([first, second].sort()).toEqual(['names#b1', 'split#b1']);
    expect(third).toBe('split#b4');
  });

  it('returns a single passage for a source that matches only by title or author', () => {
    expect(refs('Soviet-Albanian')).toEqual(['split#b1']);
    expect(search(shards, 'Soviet-Albanian').hits[0]?.fields).toEqual(['title']);
    expect(refs('Enver')).toEqual(['split#b1']);
  });

  it('lets title and author words combine with words of the passage', () => {
    expect(refs('Enver Yugoslavia')).toEqual(['split#b2']);
    expect(search(shards, 'Enver Yugoslavia').hits[0]?.fields).toEqual(['author', 'body']);
  });

  it('returns at most limit hits and the total number found', () => {
    const result = search(shards, 'mehilli', { limit: 2 });
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(4);
    expect(search(shards, 'mehilli', { limit: 0 }).hits).toEqual([]);
  });

  it('lists a filter-only query in reading order', () => {
    expect(refs('source:split')).toEqual([
      'split#b1',
      'split#b2',
      'split#b3',
      'split#b4',
      'split#b5',
      'annotation:a1',
    ]);
  });
});

describe('search: awkward words', () => {
  it('indexes and finds words named like built-in properties', () => {
    const source = makeSource('js', { title: 'Edge cases' }, [
      ['paragraph', 'The constructor called toString and valueOf, then hasOwnProperty.'],
      ['paragraph', 'A __proto__ sat beside the prototype.'],
    ]);
    const { shards: awkward } = loadShards([
      JSON.parse(JSON.stringify(buildShard(documentsForSource(source)))),
    ]);
    const found = (query: string) => search(awkward, query).hits.map((h) => h.ref);
    for (const word of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'constructor*']) {
      expect(found(word), word).toEqual(['js#b1']);
    }
    expect(found('__proto__')).toEqual(['js#b2']);
    expect(found('proto*')).toEqual(['js#b2']);
  });
});

describe('search: malformed queries', () => {
  it('explains that only stop words were typed', () => {
    expect(search(shards, 'the of')).toEqual({
      hits: [],
      total: 0,
      message:
        'Only very common words were typed (the, of); they are not indexed. ' +
        'Add a more specific word.',
    });
  });

  it('searches an unbalanced quote as a phrase and says so', () => {
    const result = search(shards, '"party of labour');
    expect(result.hits.map((h) => h.ref).sort()).toEqual(['names#b8', 'names#n1']);
    expect(result.message).toMatch(/closing quotation mark was missing/);
  });

  it('explains a lone minus, a lone ~ and a search that only leaves words out', () => {
    expect(search(shards, '-').message).toMatch(/A "-" on its own was ignored/);
    expect(search(shards, '~').message).toMatch(/A "~" on its own was ignored/);
    expect(search(shards, '-Tito')).toMatchObject({
      hits: [],
      message: 'A search cannot only leave words out: add a word to look for, as in Hoxha -Tito.',
    });
  });

  it('runs the start of a 10,000-character query', () => {
    const result = search(shards, `Hoxha ${'x'.repeat(10_000)}`);
    expect(result.hits).toEqual([]);
    expect(result.message).toMatch(/too long/);
    expect(search(shards, `Ranković ${'~'.repeat(9_990)}`).hits.map((h) => h.ref)).toEqual([
      'names#b7',
    ]);
  });

  it('ignores places and keys named like built-in properties', () => {
    expect(search(shards, 'in:constructor in:__proto__ Ranković').hits.map((h) => h.ref)).toEqual([
      'names#b7',
    ]);
  });

  it('is silent on an empty query', () => {
    expect(search(shards, '   ')).toEqual({ hits: [], total: 0 });
  });

  it('never throws, whatever is typed', () => {
    const syntax = fc.constantFrom('"', '-', '*', '~', '~1', 'tag:', 'in:notes', 'source:', 'hox');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), syntax), { maxLength: 20 }), (parts) => {
        expect(search(shards, parts.join('')).total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('search: dates written with and without leading zeros', () => {
  const minutes = makeSource('minutes', { title: 'Minutes of the Politburo' }, [
    ['paragraph', 'The meeting of 12.5.1961 heard the report from Moscow.'],
    ['paragraph', 'On 03/07/1961 the delegation returned.'],
  ]);
  const loaded = loadShards([buildShard(documentsForSource(minutes))]).shards;
  const found = (query: string) => search(loaded, query, { limit: 10 }).hits.map((hit) => hit.ref);

  it('finds 12.5.1961 from 12.05.1961, and 03/07/1961 from 3.7.1961, as a phrase', () => {
    expect(found('12.05.1961')).toEqual(['minutes#b1']);
    expect(found('"12.05.1961"')).toEqual(['minutes#b1']);
    expect(found('3.7.1961')).toEqual(['minutes#b2']);
  });

  it('marks the date as written in the block', () => {
    const hit = search(loaded, '12.05.1961', { limit: 10 }).hits[0]!;
    const text = 'The meeting of 12.5.1961 heard the report from Moscow.';
    expect(hit.matches.map((m) => text.slice(m.start, m.end))).toEqual(['12.5.1961']);
  });
});

describe('search: the next page of an answer', () => {
  it('skips the `offset` best hits, so that pages follow on without gap or repeat', () => {
    const all = search(shards, 'mehilli', { limit: 100 });
    const first = search(shards, 'mehilli', { limit: 2 });
    const next = search(shards, 'mehilli', { limit: 2, offset: 2 });
    expect([...first.hits, ...next.hits].map((hit) => hit.ref)).toEqual(all.hits.slice(0, 4).map((hit) => hit.ref));
    expect(next.total).toBe(all.total);
    expect(search(shards, 'mehilli', { limit: 2, offset: all.total }).hits).toEqual([]);
  });
});

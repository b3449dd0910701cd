import { describe, expect, it } from 'vitest';
import {
  blockText,
  documentsForAnnotations,
  documentsForSource,
} from '../../../core/search/index.ts';
import { makeSource } from '../../fixtures/search/sources.ts';

const source = makeSource(
  'kalic-1999',
  {
    title: 'Information about Belgrade',
    author: [
      { family: 'Kalić', given: 'Jovanka' },
      { literal: 'Wikipedia contributors' },
      { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' },
    ],
  },
  [
    ['heading', 'Belgrade in the tenth century'],
    [
      'paragraph',
      [
        { type: 'page', label: '12' },
        { type: 'text', text: 'The city was ' },
        { type: 'text', text: 'Singidunum', em: true },
        { type: 'noteRef', label: '1' },
        { type: 'gap', reason: 'illegible' },
        { type: 'text', text: ' to the Romans.' },
        { type: 'marker', label: '[63]' },
      ],
    ],
    ['paragraph', [{ type: 'page', label: '13' }]],
    ['quote', 'Belgrade is a fortress.'],
    ['item', 'Constantine VII'],
  ],
  [{ label: '1', paragraphs: ['See Porphyrogenitus.', 'A second paragraph.'] }],
);

describe('blockText', () => {
  it('concatenates the text runs and nothing else', () => {
    expect(blockText(source.blocks[1]!)).toBe('The city was Singidunum to the Romans.');
  });
});

describe('documentsForSource', () => {
  const docs = documentsForSource(source);

  it('makes one document per block with text, body first, then note paragraphs', () => {
    expect(docs.map((d) => [d.ref, d.blockType, d.inNote, d.order])).toEqual([
      ['kalic-1999#b1', 'heading', false, 0],
      ['kalic-1999#b2', 'paragraph', false, 1],
      ['kalic-1999#b4', 'quote', false, 2],
      ['kalic-1999#b5', 'item', false, 3],
      ['kalic-1999#n1', 'paragraph', true, 4],
      ['kalic-1999#n1.2', 'paragraph', true, 5],
    ]);
  });

  it('puts heading text in the heading field and other text in the body', () => {
    expect(docs[0]).toMatchObject({ heading: 'Belgrade in the tenth century', body: '' });
    expect(docs[1]).toMatchObject({ heading: '', body: 'The city was Singidunum to the Romans.' });
  });

  it('repeats the title and the author names on every block', () => {
    for (const doc of docs) {
      expect(doc).toMatchObject({
        sourceId: 'kalic-1999',
        title: 'Information about Belgrade',
        author: 'Jovanka Kalić; Wikipedia contributors; Vincent van Gogh',
      });
    }
  });
});

describe('documentsForAnnotations', () => {
  it('makes one document per annotation with its quote, note, tags and passage', () => {
    expect(
      documentsForAnnotations([
        { id: 'u1', sourceId: 's', quote: { exact: 'q' }, note: 'n', tags: ['t'], blockId: 'b2' },
        { id: 'u2', sourceId: 's', quote: { exact: 'r' }, tags: [] },
      ]),
    ).toEqual([
      {
        kind: 'annotation',
        ref: 'annotation:u1',
        sourceId: 's',
        annotationId: 'u1',
        blockId: 'b2',
        order: 0,
        quote: 'q',
        note: 'n',
        tags: ['t'],
      },
      {
        kind: 'annotation',
        ref: 'annotation:u2',
        sourceId: 's',
        annotationId: 'u2',
        order: 1,
        quote: 'r',
        note: '',
        tags: [],
      },
    ]);
  });
});

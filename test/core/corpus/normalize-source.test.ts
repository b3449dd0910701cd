import { describe, expect, it } from 'vitest';
import type { Block, Source } from '../../../core/corpus/model.ts';
import { normalizeSource, numberBlocks } from '../../../core/corpus/normalize-source.ts';

function paragraph(text: string): Block {
  return { type: 'paragraph', id: '', content: [{ type: 'text', text }] };
}

describe('numberBlocks', () => {
  it('numbers body blocks b1, b2, … and note blocks n<label>, n<label>.2, …', () => {
    const { blocks, notes } = numberBlocks(
      [paragraph('a'), { ...paragraph('h'), type: 'heading', id: 'x', level: 2 }],
      [
        { label: '*', blocks: [paragraph('star')] },
        { label: '12', blocks: [paragraph('one'), paragraph('two'), paragraph('three')] },
      ],
    );
    expect(blocks.map((b) => b.id)).toEqual(['b1', 'b2']);
    const noteIds = notes.map((n) => n.blocks.map((b) => b.id));
    expect(noteIds).toEqual([['n*'], ['n12', 'n12.2', 'n12.3']]);
  });

  it('drops blocks without inlines and empty runs before numbering', () => {
    const empty: Block = { type: 'quote', id: '', content: [] };
    const { blocks } = numberBlocks([paragraph(''), empty, paragraph('kept')], []);
    expect(blocks).toStrictEqual([{ ...paragraph('kept'), id: 'b1' }]);
  });

  it('merges adjacent runs with the same marks and NFC-normalises the merged text', () => {
    const { blocks } = numberBlocks(
      [
        {
          type: 'paragraph',
          id: '',
          content: [
            { type: 'text', text: 'Ze', em: true },
            { type: 'text', text: '\u0308ri', em: true },
            { type: 'text', text: ' i ' },
            { type: 'page', label: '12' },
            { type: 'text', text: 'Popullit' },
          ],
        },
      ],
      [],
    );
    expect(blocks[0]?.content).toStrictEqual([
      { type: 'text', text: 'Zëri', em: true },
      { type: 'text', text: ' i ' },
      { type: 'page', label: '12' },
      { type: 'text', text: 'Popullit' },
    ]);
  });
});

describe('normalizeSource', () => {
  it('takes the id from the metadata, defaults the cleaning log, normalises metadata', () => {
    const source = {
      id: 'x',
      meta: { csl: { id: 'x', type: 'book', title: 'Ze\u0308ri' }, reliability: 'primary' },
      blocks: [],
      notes: [],
    } as unknown as Source;
    expect(normalizeSource(source)).toStrictEqual({
      id: 'x',
      meta: {
        csl: { id: 'x', type: 'book', title: 'Zëri' },
        reliability: 'primary',
        cleaning: [],
      },
      blocks: [],
      notes: [],
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../../core/corpus/model.ts';
import { SLOT, inlinesFromSlots, stripSlots } from '../../../../core/clean/text-rules/slots.ts';

const marker = (label: string): Inline => ({ type: 'marker', label });

describe('inlinesFromSlots', () => {
  it('puts each inline where its slot stands, bound to the text before it', () => {
    const text = `newspaper. ${SLOT} After it.${SLOT}`;
    expect(inlinesFromSlots(text, [marker('63'), marker('54')])).toEqual([
      { type: 'text', text: 'newspaper.' },
      marker('63'),
      { type: 'text', text: ' After it.' },
      marker('54'),
    ]);
  });

  it('makes no empty runs and no spaces at the ends', () => {
    expect(inlinesFromSlots(`${SLOT} text ${SLOT} `, [marker('1'), marker('2')])).toEqual([
      marker('1'),
      { type: 'text', text: 'text' },
      marker('2'),
    ]);
  });

  it('gives one text run for text without slots', () => {
    expect(inlinesFromSlots('plain text', [])).toEqual([{ type: 'text', text: 'plain text' }]);
  });
});

describe('stripSlots', () => {
  it('removes slot characters from raw text', () => {
    expect(stripSlots(`a${SLOT}b`)).toBe('ab');
  });
});

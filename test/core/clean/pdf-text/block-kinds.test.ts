import { describe, expect, it } from 'vitest';
import { classifyBlocks, isStrayGlyph } from '../../../../core/clean/pdf-text/block-kinds.ts';
import { groupBlocks, splitSourceLines } from '../../../../core/clean/pdf-text/source-lines.ts';

function classify(text: string) {
  return classifyBlocks(groupBlocks(splitSourceLines(text)));
}

describe('classifyBlocks', () => {
  it('lifts footnotes out by their superscript labels, one note per labelled line', () => {
    const kinds = classify('Body text\n\n¹ First note\ncontinued.\n² Second note.\n\nMore text');
    expect(kinds.map((block) => block.kind)).toEqual(['text', 'notes', 'text']);
    expect(kinds[1]).toMatchObject({
      notes: [
        { label: '1', lines: ['First note', 'continued.'] },
        { label: '2', lines: ['Second note.'] },
      ],
    });
  });

  it('takes a `* ` block as the starred note only next to numbered notes', () => {
    const withNotes = classify('Edemskiy*\n\n* and-edem@yandex.ru\n\n¹ W. E. Griffith.');
    expect(withNotes[1]).toMatchObject({
      kind: 'notes',
      notes: [{ label: '*', lines: ['and-edem@yandex.ru'] }],
    });
    expect(classify('Text\n\n* a bullet\n\nText')[1]).toMatchObject({ kind: 'text' });
  });

  it('splits a stray glyph off the start or end of a block', () => {
    const kinds = classify('(Biberaj, 1986;\n\nh\n Méhilli, 2017).\n10. Conclusions');
    expect(kinds.map((block) => block.kind)).toEqual(['text', 'glyph', 'text']);
    const texts = kinds[2]?.lines.map((line) => line.text);
    expect(texts).toEqual(['Méhilli, 2017).', '10. Conclusions']);
  });
});

describe('isStrayGlyph', () => {
  it.each([
    ['h', true],
    ['❧', true],
    ['I.', false],
    ['67', false],
    ['Yes', false],
  ])('judges “%s” a stray glyph: %s', (line, expected) => {
    expect(isStrayGlyph(line)).toBe(expected);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../core/corpus/inline-runs.ts';
import type { Block } from '../../../core/corpus/model.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import {
  ReadingOffsetError,
  fromReadingOffset,
  readingText,
  toReadingOffset,
} from '../../../core/corpus/reading-text.ts';

const source = parseSource(
  readFileSync(new URL('../../fixtures/corpus/full-syntax.md', import.meta.url), 'utf8'),
);
const reading = readingText(source);

describe('readingText', () => {
  it('joins the body blocks, then the note blocks, with a blank line', () => {
    const all = [...source.blocks, ...source.notes.flatMap((note) => note.blocks)];
    expect(reading.text).toBe(all.map(blockText).join('\n\n'));
    expect(reading.blocks.map((span) => span.id)).toEqual(all.map((block) => block.id));
    expect(reading.text.slice(0, 52)).toBe('Additional Evidence\n\nAndrey Edemskiy\n\nIntroduction\n\n');
    expect(reading.text.slice(-50)).toBe('12 November 1960.\n\nA second paragraph of the note.');
  });

  it('leaves out markup, note references, milestones, gaps and markers', () => {
    const paragraph = reading.blocks.find((span) => span.id === 'b4');
    expect(reading.text.slice(paragraph?.start, paragraph?.end)).toBe(
      'The Soviet-Albanian conflict was not sudden. ' +
        'It is obvious that both sides erred; see the Wilson Center.',
    );
    const gaps = reading.blocks.find((span) => span.id === 'b5');
    expect(reading.text.slice(gaps?.start, gaps?.end)).toBe(
      'Hoxha replied: “What do you want?” The end of the quotation is lost  and a word  too.',
    );
  });

  it('gives every block a span whose slice is exactly its text', () => {
    const all = [...source.blocks, ...source.notes.flatMap((note) => note.blocks)];
    reading.blocks.forEach((span, i) => {
      expect(reading.text.slice(span.start, span.end)).toBe(blockText(all[i] as Block));
    });
  });

  it('is empty for a source without blocks', () => {
    expect(readingText({ ...source, blocks: [], notes: [] })).toEqual({ text: '', blocks: [] });
  });
});

describe('toReadingOffset and fromReadingOffset', () => {
  it('map a block-relative offset to the reading text and back', () => {
    for (const span of reading.blocks) {
      for (const offset of [0, Math.floor((span.end - span.start) / 2), span.end - span.start]) {
        const global = toReadingOffset(reading, span.id, offset);
        expect(global).toBe(span.start + offset);
        expect(fromReadingOffset(reading, global)).toEqual({ blockId: span.id, offset });
      }
    }
  });

  it('point into the note text after the body', () => {
    const global = toReadingOffset(reading, 'n2.2', 2);
    expect(reading.text.slice(global, global + 6)).toBe('second');
  });

  it('give null for an offset inside the separator between two blocks or outside the text', () => {
    const first = reading.blocks[0];
    expect(fromReadingOffset(reading, (first?.end ?? 0) + 1)).toBeNull();
    expect(fromReadingOffset(reading, -1)).toBeNull();
    expect(fromReadingOffset(reading, reading.text.length + 1)).toBeNull();
  });

  it('throw a typed error for an unknown block or an offset beyond the block', () => {
    expect(() => toReadingOffset(reading, 'b99', 0)).toThrow(
      expect.objectContaining({ name: 'ReadingOffsetError', code: 'unknown-block' }),
    );
    expect(() => toReadingOffset(reading, 'b1', 1000)).toThrow(
      expect.objectContaining({
        code: 'offset-out-of-range',
        message: expect.stringMatching(/outside block "b1"/),
      }),
    );
    expect(() => toReadingOffset(reading, 'b1', -1)).toThrow(ReadingOffsetError);
  });
});

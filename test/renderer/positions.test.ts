import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../core/corpus/parse-source.ts';
import type { Source } from '../../core/corpus/model.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { Positions } from '../../renderer/features/reader/positions.ts';
import { sourceToDoc } from '../../renderer/features/reader/source-doc.ts';

const corpusDir = new URL('../../corpus/', import.meta.url);
const sources: Source[] = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .map((name) => parseSource(readFileSync(new URL(name, corpusDir), 'utf8')));

// The positions adapter is pure ProseMirror-model code, so it is checked here in Node over every
// character of the real corpus; the reader tests in Chromium rely on it.
describe('Positions (reader ↔ reading text)', () => {
  it('has the corpus to check', () => {
    expect(sources.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(sources.map((source) => [source.id, source] as const))('%s', (_id, source) => {
    const reading = readingText(source);
    const doc = sourceToDoc(source);
    const positions = new Positions(doc, reading.blocks);

    it('maps every reading-text offset to a position and back', () => {
      for (const block of reading.blocks) {
        for (let offset = block.start; offset <= block.end; offset++) {
          expect(positions.toOffset(positions.toPos(offset, 'after'))).toBe(offset);
          expect(positions.toOffset(positions.toPos(offset, 'before'))).toBe(offset);
        }
      }
    });

    it('shows each block with exactly its reading text', () => {
      for (const block of reading.blocks) {
        const { from, to } = positions.fromRange(block.start, block.end);
        expect(doc.textBetween(from, to)).toBe(reading.text.slice(block.start, block.end));
      }
    });

    it('maps every position inside a block to the offset of the text before it', () => {
      doc.descendants((node, pos) => {
        if (!node.isTextblock) return true;
        const start = positions.toOffset(pos + 1);
        for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) {
          expect(positions.toOffset(p)).toBe(start + doc.textBetween(pos + 1, p).length);
        }
        return false;
      });
    });

    it('maps a range across blocks to the text between them', () => {
      const first = reading.blocks[0]!;
      const last = reading.blocks.at(-1)!;
      const { from, to } = positions.fromRange(first.start, last.end);
      expect(positions.toRange(from, to)).toEqual({ start: first.start, end: last.end });
    });
  });
});

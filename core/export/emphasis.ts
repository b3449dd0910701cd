/**
 * Where a source prints words in italics, as ranges of its reading text, so that a quotation keeps
 * the source's italics (*détente*, a book title in a note) in the formats that can show them.
 */
import type { Source } from '../corpus/model.ts';
import { locate } from '../corpus/source-index.ts';

/** A half-open range `[start, end)` of reading-text offsets. */
export interface Span {
  start: number;
  end: number;
}

const cache = new WeakMap<Source, Span[]>();

/** The italic stretches of `source`'s reading text, in order and apart; computed once per source. */
export function italicSpans(source: Source): Span[] {
  let spans = cache.get(source);
  if (spans) return spans;
  spans = [];
  const blocks = [...source.blocks, ...source.notes.flatMap((note) => note.blocks)];
  const layout = locate(source).reading.blocks;
  blocks.forEach((block, i) => {
    let offset = layout[i]?.start ?? 0;
    for (const inline of block.content) {
      if (inline.type !== 'text') continue;
      const end = offset + inline.text.length;
      const last = spans?.at(-1);
      if (inline.em && last?.end === offset) last.end = end;
      else if (inline.em) spans?.push({ start: offset, end });
      offset = end;
    }
  });
  cache.set(source, spans);
  return spans;
}

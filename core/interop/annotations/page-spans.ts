/**
 * Where each printed page of a source lies in its reading text, so that a quote another tool
 * says is on page 377 is looked for there first.
 */
import type { Source } from '../../corpus/model.ts';
import { readingText } from '../../corpus/reading-text.ts';

/** The body text of one printed page: `text.slice(start, end)` of the reading text. */
export interface PageSpan {
  label: string;
  start: number;
  end: number;
}

/**
 * The pages of the body in reading order, from each page milestone to the next (the last to the
 * end of the body). Empty for a source without milestones. Notes are left out: their page is
 * that of their reference, not a place in the text.
 */
export function pageSpans(source: Source): PageSpan[] {
  const reading = readingText(source);
  const spans: PageSpan[] = [];
  let bodyEnd = 0;
  source.blocks.forEach((block, i) => {
    const span = reading.blocks[i];
    if (!span) return;
    bodyEnd = span.end;
    let offset = span.start;
    for (const inline of block.content) {
      if (inline.type === 'text') offset += inline.text.length;
      else if (inline.type === 'page') {
        const last = spans.at(-1);
        if (last) last.end = offset;
        spans.push({ label: inline.label, start: offset, end: offset });
      }
    }
  });
  const last = spans.at(-1);
  if (last) last.end = Math.max(last.start, bodyEnd);
  return spans;
}

/** The UTF-16 offset in `text` of the code point offset `codePoints` (clipped to the text). */
export function utf16Offset(text: string, codePoints: number): number {
  let units = 0;
  for (let seen = 0; seen < codePoints && units < text.length; seen += 1) {
    const code = text.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1;
  }
  return units;
}

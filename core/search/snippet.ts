/**
 * Short excerpts for the result list: a window of the text around the matches, cut at spaces,
 * with the matched ranges re-based onto the excerpt. Plain data; the renderer escapes and marks.
 */

/** A `[start, end)` range in UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** An excerpt and the ranges to mark in it. `…` stands for text left out at either end. */
export interface Snippet {
  text: string;
  marks: TextRange[];
}

const ELLIPSIS = '…';

function normalise(text: string, ranges: readonly TextRange[]): TextRange[] {
  const clipped = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of clipped) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** The window start showing the most whole ranges, each candidate led by a little context. */
function windowStart(text: string, ranges: readonly TextRange[], length: number): number {
  const lead = Math.floor(length / 4);
  let best = 0;
  let bestCount = -1;
  for (const anchor of ranges) {
    const start = Math.max(0, Math.min(anchor.start - lead, text.length - length));
    const count = ranges.filter((r) => r.start >= start && r.end <= start + length).length;
    if (count > bestCount) {
      best = start;
      bestCount = count;
    }
  }
  return best;
}

/**
 * An excerpt of at most about `maxLength` characters (default 160) showing as many of the
 * ranges as fit, preferring the first; the whole text when it is short enough. Word boundaries
 * are kept where a space is near. Never throws, whatever the ranges.
 */
export function snippet(
  text: string,
  ranges: readonly TextRange[],
  options: { maxLength?: number } = {},
): Snippet {
  const length = Math.max(20, Math.floor(options.maxLength ?? 160));
  const marks = normalise(text, ranges);
  let start = 0;
  let end = text.length;
  if (text.length > length) {
    start = windowStart(text, marks, length);
    end = start + length;
    const firstInside = marks.find((r) => r.end > start)?.start ?? end;
    const space = text.slice(start, firstInside).search(/\s/u);
    if (start > 0 && !/\s/u.test(text[start - 1] ?? '') && space !== -1) start += space + 1;
    const lastInside = [...marks].reverse().find((r) => r.start < end)?.end ?? start;
    const tail = text.slice(Math.max(lastInside, start), end);
    const lastSpace = tail.search(/\s\S*$/u);
    if (end < text.length && !/\s/u.test(text[end] ?? '') && lastSpace > 0) {
      end = Math.max(lastInside, start) + lastSpace;
    }
  }
  while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
  const before = start > 0 ? ELLIPSIS : '';
  const after = end < text.length ? ELLIPSIS : '';
  const shift = before.length - start;
  return {
    text: before + text.slice(start, end) + after,
    marks: marks
      .filter((r) => r.end > start && r.start < end)
      .map((r) => ({ start: Math.max(r.start, start) + shift, end: Math.min(r.end, end) + shift })),
  };
}

import type { TextRange } from '../../state/app-state.ts';

/** Which end of a highlight to move, and which way. */
export type Nudge = { edge: 'start' | 'end'; direction: -1 | 1 };

const SPACE = /\s/u;

function skip(text: string, at: number, step: -1 | 1, space: boolean): number {
  let i = at;
  // Looks at the character the step passes over: before `i` going back, at `i` going forward.
  while (step < 0 ? i > 0 && SPACE.test(text.charAt(i - 1)) === space : i < text.length && SPACE.test(text.charAt(i)) === space) i += step;
  return i;
}

/**
 * The range with one end moved by a word (a run of characters between spaces, so a word keeps its
 * punctuation): the start to the previous or next word's start, the end to the previous or next
 * word's end. Null when that would leave nothing highlighted or go past the text.
 */
export function nudgedRange(text: string, range: TextRange, nudge: Nudge): TextRange | null {
  let { start, end } = range;
  if (nudge.edge === 'start') {
    start = nudge.direction < 0 ? skip(text, skip(text, start, -1, true), -1, false) : skip(text, skip(text, start, 1, false), 1, true);
  } else {
    end = nudge.direction < 0 ? skip(text, skip(text, skip(text, end, -1, true), -1, false), -1, true) : skip(text, skip(text, end, 1, true), 1, false);
  }
  if (end <= start || (start === range.start && end === range.end)) return null;
  return { start, end };
}

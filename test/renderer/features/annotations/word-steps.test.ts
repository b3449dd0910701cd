import { describe, expect, it } from 'vitest';
import { nudgedRange } from '../../../../renderer/features/annotations/word-steps.ts';

describe('moving an end of a highlight by a word', () => {
  const text = 'the spring of 1960, Moscow  replied.';
  const range = { start: text.indexOf('of'), end: text.indexOf('1960,') + 5 };
  const shown = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

  it('moves the start to the word before or after, and the end likewise, punctuation with its word', () => {
    expect(shown(nudgedRange(text, range, { edge: 'start', direction: -1 }))).toBe('spring of 1960,');
    expect(shown(nudgedRange(text, range, { edge: 'start', direction: 1 }))).toBe('1960,');
    expect(shown(nudgedRange(text, range, { edge: 'end', direction: -1 }))).toBe('of');
    expect(shown(nudgedRange(text, range, { edge: 'end', direction: 1 }))).toBe('of 1960, Moscow');
  });

  it('never leaves nothing, nor goes past the text', () => {
    const one = { start: text.indexOf('of'), end: text.indexOf('of') + 2 };
    expect(nudgedRange(text, one, { edge: 'start', direction: 1 })).toBeNull();
    expect(nudgedRange(text, one, { edge: 'end', direction: -1 })).toBeNull();
    expect(nudgedRange(text, { start: 0, end: text.length }, { edge: 'end', direction: 1 })).toBeNull();
  });
});

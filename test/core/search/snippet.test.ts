import { describe, expect, it } from 'vitest';
import { snippet } from '../../../core/search/index.ts';

const marked = (s: { text: string; marks: { start: number; end: number }[] }) =>
  s.marks.map((m) => s.text.slice(m.start, m.end));

describe('snippet', () => {
  it('returns a short text whole, with its ranges sorted and merged', () => {
    const text = 'Koçi Xoxe was tried in 1949.';
    const result = snippet(text, [
      { start: 5, end: 9 },
      { start: 0, end: 4 },
      { start: 2, end: 4 },
    ]);
    expect(result.text).toBe(text);
    expect(marked(result)).toEqual(['Koçi', 'Xoxe']);
  });

  it('cuts a long text around the matches, at spaces, with ellipses', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    words[40] = 'Ranković';
    const text = words.join(' ');
    const start = text.indexOf('Ranković');
    const result = snippet(text, [{ start, end: start + 8 }], { maxLength: 60 });
    expect(result.text.startsWith('…word')).toBe(true);
    expect(result.text.endsWith('…')).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(62);
    // Whole words only: no word is cut in half at either end.
    expect(result.text.slice(1, -1).split(' ').every((word) => words.includes(word))).toBe(true);
    expect(marked(result)).toEqual(['Ranković']);
  });

  it('prefers the window holding the most matches', () => {
    const filler = 'filler '.repeat(40);
    const text = `Tito ${filler}Hoxha met Tito and Hoxha again ${filler}`;
    const ranges = [...text.matchAll(/Tito|Hoxha/gu)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    expect(marked(snippet(text, ranges, { maxLength: 60 }))).toEqual(['Hoxha', 'Tito', 'Hoxha']);
  });

  it('starts at the beginning when nothing is marked, and tolerates ranges out of bounds', () => {
    const text = 'a '.repeat(200);
    const outside = [
      { start: -5, end: 0 },
      { start: 900, end: 950 },
    ];
    const result = snippet(text, outside, { maxLength: 40 });
    expect(result.text.startsWith('a a')).toBe(true);
    expect(result.marks).toEqual([]);
  });
});

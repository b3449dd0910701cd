import { describe, expect, it } from 'vitest';
import { formatPages } from '../../../core/cite/page-range.ts';

describe('formatPages', () => {
  // The inclusive-numbers table (CMOS 16–18) and the ranges of the worked examples
  // (docs/citation-rules.md §2.6).
  const table: [string, string][] = [
    ['3-10', '3–10'],
    ['71-72', '71–72'],
    ['96-117', '96–117'],
    ['100-104', '100–104'],
    ['1100-1113', '1100–1113'],
    ['101-108', '101–8'],
    ['808-833', '808–33'],
    ['1103-1104', '1103–4'],
    ['321-328', '321–28'],
    ['498-532', '498–532'],
    ['1087-1089', '1087–89'],
    ['1496-1500', '1496–500'],
    ['11564-11615', '11564–615'],
    ['12991-13001', '12991–3001'],
    ['375-396', '375–96'],
    ['172-173', '172–73'],
    ['22-24', '22–24'],
    ['101-125', '101–25'],
  ];

  for (const [input, output] of table) {
    it(`writes ${input} as ${output}`, () => {
      expect(formatPages(input)).toBe(output);
    });
  }

  it('accepts an en dash and an end already shortened', () => {
    expect(formatPages('375–396')).toBe('375–96');
    expect(formatPages('375-96')).toBe('375–96');
  });

  it('formats each range of a list', () => {
    expect(formatPages('45, 375-396')).toBe('45, 375–96');
  });

  it('keeps roman numerals, bracketed guesses and backwards ranges, with an en dash', () => {
    expect(formatPages('xi-xv')).toBe('xi–xv');
    expect(formatPages('66-[77?]')).toBe('66–[77?]');
    expect(formatPages('50-40')).toBe('50–40');
  });
});

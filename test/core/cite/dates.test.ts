import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../core/cite/dates.ts';

describe('formatDate', () => {
  it('writes month, day and year the American way, or only the year when asked', () => {
    expect(formatDate({ 'date-parts': [[2025, 12, 3]] }, 'full')).toBe('December 3, 2025');
    expect(formatDate({ 'date-parts': [[2021, 7]] }, 'full')).toBe('July 2021');
    expect(formatDate({ 'date-parts': [[2021, 7, 8]] }, 'year')).toBe('2021');
  });

  it('writes ranges with an en dash and the year once', () => {
    expect(formatDate({ 'date-parts': [[1961, 3, 3], [1961, 3, 5]] }, 'full')).toBe('March 3–5, 1961');
    expect(formatDate({ 'date-parts': [[1961, 3, 3], [1961, 4, 2]] }, 'full')).toBe('March 3–April 2, 1961');
    expect(formatDate({ 'date-parts': [[1960], [1961]] }, 'year')).toBe('1960–1961');
  });

  it('brackets an approximate date with a question mark', () => {
    expect(formatDate({ 'date-parts': [[1961]], circa: true }, 'year')).toBe('[1961?]');
  });

  it('reads literal and raw ISO dates, seasons, and string date parts from CSL-JSON', () => {
    expect(formatDate({ literal: 'early 1960s' }, 'full')).toBe('early 1960s');
    expect(formatDate({ raw: '2021-07-08' }, 'full')).toBe('July 8, 2021');
    expect(formatDate({ 'date-parts': [[2019, 21]] }, 'full')).toBe('Spring 2019');
    expect(formatDate({ 'date-parts': [['2019' as unknown as number]] }, 'year')).toBe('2019');
  });

  it('gives null for a missing or empty date', () => {
    expect(formatDate(undefined, 'full')).toBeNull();
    expect(formatDate({ 'date-parts': [] }, 'full')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ordinalSuffix, repairOrdinals } from '../../../../core/clean/pdf-text/ordinals.ts';

describe('ordinalSuffix', () => {
  it.each([
    [1, 'st'],
    [2, 'nd'],
    [3, 'rd'],
    [4, 'th'],
    [11, 'th'],
    [12, 'th'],
    [13, 'th'],
    [20, 'th'],
    [21, 'st'],
    [22, 'nd'],
    [23, 'rd'],
    [111, 'th'],
  ])('gives %i the suffix %s', (n, suffix) => {
    expect(ordinalSuffix(n)).toBe(suffix);
  });
});

describe('repairOrdinals', () => {
  it('restores a suffix printed as a trade-mark sign', () => {
    expect(repairOrdinals('on May 25™ 1959 and the 5™ of August')).toBe(
      'on May 25th 1959 and the 5th of August',
    );
  });

  it('restores a suffix printed as a straight quote after a month name or article', () => {
    const damaged = 'in August 18" 1955, on June 21", the 2" of April, the 22" Congress';
    expect(repairOrdinals(damaged)).toBe(
      'in August 18th 1955, on June 21st, the 2nd of April, the 22nd Congress',
    );
  });

  it('restores a suffix across a page mark between the month and the day', () => {
    expect(repairOrdinals('in May \uE00025" 1959')).toBe('in May \uE00025th 1959');
  });

  it('leaves a quotation that ends in a number alone', () => {
    expect(repairOrdinals('he wrote "the year 1960" and "Plan 5"')).toBe(
      'he wrote "the year 1960" and "Plan 5"',
    );
  });

  it('leaves a damaged suffix whose number is lost for the recipe to mark', () => {
    expect(repairOrdinals('It was on July ™, during')).toBe('It was on July ™, during');
  });
});

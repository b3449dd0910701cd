import { describe, expect, it } from 'vitest';
import { parseByline, parsePartLabel } from '../../../../core/clean/web-page/byline.ts';
import { parseDateLine } from '../../../../core/clean/web-page/dates.ts';
import { isTeaser, isTicker } from '../../../../core/clean/web-page/teaser.ts';

describe('parseDateLine', () => {
  it.each([
    ['Wednesday, December 3, 2025', [2025, 12, 3]],
    ['December 1, 2025', [2025, 12, 1]],
    ['3 December 2025', [2025, 12, 3]],
    ['E mërkurë, 3 dhjetor 2025', [2025, 12, 3]],
    ['Published: 2025-12-03', [2025, 12, 3]],
    ['Publikuar më 03.12.2025 10:45', [2025, 12, 3]],
    ['Posted on Dec. 3, 2025 at 9:30 pm', [2025, 12, 3]],
  ])('reads “%s”', (line, parts) => {
    expect(parseDateLine(line)).toEqual({ 'date-parts': [parts] });
  });

  it.each([
    'On December 3, 2025 the page was copied.',
    'December 2025',
    'Smarch 3, 2025',
    '31.13.2025',
  ])('takes nothing from “%s”, which is not a date line', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('parseByline', () => {
  it('reads one author, family name last', () => {
    expect(parseByline('By Andrey Edemskiy')).toEqual([{ given: 'Andrey', family: 'Edemskiy' }]);
  });

  it('reads several authors joined in the page language', () => {
    expect(parseByline('Nga Arben Puto dhe Paskal Milo')).toEqual([
      { given: 'Arben', family: 'Puto' },
      { given: 'Paskal', family: 'Milo' },
    ]);
    expect(parseByline('By A. B. Smith, C. Jones and D. Brown')).toHaveLength(3);
  });

  it('rejects sentences that merely begin with “By”', () => {
    expect(parseByline('By 1960 the split was open.')).toBeNull();
    expect(parseByline('By then everyone knew the reason for the quarrel')).toBeNull();
  });
});

describe('parsePartLabel', () => {
  it.each([
    ['Part One', '1'],
    ['Part 3', '3'],
    ['Part IV', '4'],
    ['Pjesa e parë', '1'],
    ['PJESA E DYTË', '2'],
  ])('reads “%s” as part %s', (line, part) => {
    expect(parsePartLabel(line)).toBe(part);
  });

  it('takes nothing from a sentence about parts', () => {
    expect(parsePartLabel('Part of the fleet stayed in Vlora.')).toBeNull();
  });
});

describe('isTeaser and isTicker', () => {
  it('recognises quoted headlines with a slash, in any language', () => {
    expect(isTeaser('“Na masin pulsin, nëse do t’i mbajmë…”/ Ditari sekret i Enverit, mars 1961')).toBe(
      true,
    );
    expect(isTeaser('"They came at night..." / The testimony of a former prisoner')).toBe(true);
  });

  it('does not take a paragraph with quotations for a teaser', () => {
    const paragraph = 'Mikoyan added that “Hoxha speaks worse than Macmillan.” The delegation left.';
    expect(isTeaser(paragraph)).toBe(false);
    const slashed =
      '“Kremlin”/“White House” channels, as the papers called them, carried most of the messages ' +
      'that passed between the two capitals in the summer and autumn of 1960, when the quarrel grew.';
    expect(isTeaser(slashed)).toBe(false);
  });

  it('calls a group of lines a ticker when at least half are teasers', () => {
    expect(isTicker(['“A…”/ B', '“C…”/ D', 'Some other line'])).toBe(true);
    expect(isTicker(['“A…”/ B', 'One line', 'Another line'])).toBe(false);
    expect(isTicker(['“A…”/ B'])).toBe(false);
  });
});

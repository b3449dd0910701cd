import { describe, expect, it } from 'vitest';
import { dropCover, isMastheadLine } from '../../../../core/clean/pdf-text/cover.ts';
import { groupBlocks, splitSourceLines } from '../../../../core/clean/pdf-text/source-lines.ts';

function blocks(text: string) {
  return groupBlocks(splitSourceLines(text));
}

function firstLines(text: string): string[] {
  return dropCover(blocks(text)).map((block) => block[0]?.text ?? '');
}

describe('isMastheadLine', () => {
  it.each([
    'SERBIAN ACADEMY OF SCIENCES AND ARTS',
    'L',
    '2019',
    'UDC 930.85(4-12)',
    'eISSN 2406-0801',
    '<http://www.balkaninstitut.com>',
    'J. KALIĆ, *Information* • D. POPOVIĆ, *Reliquaries* • A. FOTIĆ ❧',
  ])(
    'recognises “%s” as masthead',
    (line) => expect(isMastheadLine(line)).toBe(true),
  );

  it.each(['Andrey Edemskiy*', 'Abstract', 'The huge complex of turbulent historical processes'])(
    'recognises “%s” as text',
    (line) => expect(isMastheadLine(line)).toBe(false),
  );
});

describe('dropCover', () => {
  it('drops a journal cover up to its last ISSN or URL line', () => {
    const text = [
      'INSTITUTE FOR BALKAN STUDIES',
      'L',
      'BALCANICA',
      'ISSN 0350-7653\neISSN 2406-0801',
      '<http://www.balkaninstitut.com>',
      'Andrey Edemskiy*',
      'ABSTRACT IN CAPITALS',
    ].join('\n\n');
    expect(firstLines(text)).toEqual(['Andrey Edemskiy*', 'ABSTRACT IN CAPITALS']);
  });

  it('keeps a capitalised title when no cover signal follows', () => {
    expect(firstLines('SPLITTING APART\n\nAlbania was the only country.')).toEqual([
      'SPLITTING APART',
      'Albania was the only country.',
    ]);
  });

  it('keeps everything when the text has no cover', () => {
    expect(firstLines(' Abstract\n\nAlbania was the only country.')).toEqual([
      'Abstract',
      'Albania was the only country.',
    ]);
  });
});

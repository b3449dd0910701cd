import { describe, expect, it } from 'vitest';
import { buildWordIndex, joinFragments, lineJoin } from '../../../../core/clean/text-rules/hyphens.ts';

const empty = buildWordIndex([]);

describe('lineJoin', () => {
  it('joins ordinary lines with a space', () => {
    expect(lineJoin('changed the rules of play', 'in the whole Eastern Bloc', empty)).toBe('space');
  });

  it('keeps a hyphen before a capital, as in Albanian-Soviet', () => {
    expect(lineJoin('the curve of the Albanian-', 'Soviet partnership', empty)).toBe('keep-hyphen');
  });

  it('keeps a hyphen between digits, as in the page range pp. 5-6', () => {
    expect(lineJoin('(Hoxha, 1975, pp. 5-', '6) Later on', empty)).toBe('keep-hyphen');
  });

  it('drops a soft hyphen when the document prints the joined word elsewhere', () => {
    const index = buildWordIndex(['It is obvious that everything happened.']);
    expect(lineJoin('it is obvi-', 'ous that the liberties', index)).toBe('drop-hyphen');
  });

  it('keeps the hyphen when the document prints the hyphenated compound elsewhere', () => {
    const index = buildWordIndex(['a well-known fact', 'wellknown']);
    expect(lineJoin('a well-', 'known man', index)).toBe('keep-hyphen');
  });

  it('drops the hyphen before a bare suffix when the document gives no evidence', () => {
    expect(lineJoin('trade and credit agree-', 'ments. Among other', empty)).toBe('drop-hyphen');
  });

  it('keeps the hyphen when nothing shows it is soft, as in long-term', () => {
    expect(lineJoin('a small long-', 'term agreement', empty)).toBe('keep-hyphen');
  });

  it('lets lines touch after an unspaced dash', () => {
    expect(lineJoin('the Warsaw Pact 1955–', '1991', empty)).toBe('touch');
    expect(lineJoin('the Pact –', 'and', empty)).toBe('space');
  });
});

describe('joinFragments', () => {
  it('puts the seam marker inside the word when a soft hyphen is dropped', () => {
    const index = buildWordIndex(['obvious']);
    expect(joinFragments('it is obvi-', 'ous that', index, '|')).toBe('it is obvi|ous that');
  });

  it('puts the seam marker after the space of an ordinary join', () => {
    expect(joinFragments('The fear', 'from a', empty, '|')).toBe('The fear |from a');
  });
});

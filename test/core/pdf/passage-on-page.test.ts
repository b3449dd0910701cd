import { describe, expect, it } from 'vitest';
import { findPassage } from '../../../core/pdf/passage-on-page.ts';

const slice = (text: string, found: { start: number; end: number } | null) => (found ? text.slice(found.start, found.end) : null);

describe('finding a passage of the cleaned text on its PDF page', () => {
  const page = 'ALBANIA AND MOSCOW 14\nNothing more is known about its claim to self-\ndetermination.';

  it('finds it across a line-end hyphen the cleaning joined, and across a running head', () => {
    expect(slice(page, findPassage(page, 'claim to self-determination'))).toBe('claim to self-\ndetermination');
    expect(slice(page, findPassage(page, 'MOSCOW 14 Nothing'))).toBe('MOSCOW 14\nNothing');
  });

  it('sees through ligatures, case, accents and spacing', () => {
    const printed = 'the ﬁrst  Ofﬁce of the PARTISË';
    expect(slice(printed, findPassage(printed, 'first Office of the Partisë'))).toBe('ﬁrst  Ofﬁce of the PARTISË');
    const decomposed = 'Elidor Me\u0308hilli';
    expect(slice(decomposed, findPassage(decomposed, 'Mëhilli'))).toBe('Me\u0308hilli');
  });

  it('takes the repeat nearest to where the passage stands in its page', () => {
    const text = 'the party met. Much later the party met again.';
    expect(findPassage(text, 'the party met', 0)).toEqual({ start: 0, end: 13 });
    expect(findPassage(text, 'the party met', 0.9)).toEqual({ start: 26, end: 39 });
  });

  it('finds a long passage by its first and last words when its middle differs', () => {
    const printed = 'Before. The Central Committee of the Party of Labour decided, after a long debate held in secret, to break with Moscow for good. After.';
    const cleaned = 'The Central Committee of the Party of Labour decided, after a debate held in secret, to break with Moscow for good.';
    expect(slice(printed, findPassage(printed, cleaned))).toBe('The Central Committee of the Party of Labour decided, after a long debate held in secret, to break with Moscow for good');
  });

  it('finds nothing on a page without the passage, or without text (a scan)', () => {
    expect(findPassage(page, 'the grain and credit of Moscow')).toBeNull();
    expect(findPassage('', 'claim')).toBeNull();
    expect(findPassage(page, '— …')).toBeNull();
  });
});

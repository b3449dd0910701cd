import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describe as describeRange } from '../../../core/annotate/describe.ts';
import { AnnotateError } from '../../../core/annotate/errors.ts';

const text = 'a'.repeat(40) + 'HIGHLIGHT' + 'z'.repeat(40);

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AnnotateError ? error.code : 'not an AnnotateError';
  }
  return undefined;
}

describe('describe', () => {
  it('returns the range as exact with 32 characters of context on each side', () => {
    const selectors = describeRange(text, 40, 49);
    expect(selectors.quote).toEqual({
      exact: 'HIGHLIGHT',
      prefix: 'a'.repeat(CONTEXT_LENGTH),
      suffix: 'z'.repeat(CONTEXT_LENGTH),
    });
    expect(selectors.position).toEqual({ start: 40, end: 49 });
    expect(CONTEXT_LENGTH).toBe(32);
  });

  it('clips the context at the start and the end of the text', () => {
    expect(describeRange('Tirana and Moscow', 0, 6).quote).toEqual({
      exact: 'Tirana',
      prefix: '',
      suffix: ' and Moscow',
    });
    expect(describeRange('Tirana and Moscow', 11, 17).quote).toEqual({
      exact: 'Moscow',
      prefix: 'Tirana and ',
      suffix: '',
    });
  });

  it('shortens the context rather than cut an astral character in half', () => {
    const emoji = '\u{1F4DC}'; // two UTF-16 code units
    const withEmoji = 'x' + emoji + 'y'.repeat(31) + 'QUOTE' + 'y'.repeat(31) + emoji + 'x';
    const start = withEmoji.indexOf('QUOTE');
    const { quote } = describeRange(withEmoji, start, start + 5);
    expect(quote.prefix).toBe('y'.repeat(31));
    expect(quote.suffix).toBe('y'.repeat(31));
  });

  it('rejects an empty selection', () => {
    expect(errorCode(() => describeRange(text, 5, 5))).toBe('empty-range');
  });

  it('rejects ranges outside the text, reversed or fractional', () => {
    expect(errorCode(() => describeRange(text, -1, 3))).toBe('out-of-range');
    expect(errorCode(() => describeRange(text, 3, text.length + 1))).toBe('out-of-range');
    expect(errorCode(() => describeRange(text, 9, 3))).toBe('out-of-range');
    expect(errorCode(() => describeRange(text, 1.5, 3))).toBe('out-of-range');
  });

  it('rejects a range that splits an astral character', () => {
    expect(errorCode(() => describeRange('a\u{1F4DC}b', 0, 2))).toBe('splits-character');
  });

  it('explains a refusal in words a historian understands', () => {
    expect(() => describeRange('short', 2, 9)).toThrow(/outside the text, which has 5 characters/);
  });
});

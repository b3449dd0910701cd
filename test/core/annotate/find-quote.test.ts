import { describe, expect, it } from 'vitest';
import { findQuote } from '../../../core/annotate/find-quote.ts';

const text = 'The Soviet–Albanian split\nrefers to the worsening of relations.  The split (a split) ended ties.';
const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe('findQuote', () => {
  it('finds words pasted with doubled spaces or line breaks where the text has one space, and the reverse', () => {
    expect(findQuote(text, 'Soviet–Albanian  split', 1)).toEqual(at('Soviet–Albanian split'));
    expect(findQuote(text, 'split refers\tto', 1)).toEqual(at('split\nrefers to'));
    const across = findQuote(text, 'relations. The', 1) as { start: number; end: number };
    expect(text.slice(across.start, across.end)).toBe('relations.  The');
  });

  it('ignores white space around the words, so the range starts and ends on them', () => {
    const found = findQuote(text, '\n  Soviet–Albanian split \n', 1) as { start: number; end: number };
    expect(text.slice(found.start, found.end)).toBe('Soviet–Albanian split');
  });

  it('takes the Nth occurrence, or says how many there are', () => {
    expect(findQuote(text, 'split', 3)).toEqual({ start: text.indexOf('split)'), end: text.indexOf('split)') + 5 });
    expect(findQuote(text, 'split', 4)).toEqual({ count: 3 });
    expect(findQuote(text, 'Warsaw', 1)).toEqual({ count: 0 });
    expect(findQuote('la la la', 'la la', 2)).toEqual({ start: 3, end: 8 });
  });

  it('reads the quote as words, not as a pattern', () => {
    expect(findQuote(text, '(a split)', 1)).toEqual(at('(a split)'));
    expect(findQuote(text, 'ties.*', 1)).toEqual({ count: 0 });
  });

  it('finds a passage of thousands of words, pasted with its own line breaks', () => {
    const passage = Array.from({ length: 12_000 }, (_, n) => `word${n % 97}`).join(' ');
    const long = `Before it. ${passage} After it.`;
    const pasted = passage.replace(/ /g, (_, at: number) => (at % 7 === 0 ? '\n' : ' '));
    expect(findQuote(long, pasted, 1)).toEqual({ start: 11, end: 11 + passage.length });
    expect(findQuote(long, `${pasted} Warsaw`, 1)).toEqual({ count: 0 });
  });
});

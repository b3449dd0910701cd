import { describe, expect, it } from 'vitest';
import { checkOmissions, MAX_OMISSIONS, trimmedQuote } from '../../../core/annotate/omissions.ts';
import { omissionsFromEdit } from '../../../core/annotate/trim-edit.ts';
import { AnnotateError } from '../../../core/annotate/errors.ts';

// From edemskiy-2019, p. 380.
const QUOTE =
  'Until June 1960, Moscow had not responded to the Albanian requests, as the archive shows.';

function cutOf(words: string): { start: number; end: number } {
  const start = QUOTE.indexOf(words);
  return { start, end: start + words.length };
}

describe('trimmedQuote', () => {
  it('puts a spaced ellipsis where words were left out', () => {
    expect(trimmedQuote(QUOTE, [cutOf(' to the Albanian requests')])).toBe(
      'Until June 1960, Moscow had not responded …, as the archive shows.',
    );
  });

  it('marks a cut at either end with an ellipsis there', () => {
    expect(trimmedQuote(QUOTE, [cutOf('Until June 1960, ')])).toBe(
      '… Moscow had not responded to the Albanian requests, as the archive shows.',
    );
    expect(trimmedQuote(QUOTE, [cutOf(', as the archive shows.')])).toBe(
      'Until June 1960, Moscow had not responded to the Albanian requests …',
    );
  });

  it('returns the whole quote without cuts, or with cuts that do not fit it', () => {
    expect(trimmedQuote(QUOTE, [])).toBe(QUOTE);
    expect(trimmedQuote(QUOTE, [{ start: 5, end: 500 }])).toBe(QUOTE);
  });
});

describe('checkOmissions', () => {
  it('accepts sorted cuts inside the quote that leave words standing', () => {
    expect(checkOmissions(QUOTE, [cutOf('June '), cutOf(' to the Albanian requests')])).toBeNull();
  });

  it('names what is wrong with cuts that do not fit', () => {
    expect(checkOmissions(QUOTE, [{ start: 10, end: 200 }])).toMatch(/must lie inside/);
    expect(checkOmissions(QUOTE, [cutOf(' to the Albanian'), cutOf('June ')])).toMatch(/after the cut before it/);
    expect(checkOmissions(QUOTE, [{ start: 4, end: 4 }])).toMatch(/must lie inside/);
    expect(checkOmissions(QUOTE, [{ start: 5, end: 6 }])).toMatch(/not only spaces/);
    expect(checkOmissions(QUOTE, [{ start: 0, end: QUOTE.length }])).toBe('the cuts leave nothing to quote');
    const many = Array.from({ length: MAX_OMISSIONS + 1 }, (_, i) => ({ start: i, end: i + 1 }));
    expect(checkOmissions('x'.repeat(MAX_OMISSIONS + 5), many)).toMatch(/at most/);
  });
});

describe('omissionsFromEdit', () => {
  it('reads the cuts off an edit that only deletes words', () => {
    const edited = 'Until June 1960, Moscow had not responded, as the archive shows.';
    const cuts = omissionsFromEdit(QUOTE, edited);
    expect(cuts).toEqual([cutOf('to the Albanian requests')]);
    expect(trimmedQuote(QUOTE, cuts)).toBe('Until June 1960, Moscow had not responded …, as the archive shows.');
  });

  it('joins neighbouring deleted words into one cut and finds several cuts', () => {
    const cuts = omissionsFromEdit(QUOTE, 'Until 1960, Moscow had not responded.');
    expect(cuts.map((cut) => QUOTE.slice(cut.start, cut.end))).toEqual([
      'June',
      'to the Albanian requests, as the archive shows',
    ]);
  });

  it('ignores changes of spacing and gives no cuts for an unchanged quote', () => {
    expect(omissionsFromEdit(QUOTE, QUOTE)).toEqual([]);
    expect(omissionsFromEdit(QUOTE, `  ${QUOTE.replace('Moscow had', 'Moscow\n had')} `)).toEqual([]);
  });

  it('refuses an edit that adds or changes words, naming them', () => {
    const attempt = () => omissionsFromEdit(QUOTE, QUOTE.replace('Moscow', 'the Kremlin'));
    expect(attempt).toThrow(AnnotateError);
    expect(attempt).toThrow('“the Kremlin” is not in the highlighted passage');
  });

  it('refuses an edit that leaves nothing to quote', () => {
    expect(() => omissionsFromEdit(QUOTE, '')).toThrow(/leave nothing to quote/);
  });
});

import { describe, expect, it } from 'vitest';
import { PAGE_MARK } from '../../../../core/clean/pdf-text/markers.ts';
import { curlQuotes, repairApostrophes } from '../../../../core/clean/pdf-text/quotes.ts';

describe('curlQuotes', () => {
  it('opens a straight double quote after a space and closes it after a word', () => {
    expect(curlQuotes('the "personality cult" of Stalin')).toBe('the “personality cult” of Stalin');
  });

  it('pairs a quotation that a page break cuts, with the page mark transparent', () => {
    expect(curlQuotes(`question: “What do ${PAGE_MARK}you want with us?"; Hoxha`)).toBe(
      `question: “What do ${PAGE_MARK}you want with us?”; Hoxha`,
    );
    expect(curlQuotes(`${PAGE_MARK}"Now we say"`)).toBe(`${PAGE_MARK}“Now we say”`);
  });

  it('closes a quote that follows punctuation and opens one after a bracket or dash', () => {
    expect(curlQuotes('("had they listened") and—"yes."')).toBe('(“had they listened”) and—“yes.”');
  });

  it('turns apostrophes into ’ and a word-initial single quote into ‘', () => {
    expect(curlQuotes("workers' parties, Hoxha's report, 'Delo' and the '60s")).toBe(
      'workers’ parties, Hoxha’s report, ‘Delo’ and the ’60s',
    );
  });

  it('leaves URLs and directives untouched', () => {
    expect(curlQuotes(`<http://x.org/a'b> {{gap:"lost"}} "ok"`)).toBe(
      `<http://x.org/a'b> {{gap:"lost"}} “ok”`,
    );
  });
});

describe('repairApostrophes', () => {
  it('collapses a doubled apostrophe', () => {
    expect(repairApostrophes('support Hoxha\'’s right')).toBe('support Hoxha’s right');
  });

  it('reattaches a possessive cut off by a space', () => {
    expect(repairApostrophes('Khrushchev ‘s visit and the Soviet Union ’s Ministry')).toBe(
      'Khrushchev’s visit and the Soviet Union’s Ministry',
    );
  });

  it('leaves a quoted letter s alone', () => {
    const text = 'the letter ‘s’ and the word ‘so’';
    expect(repairApostrophes(text)).toBe(text);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, LIST_SEPARATOR } from '../../../core/search/analysis.ts';
import { foldTypography, foldWord } from '../../../core/search/fold.ts';
import { tokenize } from '../../../core/search/tokenize.ts';

const terms = (text: string) => analyze(text).map((t) => t.term);

describe('tokenize', () => {
  it('keeps accented letters at both edges of a word', () => {
    const text = 'Kalić, Çoku and Živorić.';
    expect(tokenize(text).map((w) => text.slice(w.start, w.end))).toEqual([
      'Kalić',
      'Çoku',
      'and',
      'Živorić',
    ]);
  });

  it('keeps combining marks of decomposed text inside the word', () => {
    const text = 'Me\u0308hilli wrote';
    expect(tokenize(text)[0]).toEqual({ text: 'Me\u0308hilli', start: 0, end: 8, ordinal: 0 });
  });

  it('splits at apostrophes, hyphens, dashes and other punctuation', () => {
    expect(tokenize('Khrushchev’s Soviet-Albanian 1912–1913 (Tirana)').map((w) => w.text)).toEqual([
      'Khrushchev',
      's',
      'Soviet',
      'Albanian',
      '1912',
      '1913',
      'Tirana',
    ]);
  });

  it('reads words in any script', () => {
    expect(tokenize('Ранковић и Тито').map((w) => w.text)).toEqual(['Ранковић', 'и', 'Тито']);
  });
});

describe('foldWord', () => {
  it('removes diacritics and lowercases', () => {
    expect(['Mëhilli', 'Mēhilli', 'Méhilli', 'Koçi', 'Ranković', 'Živorić'].map(foldWord)).toEqual([
      'mehilli',
      'mehilli',
      'mehilli',
      'koci',
      'rankovic',
      'zivoric',
    ]);
  });

  it('treats decomposed and precomposed spellings alike', () => {
    expect(foldWord('Z\u030Civoric\u0301')).toBe(foldWord('Živorić'));
  });

  it('spells out letters Unicode does not decompose, and ligatures', () => {
    expect(['Øresund', 'Łódź', 'Straße', 'Æsir', 'Œuvre', 'Đilas', 'ﬁnal'].map(foldWord)).toEqual([
      'oresund',
      'lodz',
      'strasse',
      'aesir',
      'oeuvre',
      'dilas',
      'final',
    ]);
  });

  it('keeps digits', () => {
    expect(foldWord('22nd')).toBe('22nd');
  });

  it('drops the leading zeros of a number, and only of a number', () => {
    expect(['05', '007', '0', '00', '1961', '0x', '05a'].map(foldWord)).toEqual(['5', '7', '0', '0', '1961', '0x', '05a']);
  });
});

describe('foldTypography', () => {
  it('folds curly quotes, dashes and odd spaces without changing the length', () => {
    const typed = '“Party of Labour” – Khrushchev’s\u00A0—x';
    const folded = foldTypography(typed);
    expect(folded).toBe('"Party of Labour" - Khrushchev\'s -x');
    expect(folded.length).toBe(typed.length);
  });
});

describe('analyze', () => {
  it('gives each term its offsets in the original text', () => {
    const text = 'Aleksandar Ranković fell.';
    const [, rankovic] = analyze(text);
    expect(rankovic).toEqual({ term: 'rankovic', start: 11, end: 19, ordinal: 1 });
    expect(text.slice(rankovic!.start, rankovic!.end)).toBe('Ranković');
  });

  it('drops stop words but counts them in the word ordinals', () => {
    expect(analyze('the Party of Labour').map((t) => [t.term, t.ordinal])).toEqual([
      ['party', 1],
      ['labour', 3],
    ]);
  });

  it('keeps stop words when asked', () => {
    const kept = analyze('the Party', { keepStopWords: true });
    expect(kept.map((t) => t.term)).toEqual(['the', 'party']);
  });

  it('keeps terms with digits whole', () => {
    expect(terms('the 22nd Congress, 1961, HAL9000')).toEqual([
      '22nd',
      'congress',
      '1961',
      'hal9000',
    ]);
  });

  it('drops a possessive s', () => {
    expect(terms('Khrushchev’s policies')).toEqual(['khrushchev', 'policies']);
  });

  it('offsets list parts into their joined text and leaves a word gap between parts', () => {
    const tags = ['Soviet aid', 'withdrawal'];
    const joined = tags.join(LIST_SEPARATOR);
    const analysed = analyze(tags);
    expect(analysed.map((t) => [joined.slice(t.start, t.end), t.ordinal])).toEqual([
      ['Soviet', 0],
      ['aid', 1],
      ['withdrawal', 3],
    ]);
  });

  it('returns nothing for punctuation or stop words only', () => {
    expect(analyze('— the, of… !')).toEqual([]);
  });
});

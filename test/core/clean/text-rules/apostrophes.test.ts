import { describe, expect, it } from 'vitest';
import {
  backticksToApostrophes,
  normalizeApostrophes,
} from '../../../../core/clean/text-rules/apostrophes.ts';

describe('normalizeApostrophes', () => {
  it('re-attaches split possessives and contractions', () => {
    expect(normalizeApostrophes("the People 's Republic, don 't worry, I 've heard")).toBe(
      'the People’s Republic, don’t worry, I’ve heard',
    );
  });

  it('re-attaches a possessive inside brackets', () => {
    expect(normalizeApostrophes("[Khrushchev 's] words")).toBe('[Khrushchev’s] words');
  });

  it('re-attaches Irish elided names', () => {
    expect(normalizeApostrophes("James S. O 'Donnell said")).toBe('James S. O’Donnell said');
  });

  it('curls apostrophes inside words', () => {
    expect(normalizeApostrophes("Khrushchev's report and People's Assembly")).toBe(
      'Khrushchev’s report and People’s Assembly',
    );
  });

  it('leaves quotation marks for quote pairing', () => {
    const quoted = "the Soviet ' experience ' and ' so-called ' and workers ' parties";
    expect(normalizeApostrophes(quoted)).toBe(quoted);
  });

  it('leaves clean text unchanged', () => {
    const clean = 'O’Donnell’s view of the workers’ parties';
    expect(normalizeApostrophes(clean)).toBe(clean);
  });
});

describe('backticksToApostrophes', () => {
  it('writes backticks inside words as apostrophes', () => {
    expect(backticksToApostrophes('a “coup d`etat” of the People`s Republic')).toBe(
      'a “coup d’etat” of the People’s Republic',
    );
  });

  it('writes a backtick that opens a word as an opening quotation mark', () => {
    expect(backticksToApostrophes("the `new ideas'")).toBe("the ‘new ideas'");
  });
});

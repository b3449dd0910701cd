import { describe, expect, it } from 'vitest';
import { deriveShortTitle, mainTitleOf } from '../../../core/cite/short-title.ts';

describe('mainTitleOf', () => {
  it('drops the subtitle after a colon and keeps a closing question mark', () => {
    expect(mainTitleOf('Splitting Apart: How the Soviet-Albanian Relations Came to an End')).toBe('Splitting Apart');
    expect(mainTitleOf('Who Won the Split? A Reckoning')).toBe('Who Won the Split?');
    expect(mainTitleOf('Albania and the Sino-Soviet Rift')).toBe('Albania and the Sino-Soviet Rift');
  });
});

describe('deriveShortTitle', () => {
  it('keeps a main title of up to four words, article included', () => {
    expect(deriveShortTitle('The Albanian Question: A History', true)).toBe('The Albanian Question');
  });

  it('cuts a longer title to its first key words, without an initial article or a dangling small word', () => {
    expect(deriveShortTitle('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961', true)).toBe(
      'Additional Evidence',
    );
    expect(deriveShortTitle('The Making of Victorian Sexual Attitudes', true)).toBe('Making of Victorian Sexual');
  });

  it('does not drop articles or small words of a title in another language', () => {
    expect(deriveShortTitle('La rupture entre Tirana et Moscou en 1961', false)).toBe('La rupture entre Tirana');
  });
});

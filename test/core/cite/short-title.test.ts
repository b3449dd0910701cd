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
    expect(deriveShortTitle('The Albanian Question: A History')).toBe('The Albanian Question');
  });

  it('cuts a longer title to its first key words where a phrase ends, without an initial article or a dangling small word', () => {
    expect(deriveShortTitle('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961')).toBe('Additional Evidence');
    expect(deriveShortTitle('The Sino-Soviet Split and Its Consequences', 'en-US')).toBe('Sino-Soviet Split');
    expect(deriveShortTitle('The Cold War in East Asia, 1945–1991')).toBe('Cold War');
    expect(deriveShortTitle('Hysni Kapo, from Moscow, kept in touch with Enver in Tirana')).toBe('Hysni Kapo, from Moscow');
  });

  it('never cuts inside a phrase: it runs on to the phrase’s end, or keeps the title whole', () => {
    // Cut at four words, these would end on an adjective or a number without its noun.
    expect(deriveShortTitle('Albania and the Sino-Soviet Rift')).toBe('Albania and the Sino-Soviet Rift');
    expect(deriveShortTitle('The Making of Victorian Sexual Attitudes')).toBe('Making of Victorian Sexual Attitudes');
    expect(deriveShortTitle('Documents of the Fourth Congress of the Party of Labour')).toBe('Documents of the Fourth Congress');
    expect(deriveShortTitle('Agreement from Which Albania Withdrew in 1968')).toBe('Agreement from Which Albania Withdrew');
    // German with no language stated: none of its small words is an English one, so no cut ends a phrase.
    expect(deriveShortTitle('Die Schönheit der Österreichischen Gründe')).toBe('Die Schönheit der Österreichischen Gründe');
  });

  it('cuts a title in another language before that language’s small words, keeping its articles', () => {
    expect(deriveShortTitle('La rupture entre Tirana et Moscou en 1961', 'fr')).toBe('La rupture entre Tirana');
    expect(deriveShortTitle('Sovetskii Soiuz i albanskii vopros v gody kholodnoi voiny', 'ru')).toBe('Sovetskii Soiuz');
    expect(deriveShortTitle('Советский Союз и албанский вопрос в годы холодной войны', 'ru-RU')).toBe('Советский Союз');
    expect(deriveShortTitle('Marrëdhëniet shqiptaro-sovjetike dhe ndarja e vitit 1961', 'sq')).toBe('Marrëdhëniet shqiptaro-sovjetike dhe ndarja');
    expect(deriveShortTitle('Die Schönheit der österreichischen Gründe im Kalten Krieg', 'German')).toBe('Die Schönheit');
  });

  it('keeps a title whole in a language whose small words it does not know', () => {
    expect(deriveShortTitle('Sovjetunionen och den albanska frågan under kalla kriget', 'sv')).toBe('Sovjetunionen och den albanska frågan under kalla kriget');
  });
});

import { describe, expect, it } from 'vitest';
import { citeDocument } from '../../../core/cite/cite-document.ts';
import { isEnglish, titleCase } from '../../../core/cite/title-case.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { bibliographyOf, notesOf, run } from './golden.ts';

describe('titleCase', () => {
  it('capitalizes the first and last words and lowercases articles, conjunctions and prepositions', () => {
    expect(titleCase('the split between albania and the soviet union', 18)).toBe(
      'The Split between Albania and the Soviet Union',
    );
    expect(titleCase('what it all came to', 18)).toBe('What It All Came To');
  });

  it('starts every subtitle with a capital', () => {
    expect(titleCase('splitting apart: how the relations came to an end', 17)).toBe(
      'Splitting Apart: How the Relations Came to an End',
    );
  });

  it('lowercases prepositions of any length under CMOS 17 but not “regarding” or “unlike” under CMOS 18', () => {
    expect(titleCase('documents regarding the rupture, unlike others', 17)).toBe('Documents regarding the Rupture, unlike Others');
    expect(titleCase('documents regarding the rupture, unlike others', 18)).toBe('Documents Regarding the Rupture, Unlike Others');
  });

  it('leaves acronyms, internal capitals and initials as typed', () => {
    expect(titleCase('the USSR and McCarthy in 1950: a letter from John A. Smith', 18)).toBe(
      'The USSR and McCarthy in 1950: A Letter from John A. Smith',
    );
  });

  it('capitalizes the parts of hyphenated compounds but not after a prefix', () => {
    expect(titleCase('the sino-soviet rift and re-election', 18)).toBe('The Sino-Soviet Rift and Re-election');
    expect(titleCase('Soviet–Albanian split', 18)).toBe('Soviet–Albanian Split');
  });
});

describe('isEnglish', () => {
  it('treats a missing language and en, en-US, English as English, and nothing else', () => {
    expect([undefined, '', 'en', 'en-US', 'English', 'eng'].map(isEnglish)).toEqual([true, true, true, true, true, true]);
    expect(['ru', 'sq', 'fr-FR', 'de'].map(isEnglish)).toEqual([false, false, false, false]);
  });
});

describe('titles in other languages', () => {
  it('keeps the capitalization of a non-English title as typed (decision D2)', () => {
    const item: CslItem = {
      id: 'ru',
      type: 'book',
      author: [{ family: 'Lavrenov', given: 'S. Ia.' }],
      title: 'Sovetskii Soiuz i albanskii vopros v gody kholodnoi voiny',
      language: 'ru',
      publisher: 'Nauka',
      issued: { 'date-parts': [[2006]] },
    };
    const doc = citeDocument([item], run(['ru', '12'], ['ru', '13']));
    expect(notesOf(doc)[0]).toBe('S. Ia. Lavrenov, *Sovetskii Soiuz i albanskii vopros v gody kholodnoi voiny* (Nauka, 2006), 12.');
    expect(bibliographyOf(doc)[0]).toBe('Lavrenov, S. Ia. *Sovetskii Soiuz i albanskii vopros v gody kholodnoi voiny*. Nauka, 2006.');
    expect(notesOf(doc)[1]).toBe('Lavrenov, *Sovetskii Soiuz*, 13.');
  });

  it('title-cases the same title when the item says it is English', () => {
    const item: CslItem = { id: 'en', type: 'book', title: 'the albanian question', language: 'en', publisher: 'P', issued: { 'date-parts': [[2006]] } };
    expect(notesOf(citeDocument([item], run(['en', '1'])))[0]).toBe('*The Albanian Question* (P, 2006), 1.');
  });
});

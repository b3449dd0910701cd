/**
 * The small words that begin a new phrase in a title (articles, conjunctions, prepositions), by
 * language: a short title is cut only before one of them, so that it never ends inside a phrase
 * (decision D1 of docs/citation-rules.md). The languages are those a historian of the region
 * reads most: English, French, German, Italian, Spanish, Albanian, and Russian in Cyrillic and in
 * Library of Congress transliteration.
 */

const WORDS: Record<string, string> = {
  en:
    'a an the and but for or nor as to of in on at by with from into onto upon about between among ' +
    'against during before after over under through toward towards within without since until via per than',
  fr: 'le la les l un une des de du d et ou en à au aux pour par sur sous dans entre avec sans vers chez contre après avant depuis',
  de: 'der die das den dem des ein eine einer eines einem einen und oder in im von vom zu zum zur mit für auf an am über unter nach bei aus gegen zwischen um durch ohne seit',
  it: 'il lo la i gli le l un una uno e ed o di del della dei degli delle a al alla ai da dal dalla in nel nella con su sul sulla per tra fra',
  es: 'el la los las un una unos unas y e o u de del a al en con por para sin sobre entre hacia desde hasta contra',
  sq: 'e i të së dhe ose në për nga me mbi si te tek pa prej drejt midis ndaj gjatë pas para',
  ru: 'и а но или в во на с со о об от из до по к ко за при под над для без между через у ' + 'i a no ili v vo na s so o ob ot iz do po k ko za pri pod nad dlia bez mezhdu cherez u',
};

const SETS = new Map(Object.entries(WORDS).map(([language, words]) => [language, new Set(words.split(' '))]));

/**
 * The phrase-opening small words of the language a CSL `language` value names (`en`, `fr-FR`,
 * `deu`, `Russian`…); English when none is given; undefined for a language not listed here.
 */
export function phraseWordsOf(language: string | undefined): ReadonlySet<string> | undefined {
  const code = (language ?? '').trim().toLowerCase();
  if (code === '') return SETS.get('en');
  const primary = code.split(/[-_]/)[0] ?? '';
  return SETS.get(ALIASES[primary] ?? primary);
}

// ISO 639-2 codes and English names of the languages above.
const ALIASES: Record<string, string> = {
  eng: 'en', english: 'en',
  fre: 'fr', fra: 'fr', french: 'fr',
  ger: 'de', deu: 'de', german: 'de',
  ita: 'it', italian: 'it',
  spa: 'es', spanish: 'es',
  alb: 'sq', sqi: 'sq', albanian: 'sq',
  rus: 'ru', russian: 'ru',
};

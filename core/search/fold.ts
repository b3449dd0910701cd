/**
 * Diacritic and typographic folding, so that `mehilli` finds Mëhilli and `Mëhilli` finds Mehilli.
 *
 * The letter rules follow Zotero's search folding (NFKD, marks stripped, a short map for the
 * letters Unicode does not decompose), so a historian's searches behave as they do in Zotero.
 */

// Letters without a canonical decomposition, so NFKD leaves them alone. Lower case only:
// folding lowercases first.
const LETTERS: Readonly<Record<string, string>> = {
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ς: 'σ',
};

const SPECIAL_LETTERS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');
const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}]/gu;
// Leading zeros of a number: archives write one date as 12.05.1961 and as 12.5.1961, 05/03 and 5/3.
const LEADING_ZEROS = /^0+(?=[0-9]+$)/u;

/**
 * Folds one word to its index form: lower case, compatibility-decomposed (ligatures, superscripts,
 * full-width forms), diacritics removed, special letters spelled out, anything that is not a
 * letter or digit dropped, and a number's leading zeros dropped. The result may be empty.
 */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPECIAL_LETTERS, (letter) => LETTERS[letter] ?? letter)
    .replace(NOT_WORD, '')
    .replace(LEADING_ZEROS, '');
}

const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E\uFF02]/gu;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u02BC\u2032\u2039\u203A]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;

/**
 * Folds typography in typed text: curly and angle quotation marks become `"` or `'`, every dash
 * and the minus sign become `-`, and unusual spaces become a plain space. The length of the
 * string does not change, so offsets stay valid.
 */
export function foldTypography(text: string): string {
  return text
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(SPACES, ' ');
}

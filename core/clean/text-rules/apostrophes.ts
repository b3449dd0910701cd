/**
 * Apostrophes that belong to a word, as opposed to single quotation marks.
 *
 * Plural possessives (`workers' parties`) cannot be told from closing quotation marks character by
 * character; `pairSingleQuotes` decides those. The rules here are the unambiguous ones.
 */

/**
 * Clitics a tokeniser splits off the word they belong to: `People 's`, `don 't`, `I 've`. The
 * clitic must be followed by a non-letter, so `' so-called '` is left for quote pairing.
 */
const SPLIT_CLITIC = /(?<=[\p{L}\p{N}\]])[ \t]+'(s|t|ve|re|ll|d|m)(?![\p{L}\p{N}])/giu;

/** Elided names split after the initial: `O 'Donnell`, `D 'Arcy`, `L 'Humanité`. */
const SPLIT_ELIDED_NAME = /(?<![\p{L}\p{N}])([ODL])[ \t]+'(?=\p{Lu})/gu;

/** A straight apostrophe inside a word: `Khrushchev's`, `don't`. */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])'(?=\p{L})/gu;

/**
 * Re-attaches split clitics and elided names and writes every apostrophe inside a word as `’`:
 * `Stalin 's` → `Stalin’s`, `O 'Donnell` → `O’Donnell`, `don't` → `don’t`. Straight quotes that
 * may be quotation marks are left for `pairSingleQuotes`; curly text is unchanged.
 */
export function normalizeApostrophes(text: string): string {
  return text
    .replace(SPLIT_CLITIC, '’$1')
    .replace(SPLIT_ELIDED_NAME, '$1’')
    .replace(INNER_APOSTROPHE, '’');
}

/**
 * Writes backticks used as apostrophes as `’` (``People`s`` → `People’s`, ``d`etat`` → `d’etat`);
 * a backtick that opens a word after a space is an opening quotation mark and becomes `‘`.
 */
export function backticksToApostrophes(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])`(?=[\p{L}\p{N}])/gu, '‘').replace(/`/g, '’');
}

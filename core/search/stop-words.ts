/**
 * English stop words: function words too common to help ranking, left out of the index.
 *
 * Deliberately shorter than Lunr's list, which also drops `may`, `us`, `said`, `like`, `will`,
 * `can`, `who` and `not`: historians search for "May 1945", "US aid", the WHO and "not guilty".
 * `s` and `t` are the tails of `Khrushchev's` and `don't` once the tokenizer splits at the
 * apostrophe.
 */

/** Every stop word, in a fixed order: a segment stores a stop word as its place in this list. */
export const STOP_WORD_LIST: readonly string[] = (
  'a an and are as at be been but by for from had has have he her his i if in into is it its ' +
  'of on or s she so t than that the their them then there these they this those to was we ' +
  'were which with'
).split(' ');

const STOP_WORDS: ReadonlyMap<string, number> = new Map(STOP_WORD_LIST.map((word, i) => [word, i]));

/** True when a folded term is a stop word, which is neither indexed nor searched. */
export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}

/** The number of a stop word in `STOP_WORD_LIST`, or -1 for any other word. */
export function stopWordNumber(term: string): number {
  return STOP_WORDS.get(term) ?? -1;
}

/**
 * Joining two lines of one paragraph: with a space, or, after a line-end hyphen, with or without
 * the hyphen. A soft (typesetter's) hyphen splits a word (`obvi-`/`ous`); a real hyphen belongs to
 * the text (`Albanian-`/`Soviet`, `long-`/`term`, the page range `pp. 5-`/`6)`).
 */

/** The words a document uses, to tell a split word from a hyphenated compound. */
export interface WordIndex {
  /** Lower-cased words without hyphens (`obvious`). */
  words: ReadonlySet<string>;
  /** Lower-cased hyphenated compounds (`long-term`). */
  compounds: ReadonlySet<string>;
}

/** How two lines are joined. */
export type LineJoin = 'space' | 'keep-hyphen' | 'drop-hyphen' | 'touch';

// Endings that are almost never words of their own, so a word broken before them was split by
// the typesetter. Used only when the document itself gives no evidence either way.
const SUFFIXES = new Set(
  (
    'able ably al ally ance ances ant ants ary ation ations ative ed ement ements ence ' +
    'ences ency ent ently ents er ers ess est ful ial ially ible ibly ic ical ically ics ied ' +
    'ies ily ing ings ion ions ious iously ism ist ists ities ity ive ively ly ment ments ' +
    'ness ous ously sion sions tion tions ture tures ural ure ures'
  ).split(' '),
);

/** Collects every word and hyphenated compound of the given texts. */
export function buildWordIndex(texts: Iterable<string>): WordIndex {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const text of texts) {
    for (const [token] of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const lower = token.toLowerCase();
      if (lower.includes('-')) compounds.add(lower);
      else words.add(lower);
    }
  }
  return { words, compounds };
}

/**
 * Decides how `left` (a line or paragraph fragment) continues into `right`. After a hyphen that
 * follows a letter or digit: kept between digits (a range) and before a capital (a compound with
 * a name); kept if the document prints the compound elsewhere; dropped if it prints the joined
 * word elsewhere or the continuation is a bare suffix; otherwise kept, since a kept hyphen never
 * changes the printed wording. After a dash the lines touch; otherwise a space joins them.
 */
export function lineJoin(left: string, right: string, index: WordIndex): LineJoin {
  if (/[–—]$/u.test(left) && !/\s[–—]$/u.test(left)) return 'touch';
  const end = /([\p{L}\p{N}]+)-$/u.exec(left);
  if (!end) return 'space';
  const start = /^[\p{L}\p{N}]+/u.exec(right);
  if (!start) return 'keep-hyphen';
  const head = end[1] ?? '';
  const tail = start[0];
  if (/\p{N}/u.test(head + tail) || /^\p{Lu}/u.test(tail)) return 'keep-hyphen';
  const compound = `${head}-${tail}`.toLowerCase();
  const joined = `${head}${tail}`.toLowerCase();
  if (index.compounds.has(compound)) return 'keep-hyphen';
  if (index.words.has(joined) || SUFFIXES.has(tail.toLowerCase())) return 'drop-hyphen';
  return 'keep-hyphen';
}

/** Joins two fragments as `lineJoin` decides, putting `between` (e.g. a page mark) at the seam. */
export function joinFragments(left: string, right: string, index: WordIndex, between = ''): string {
  switch (lineJoin(left, right, index)) {
    case 'space':
      return `${left} ${between}${right}`;
    case 'drop-hyphen':
      return `${left.slice(0, -1)}${between}${right}`;
    case 'keep-hyphen':
    case 'touch':
      return `${left}${between}${right}`;
  }
}

/**
 * Short titles for shortened notes (CMOS 18 13.33; decision D1 of docs/citation-rules.md): the
 * item's `title-short` when given; otherwise the main title without its subtitle, and, when that
 * is longer than four words, its first key words without an initial article.
 */
import type { CslItem } from '../corpus/model.ts';
import { field } from './item.ts';
import { isEnglish } from './title-case.ts';

const ARTICLES = new Set(['a', 'an', 'the']);

/** Words a cut title must not end on (it would dangle): articles, conjunctions, prepositions. */
const DANGLING = new Set(
  (
    'a an the and but for or nor as to of in on at by with from into onto upon about between ' +
    'among against during before after over under through toward towards within without since ' +
    'until via per than'
  ).split(' '),
);

/** The longest a derived short title may be, in words. */
const MAX_WORDS = 4;

/** The short title: `title-short`, else derived from the title by `deriveShortTitle`. */
export function shortTitleOf(item: CslItem): string {
  const given = field(item, 'title-short');
  if (given) return given;
  return deriveShortTitle(field(item, 'title') ?? '', isEnglish(field(item, 'language')));
}

/** The title without its subtitle: up to the first colon, or to a ? or ! that ends the title. */
export function mainTitleOf(title: string): string {
  const m = /^(.+?)(?::\s|[?!](?=\s))/.exec(title);
  if (!m || m[1] === undefined) return title.trim();
  const end = title.charAt(m[1].length);
  return (end === ':' ? m[1] : m[1] + end).trim();
}

/**
 * Derives a short title: the main title; if longer than four words, without an initial A/An/The
 * and cut to its first four words, dropping trailing small words ("Additional Evidence on the
 * Final Break…" → "Additional Evidence"). Only English titles lose articles and small words.
 */
export function deriveShortTitle(title: string, english: boolean): string {
  const main = mainTitleOf(title);
  let words = main.split(/\s+/).filter((w) => w !== '');
  if (words.length <= MAX_WORDS) return main;
  if (english && ARTICLES.has(bare(words[0] ?? ''))) words = words.slice(1);
  words = words.slice(0, MAX_WORDS);
  while (english && words.length > 1 && DANGLING.has(bare(words.at(-1) ?? ''))) {
    words = words.slice(0, -1);
  }
  return words.join(' ').replace(/[,;:.–—-]+$/, '');
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

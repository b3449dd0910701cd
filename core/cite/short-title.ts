/**
 * Short titles for shortened notes (CMOS 18 13.33; decision D1 of docs/citation-rules.md): the
 * item's `title-short` when given; otherwise the main title without its subtitle, and, when that
 * is longer than four words, its first key words without an initial article, cut where a phrase
 * ends.
 */
import type { CslItem } from '../corpus/model.ts';
import { field } from './item.ts';
import { phraseWordsOf } from './phrase-words.ts';
import { isEnglish } from './title-case.ts';

const ARTICLES = new Set(['a', 'an', 'the']);

/** The longest a derived short title may be, in words. */
const MAX_WORDS = 4;

/** The short title: `title-short`, else derived from the title by `deriveShortTitle`. */
export function shortTitleOf(item: CslItem): string {
  const given = field(item, 'title-short');
  if (given) return given;
  return deriveShortTitle(field(item, 'title') ?? '', field(item, 'language'));
}

/** The title without its subtitle: up to the first colon, or to a ? or ! that ends the title. */
export function mainTitleOf(title: string): string {
  const m = /^(.+?)(?::\s|[?!](?=\s))/.exec(title);
  if (!m || m[1] === undefined) return title.trim();
  const end = title.charAt(m[1].length);
  return (end === ':' ? m[1] : m[1] + end).trim();
}

/**
 * Derives a short title from a title in `language` (a CSL `language`; English when missing): the
 * main title; if longer than four words, without an initial A/An/The (English only) and cut to its
 * first key words, at the end of a phrase: before a small word of the language (`phraseWordsOf`)
 * or after a comma within the first four words ("Additional Evidence on the Final Break…" →
 * "Additional Evidence"), never inside a phrase, which would leave a fragment ("Albania and the
 * Sino-Soviet", an adjective without its noun). When no such cut keeps two words or more, the title
 * runs on to the next phrase's end, or whole. A title in a language whose small words are not
 * known here is kept whole: no cut could be trusted to end a phrase.
 */
export function deriveShortTitle(title: string, language?: string): string {
  const main = mainTitleOf(title);
  let words = main.split(/\s+/).filter((w) => w !== '');
  const small = phraseWordsOf(language);
  if (words.length <= MAX_WORDS || small === undefined) return main;
  if (isEnglish(language) && ARTICLES.has(bare(words[0] ?? ''))) words = words.slice(1);
  // A cut before word `i` ends a phrase: the title ends there, a small word begins the next
  // phrase, or the word before closes a clause with a comma or semicolon.
  const endsPhrase = (i: number): boolean => i >= words.length || small.has(bare(words[i] ?? '')) || /[,;]$/.test(words[i - 1] ?? '');
  const cutAt = (end: number): string[] => {
    let kept = words.slice(0, end);
    // Never ending on a small word ("Additional Evidence on" → "Additional Evidence").
    while (kept.length > 1 && small.has(bare(kept.at(-1) ?? ''))) kept = kept.slice(0, -1);
    return kept;
  };
  let end = Math.min(MAX_WORDS, words.length);
  while (end > 0 && !endsPhrase(end)) end -= 1;
  let cut = cutAt(end);
  if (cut.length < 2) {
    end = MAX_WORDS + 1;
    while (!endsPhrase(end)) end += 1;
    cut = cutAt(end);
  }
  return cut.join(' ').replace(/[,;:.–—-]+$/, '');
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

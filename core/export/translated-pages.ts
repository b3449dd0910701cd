/**
 * Which pages of its original a translation renders. A partial translation (Memorie.al's of the
 * first pages of Edemskiy's article) must be pointed at the pages it translates, not at the whole
 * article. The corpus records no page map for a translation, so the paragraphs of the two texts
 * are aligned by the words they share: names, numbers and dates survive translation, and a word
 * rare in the original weighs more than a common one. A paragraph that shares too little with any
 * paragraph of the original (an editor's introduction) maps to nothing, and neither does a passage
 * in it.
 */
import type { Source } from '../corpus/model.ts';
import { locate } from '../corpus/source-index.ts';

/** How a translation maps onto the pages of its original. */
export interface TranslatedPages {
  /** The pages of the original the translation renders ("375-380", "12"), or null if none map. */
  readonly range: string | null;
  /** The original's page or pages ("378", "378-379") of the passage `[start, end)` of the translation. */
  passage(start: number, end: number): string | null;
}

/**
 * Share of a translated paragraph's weighted words that its original paragraph must hold. Measured
 * on the corpus: translated paragraphs share 0.46–0.90 with their originals, and an editor's
 * paragraphs at most 0.16 with any paragraph of the original.
 */
const MATCH = 0.4;

/**
 * Share of a passage's weighted words that one page of its original paragraph must hold, ahead of
 * every other page of that paragraph by `LEAD`, for the passage to be placed on that page alone.
 */
const ON_PAGE = 0.5;
const LEAD = 0.25;

interface Word {
  word: string;
  page: string | null;
}

interface Paragraph {
  start: number;
  end: number;
  words: Word[];
  set: Set<string>;
}

const cache = new WeakMap<Source, WeakMap<Source, TranslatedPages>>();

/** The page map of `translation` onto `original`, computed once per pair of sources. */
export function translatedPages(translation: Source, original: Source): TranslatedPages {
  let byOriginal = cache.get(translation);
  if (!byOriginal) {
    byOriginal = new WeakMap();
    cache.set(translation, byOriginal);
  }
  let pages = byOriginal.get(original);
  if (!pages) {
    pages = align(translation, original);
    byOriginal.set(original, pages);
  }
  return pages;
}

function align(translation: Source, original: Source): TranslatedPages {
  const originals = paragraphs(original, true);
  const translated = paragraphs(translation, false);
  const weight = weights(originals);
  const pageOrder = new Map<string, number>();
  for (const paragraph of originals) {
    for (const { page } of paragraph.words) if (page !== null && !pageOrder.has(page)) pageOrder.set(page, pageOrder.size);
  }
  // Translations keep the order of their original: each paragraph is sought at or after the last match.
  const matches = new Map<Paragraph, Paragraph>();
  let from = 0;
  for (const paragraph of translated) {
    let best = -1;
    let bestScore = MATCH;
    for (let k = from; k < originals.length; k += 1) {
      const score = coverage(paragraph.set, (originals[k] as Paragraph).set, weight);
      if (score >= bestScore) {
        best = k;
        bestScore = score;
      }
    }
    if (best < 0) continue;
    matches.set(paragraph, originals[best] as Paragraph);
    from = best;
  }
  const matched = [...matches.values()];
  const first = matched[0]?.words.find((w) => w.page !== null)?.page ?? null;
  const last = matched.at(-1)?.words.findLast((w) => w.page !== null)?.page ?? null;
  const span = (a: string | null, b: string | null) => (a === null || b === null ? null : a === b ? a : `${a}-${b}`);
  const text = locate(translation).reading.text;
  return {
    range: span(first, last),
    passage(start, end) {
      const pages: string[] = [];
      for (const paragraph of translated) {
        if (paragraph.end <= start || paragraph.start >= end) continue;
        const source = matches.get(paragraph);
        if (!source) return null;
        const part = text.slice(Math.max(start, paragraph.start), Math.min(end, paragraph.end));
        pages.push(...pagesOf(new Set(words(part).map((w) => w.word)), source, weight));
      }
      if (pages.length === 0) return null;
      pages.sort((a, b) => (pageOrder.get(a) ?? 0) - (pageOrder.get(b) ?? 0));
      return span(pages[0] ?? null, pages.at(-1) ?? null);
    },
  };
}

/** The page a passage lies on in its original paragraph, or every page of that paragraph. */
function pagesOf(passage: Set<string>, paragraph: Paragraph, weight: (w: string) => number): string[] {
  const byPage = new Map<string, Set<string>>();
  for (const { word, page } of paragraph.words) {
    if (page === null) continue;
    byPage.set(page, (byPage.get(page) ?? new Set()).add(word));
  }
  const scores = [...byPage].map(([page, set]) => ({ page, score: coverage(passage, set, weight) }));
  scores.sort((a, b) => b.score - a.score);
  const [best, next] = scores;
  if (best && best.score >= ON_PAGE && (next === undefined || best.score - next.score >= LEAD)) {
    return [best.page];
  }
  return [...byPage.keys()];
}

/** The body paragraphs of a source (not headings, not notes), with their words. */
function paragraphs(source: Source, paged: boolean): Paragraph[] {
  const index = locate(source);
  const out: Paragraph[] = [];
  source.blocks.forEach((block, i) => {
    const span = index.reading.blocks[i];
    if (block.type === 'heading' || !span) return;
    const found = words(index.reading.text.slice(span.start, span.end), span.start);
    const placed = found.map(({ word, at }) => ({ word, page: paged ? index.pageAt(at) : null }));
    out.push({ start: span.start, end: span.end, words: placed, set: new Set(found.map((w) => w.word)) });
  });
  return out;
}

/** Words worth comparing: of four letters or more, or holding a digit; accents and case ignored. */
function words(text: string, offset = 0): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0].normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (word.length >= 4 || /\d/.test(word)) out.push({ word, at: offset + match.index });
  }
  return out;
}

/** Inverse document frequency over the original's paragraphs: rare words weigh more. */
function weights(paragraphs: Paragraph[]): (word: string) => number {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) for (const word of paragraph.set) counts.set(word, (counts.get(word) ?? 0) + 1);
  return (word) => Math.log((paragraphs.length + 1) / ((counts.get(word) ?? 0) + 1));
}

/** The weighted share of `part`'s words that `whole` holds. */
function coverage(part: Set<string>, whole: Set<string>, weight: (w: string) => number): number {
  let total = 0;
  let shared = 0;
  for (const word of part) {
    const w = weight(word);
    total += w;
    if (whole.has(word)) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}

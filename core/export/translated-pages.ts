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
 * Share of a passage's weighted words that a stretch of its original paragraph must hold for the
 * passage to be placed there; stretches within `TIE` of the best are as good. A stretch is twice
 * the passage's words long, and never shorter than `MIN_STRETCH` words.
 */
const ON_PAGE = 0.5;
const TIE = 0.02;
const MIN_STRETCH = 12;

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
  const matches = new Map<Paragraph, number>();
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
    matches.set(paragraph, best);
    from = best;
  }
  const matched = [...matches.values()].map((k) => originals[k] as Paragraph);
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
        const k = matches.get(paragraph);
        if (k === undefined) return null;
        // A translator may move a sentence across a paragraph break: look in the neighbours too.
        const around = originals.slice(Math.max(0, k - 1), k + 2).flatMap((p) => p.words);
        const part = text.slice(Math.max(start, paragraph.start), Math.min(end, paragraph.end));
        const found = pagesOf(new Set(words(part).map((w) => w.word)), around, weight);
        pages.push(...(found ?? pagesIn((originals[k] as Paragraph).words)));
      }
      if (pages.length === 0) return null;
      pages.sort((a, b) => (pageOrder.get(a) ?? 0) - (pageOrder.get(b) ?? 0));
      return span(pages[0] ?? null, pages.at(-1) ?? null);
    },
  };
}

/**
 * The pages a passage lies on among the words of its original paragraphs: those of the stretch,
 * about twice the passage's length, that holds most of its words (every stretch that holds as
 * many, if several do); null when no stretch holds enough of them.
 */
function pagesOf(passage: Set<string>, all: readonly Word[], weight: (w: string) => number): string[] | null {
  const size = Math.min(all.length, Math.max(2 * passage.size, MIN_STRETCH));
  const stretches: { score: number; words: Word[] }[] = [];
  for (let at = 0; at + size <= all.length; at += 1) {
    const words = all.slice(at, at + size);
    stretches.push({ score: coverage(passage, new Set(words.map((w) => w.word)), weight), words });
  }
  const best = Math.max(0, ...stretches.map((stretch) => stretch.score));
  if (best < ON_PAGE) return null;
  const found = stretches
    .filter((stretch) => stretch.score >= best - TIE)
    .flatMap((stretch) => {
      const matched = stretch.words.filter((w) => passage.has(w.word));
      return [matched[0], matched.at(-1)].filter((w): w is Word => w !== undefined);
    });
  return pagesIn(found);
}

function pagesIn(words: readonly Word[]): string[] {
  return [...new Set(words.flatMap((w) => (w.page === null ? [] : [w.page])))];
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

/**
 * Finding a passage of a source's cleaned text on its PDF page, in the text the PDF's text layer
 * gives. The two differ in everything cleaning changes (line-end hyphens joined, ligatures and
 * spacing normalised, running heads removed), so they are compared by their letters and digits
 * alone, case and accents folded.
 */

/** Where the passage stands in the page's text: `[start, end)` in UTF-16 units. */
export interface PassageSpan {
  start: number;
  end: number;
}

// When a long passage is not on the page letter for letter, its first and last letters (this
// many) are looked for instead.
const EDGE = 40;

interface Folded {
  text: string;
  /** For each folded character: where its original character starts and ends. */
  starts: number[];
  ends: number[];
}

/** The letters and digits of `text`, folded (ligatures split, accents and case dropped), with where each came from. */
function fold(text: string): Folded {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const end = index + char.length;
    for (const piece of char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()) {
      if (!/[\p{L}\p{N}]/u.test(piece)) continue;
      folded += piece;
      starts.push(index);
      ends.push(end);
    }
    index = end;
  }
  return { text: folded, starts, ends };
}

/** Every start of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** The occurrence nearest to `near` (a share of the page's text, 0 to 1); the first when none is given. */
function nearest(found: readonly number[], length: number, near: number | undefined): number | undefined {
  if (near === undefined) return found[0];
  const target = near * length;
  return [...found].sort((a, b) => Math.abs(a - target) - Math.abs(b - target))[0];
}

/**
 * Where `passage` stands in `pageText`, or null when it cannot be found there. When it is on the
 * page more than once, the one nearest to `near` (where it stands in its page's cleaned text, as
 * a share from 0 to 1) is taken. The caller gives only the part of a passage that its page
 * holds (a passage may run on to the next page).
 */
export function findPassage(pageText: string, passage: string, near?: number): PassageSpan | null {
  const page = fold(pageText);
  const wanted = fold(passage).text;
  if (wanted === '' || page.text === '') return null;
  const span = (from: number, to: number): PassageSpan => ({ start: page.starts[from] as number, end: page.ends[to - 1] as number });
  const whole = nearest(occurrences(page.text, wanted), page.text.length, near);
  if (whole !== undefined) return span(whole, whole + wanted.length);
  if (wanted.length <= EDGE) return null;
  const starts = occurrences(page.text, wanted.slice(0, EDGE));
  const ends = occurrences(page.text, wanted.slice(-EDGE));
  // Both edges on the page, in order, not too far apart: a passage whose middle differs (a word
  // corrected in cleaning, a footnote printed between its lines).
  const first = nearest(starts, page.text.length, near);
  const last = first === undefined ? undefined : ends.find((at) => at > first && at + EDGE - first <= 2 * wanted.length);
  return first !== undefined && last !== undefined ? span(first, last + EDGE) : null;
}

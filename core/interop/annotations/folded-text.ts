/**
 * A text as other tools' quotes are compared with it: every run of white space is one space, and
 * the typographic forms of quotes, apostrophes, dashes and ligatures are folded to plain ones
 * (Hypothesis normalises white space the same way before matching a quote in a PDF). Each folded
 * character remembers the range of the original it stands for, so a match maps back exactly.
 */

/** A folded text and, for each of its UTF-16 units, the original range it came from. */
export interface FoldedText {
  text: string;
  /** `starts[i]`: original offset where folded unit i's source begins. */
  starts: number[];
  /** `ends[i]`: original offset where folded unit i's source ends (a space ends after its whole run). */
  ends: number[];
}

const FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '\u0060': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00ad': '',
};

/** The folded form of `text`, with the map back to it. */
export function foldText(text: string): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) as number;
    const char = String.fromCodePoint(code);
    if (/\s/u.test(char)) {
      let j = i + char.length;
      while (j < text.length && /\s/u.test(String.fromCodePoint(text.codePointAt(j) as number))) j += 1;
      out.push(' ');
      starts.push(i);
      ends.push(j);
      i = j;
      continue;
    }
    const folded = FOLDS[char] ?? char.normalize('NFKC');
    for (let k = 0; k < folded.length; k += 1) {
      starts.push(i);
      ends.push(i + char.length);
    }
    out.push(folded);
    i += char.length;
  }
  return { text: out.join(''), starts, ends };
}

/** The folded form of a short string, without the map (for quotes and their context). */
export function fold(text: string): string {
  return foldText(text).text;
}

/** The original range of folded range `[start, end)`. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const from = folded.starts[start] ?? folded.ends.at(-1) ?? 0;
  const to = end > start ? (folded.ends[end - 1] ?? from) : from;
  return { start: from, end: to };
}

/** The folded offset of original offset `offset` (the first folded unit at or after it). */
export function foldedOffset(folded: FoldedText, offset: number): number {
  let low = 0;
  let high = folded.starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((folded.starts[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

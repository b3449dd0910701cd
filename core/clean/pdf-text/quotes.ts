/**
 * Typographic quotation marks and apostrophes. Run only on whole, rejoined paragraphs, so that a
 * quotation opened on one page and closed on the next is paired correctly.
 */
import { PAGE_MARK } from './markers.ts';

// Spans whose characters are not prose: URLs in angle brackets and `{{…}}` directives.
const PROTECTED = /<https?:\/\/[^\s>]+>|\{\{[^}]*\}\}/gu;

/**
 * Repairs extraction damage around apostrophes: a doubled apostrophe (`Hoxha'’s`) becomes one,
 * and a possessive `s` cut off by a space (`Khrushchev ‘s`, `Union ’s`) is reattached.
 */
export function repairApostrophes(text: string): string {
  return text
    .replace(/['’]['’]/gu, '’')
    .replace(/(?<=\p{L}) [‘’'](?=s(?:[\s.,;:!?)]|$))/gu, '’');
}

/**
 * Turns straight quotes into curly ones by context. A `"` is opening at the start, after a space,
 * an opening bracket, dash, slash or quote, and closing elsewhere. A `'` between letters, after
 * a letter or before a digit is an apostrophe (`’`); one that opens a word is an opening single
 * quote.
 * Page marks are transparent; URLs and directives are left untouched.
 */
export function curlQuotes(text: string): string {
  const chars = [...text];
  const protectedAt = protectedIndexes(chars);
  for (const [i, ch] of chars.entries()) {
    if ((ch !== '"' && ch !== "'") || protectedAt.has(i)) continue;
    const before = previousVisible(chars, i);
    const after = chars[i + 1] ?? '';
    const opensHere = before === '' || /[\s([{‘“—–\-/*]/u.test(before);
    if (ch === '"') {
      chars[i] = opensHere && after !== '' && !/\s/u.test(after) ? '“' : '”';
    } else {
      chars[i] = opensHere && /\p{L}/u.test(after) ? '‘' : '’';
    }
  }
  return chars.join('');
}

function previousVisible(chars: readonly string[], i: number): string {
  for (let j = i - 1; j >= 0; j -= 1) {
    if (chars[j] !== PAGE_MARK) return chars[j] ?? '';
  }
  return '';
}

function protectedIndexes(chars: readonly string[]): Set<number> {
  const text = chars.join('');
  const indexes = new Set<number>();
  for (const match of text.matchAll(PROTECTED)) {
    // Convert code-unit offsets to code-point indexes, as `chars` holds code points.
    const start = [...text.slice(0, match.index)].length;
    const length = [...match[0]].length;
    for (let k = start; k < start + length; k += 1) indexes.add(k);
  }
  return indexes;
}

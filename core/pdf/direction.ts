/**
 * Text set right to left (Arabic, Hebrew, Persian). pdf.js tells each item's direction from its
 * characters and gives its text in reading order; the items of a line still stand where they are
 * drawn, so a line of right-to-left text is read from its rightmost item to its leftmost, a run
 * of left-to-right items within it (a date, a Latin name) from left to right.
 */
import type { PdfItem } from './model.ts';

/** Whether most of the characters of `items` are set right to left. */
export function isRightToLeft(items: readonly PdfItem[]): boolean {
  let rtl = 0;
  let all = 0;
  for (const item of items) {
    const chars = item.text.replace(/\s/gu, '').length;
    all += chars;
    if (item.rtl === true) rtl += chars;
  }
  return rtl > all / 2;
}

/** The items of one right-to-left line, ordered left to right as drawn, in reading order. */
export function logicalOrder<T extends PdfItem>(items: readonly T[]): T[] {
  const out: T[] = [];
  let run: T[] = [];
  // Punctuation and spaces have no direction of their own: they go with the right-to-left text.
  const leftToRight = (item: T) => item.rtl !== true && /[\p{L}\p{N}]/u.test(item.text);
  for (const item of [...items].reverse()) {
    if (leftToRight(item)) {
      run.unshift(item);
      continue;
    }
    out.push(...run, item);
    run = [];
  }
  out.push(...run);
  return out;
}

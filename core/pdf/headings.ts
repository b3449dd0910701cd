/**
 * The body text size and the headings: a document's running text is set in one size, which is
 * the size of most of its characters; a line clearly larger, or a short line wholly in bold at the
 * body size, is a heading. Heading levels follow the sizes, largest first.
 */
import type { PageLayout, PdfLine } from './model.ts';

// A heading's size is at least this share of the body size.
const LARGER = 1.15;
// A bold heading at body size is short and does not end like a sentence.
const MAX_BOLD_HEADING = 120;

/** The size of most characters of the document's lines, to half a point. */
export function bodySizeOf(pages: readonly (PageLayout | null)[]): number {
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const line of page?.lines ?? []) {
      const size = Math.round(line.size * 2) / 2;
      weight.set(size, (weight.get(size) ?? 0) + line.text.length);
    }
  }
  let best = 10;
  let most = -1;
  for (const [size, count] of weight) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}

/**
 * How a line reads as a heading: its size class, or undefined for running text. A line of fewer
 * than two letters (a page number, a year) is no heading, unless it `continues` one: a heading
 * that wraps after a dash or a comma may end on a line such as "1961".
 */
export function headingClass(line: PdfLine, bodySize: number, continues = false): string | undefined {
  const letters = line.text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 && !(continues && /[\p{L}\p{N}]/u.test(line.text))) return undefined;
  if (line.size >= LARGER * bodySize) return `size:${Math.round(line.size * 2) / 2}`;
  const allBold = line.runs.every((run) => run.bold || run.text.trim() === '' || run.sup);
  if (allBold && line.size >= 0.95 * bodySize && line.text.length <= MAX_BOLD_HEADING && !/[.,;:]$/u.test(line.text)) return 'bold';
  return undefined;
}

/** Heading levels 1–6 for the size classes used, largest first, bold body-size headings last. */
export function headingLevels(classes: Iterable<string>): Map<string, number> {
  const sizes = [...new Set(classes)].filter((c) => c.startsWith('size:')).map((c) => Number(c.slice(5)));
  sizes.sort((a, b) => b - a);
  const levels = new Map<string, number>();
  sizes.forEach((size, i) => levels.set(`size:${size}`, Math.min(6, i + 1)));
  levels.set('bold', Math.min(6, sizes.length + 1));
  return levels;
}

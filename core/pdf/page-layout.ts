import { readingOrder } from './columns.ts';
import { isRightToLeft } from './direction.ts';
import { buildRows } from './lines.ts';
import type { PageLayout, PdfPageText } from './model.ts';

/**
 * One page's lines in reading order: the layout analysis a page needs before the whole document is
 * seen. `before` is the last page laid out before it that has two columns, if any: the same
 * gutter is looked for on this page where its columns are too short to show one by themselves.
 */
export function layoutPage(page: PdfPageText, before?: PageLayout | null): PageLayout {
  const rtl = isRightToLeft(page.items);
  const previous = before && Math.abs(before.width - page.width) < 1 ? before.gutter : undefined;
  const read = readingOrder(buildRows(page.items), rtl, previous);
  // Paragraphs are told apart by where lines begin and end (an indent, a short last line); a line
  // set right to left begins at its right end, so such a page is measured from its right edge.
  const lines = rtl ? read.lines.map((line) => ({ ...line, x0: page.width - line.x1, x1: page.width - line.x0 })) : read.lines;
  const chars = lines.reduce((sum, line) => sum + line.text.replace(/\s/gu, '').length, 0);
  const layout: PageLayout = { width: page.width, height: page.height, lines, chars };
  if (read.gutter !== undefined) layout.gutter = read.gutter;
  return layout;
}

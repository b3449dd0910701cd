import { readingOrder } from './columns.ts';
import { isRightToLeft } from './direction.ts';
import { buildRows } from './lines.ts';
import type { PageLayout, PdfPageText } from './model.ts';

/** One page's lines in reading order: the layout analysis a page needs before the whole document is seen. */
export function layoutPage(page: PdfPageText): PageLayout {
  const rtl = isRightToLeft(page.items);
  const read = readingOrder(buildRows(page.items), rtl);
  // Paragraphs are told apart by where lines begin and end (an indent, a short last line); a line
  // set right to left begins at its right end, so such a page is measured from its right edge.
  const lines = rtl ? read.map((line) => ({ ...line, x0: page.width - line.x1, x1: page.width - line.x0 })) : read;
  const chars = lines.reduce((sum, line) => sum + line.text.replace(/\s/gu, '').length, 0);
  return { width: page.width, height: page.height, lines, chars };
}

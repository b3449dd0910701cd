import { readingOrder } from './columns.ts';
import { buildRows } from './lines.ts';
import type { PageLayout, PdfPageText } from './model.ts';

/** One page's lines in reading order: the layout analysis a page needs before the whole document is seen. */
export function layoutPage(page: PdfPageText): PageLayout {
  const lines = readingOrder(buildRows(page.items));
  const chars = lines.reduce((sum, line) => sum + line.text.replace(/\s/gu, '').length, 0);
  return { width: page.width, height: page.height, lines, chars };
}

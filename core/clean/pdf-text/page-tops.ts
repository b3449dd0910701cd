/**
 * Page tops marked by the extraction itself: the first line of each PDF page begins with a single
 * space. The title page may indent its block starts the same way, so a marker only counts when
 * the page it would close is of plausible length.
 */
import type { PdfBlock } from './block-kinds.ts';
import type { SourceLine } from './source-lines.ts';

// A page shorter than this share of the median distance between markers is not a page: on the
// title page a marker opens the abstract or the first heading, not a new sheet.
const MIN_PAGE_SHARE = 0.4;

/**
 * Returns the lines of text blocks that begin a new printed page. Distances are counted in
 * non-blank lines (notes included). The first line of the text never counts: it starts the first
 * page, which needs no break. With fewer than three candidate gaps every marker is believed.
 */
export function findPageTops(blocks: readonly PdfBlock[]): Set<SourceLine> {
  const candidates: { line: SourceLine; position: number }[] = [];
  let position = 0;
  for (const block of blocks) {
    for (const line of block.lines) {
      if (block.kind === 'text' && line.indent === 1) candidates.push({ line, position });
      position += 1;
    }
  }
  const gaps: number[] = [];
  let previous = 0;
  for (const { position: at } of candidates) {
    if (at > previous) gaps.push(at - previous);
    previous = at;
  }
  const minimum = gaps.length >= 3 ? MIN_PAGE_SHARE * median(gaps) : 1;
  const tops = new Set<SourceLine>();
  let lastTop = 0;
  for (const { line, position: at } of candidates) {
    if (at > 0 && at - lastTop >= minimum) {
      tops.add(line);
      lastTop = at;
    }
  }
  return tops;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

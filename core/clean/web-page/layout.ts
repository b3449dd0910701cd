import type { LineKind, PageLine } from './lines.ts';
import { wordCount } from './line-text.ts';

/**
 * Where the article stands on a copied page. Indices are `PageLine.index` values.
 *
 * A copied page reads: site header (links, date, logo, search, menus, breadcrumb) → headline →
 * article head (tickers, byline, part, date) → article text → page foot (share bar, neighbouring
 * posts, related lists, comments, footer). The article text runs from `firstProse` to `end`.
 */
export interface ArticleLayout {
  /** First line after the site header's last piece of furniture (menus, search, breadcrumb). */
  headerEnd: number;
  /** The headline, or null when none was found. */
  headline: number | null;
  /** First line after the headline: the article head starts here. */
  start: number;
  /** First sentence-like paragraph: the article text starts here. */
  firstProse: number;
  /** First line of the page foot (exclusive end of the article); the line count when none. */
  end: number;
}

// Furniture of a site header; the headline is the first title after the last of these.
const HEADER_KINDS: ReadonlySet<LineKind> = new Set([
  'stub',
  'share',
  'language',
  'site',
  'breadcrumb',
  'post-nav',
  'footer',
]);

// What ends the article text once it has begun.
const FOOT_KINDS: ReadonlySet<LineKind> = new Set([
  'share',
  'post-nav',
  'comment',
  'footer',
  'related-list',
]);

const MIN_HEADLINE_WORDS = 3;

function isHeaderFurniture(line: PageLine): boolean {
  return line.bullet || HEADER_KINDS.has(line.kind);
}

function isHeadlineCandidate(line: PageLine): boolean {
  if (line.bullet || line.inTicker || wordCount(line.text) < MIN_HEADLINE_WORDS) return false;
  return line.kind === 'text' || line.kind === 'teaser' || line.kind === 'prose';
}

function isArticleProse(line: PageLine | undefined): boolean {
  return line !== undefined && line.kind === 'prose' && !line.bullet && !line.inTicker;
}

// An article is a run of paragraphs; a lone sentence in a header (a site's motto) is not.
const PROSE_RUN_WINDOW = 3;

/** The first sentence-like paragraph followed closely by another; else the first at all. */
function findFirstProse(lines: readonly PageLine[]): number {
  const first = lines.findIndex(isArticleProse);
  if (first < 0) return lines.length;
  for (let i = first; i < lines.length; i += 1) {
    if (!isArticleProse(lines[i])) continue;
    for (let j = i + 1; j <= i + PROSE_RUN_WINDOW && j < lines.length; j += 1) {
      if (isArticleProse(lines[j])) return i;
    }
  }
  return first;
}

/** One past the last piece of header furniture before the article starts. */
function findHeaderEnd(lines: readonly PageLine[], anchor: number): number {
  let end = 0;
  for (let i = 0; i < anchor; i += 1) {
    const line = lines[i];
    if (line && isHeaderFurniture(line)) end = i + 1;
  }
  return end;
}

/**
 * The headline: the first title after the site header; failing that, the nearest title above the
 * article start. Searching forward first matters because tickers of other headlines often stand
 * between the headline and the byline.
 */
function findHeadline(
  lines: readonly PageLine[],
  headerEnd: number,
  anchor: number,
): number | null {
  for (let i = headerEnd; i < anchor; i += 1) {
    const line = lines[i];
    if (line && isHeadlineCandidate(line)) return i;
  }
  for (let i = anchor - 1; i >= 0; i -= 1) {
    const line = lines[i];
    if (line && isHeadlineCandidate(line)) return i;
  }
  return null;
}

/**
 * Locates headline, article head, article text and page foot among classified page lines. The
 * article starts at its byline when one precedes the first sentence-like paragraph, else at that
 * paragraph; it ends at the first share bar, post navigation, related list, comment form or footer
 * line *after* its first paragraph (such lines above the text belong to the header).
 */
export function locateArticle(lines: readonly PageLine[]): ArticleLayout {
  const firstProse = findFirstProse(lines);
  let anchor = firstProse;
  for (let i = firstProse - 1; i >= 0; i -= 1) {
    if (lines[i]?.kind === 'byline') {
      anchor = i;
      break;
    }
  }
  const furnitureEnd = findHeaderEnd(lines, anchor);
  const headline = findHeadline(lines, furnitureEnd, anchor);
  const headerEnd = headline === null ? furnitureEnd : Math.min(furnitureEnd, headline);
  const start = headline === null ? anchor : headline + 1;
  let end = lines.length;
  for (let i = firstProse + 1; i < lines.length; i += 1) {
    const line = lines[i];
    if (line && FOOT_KINDS.has(line.kind)) {
      end = i;
      break;
    }
  }
  return { headerEnd, headline, start, firstProse, end };
}

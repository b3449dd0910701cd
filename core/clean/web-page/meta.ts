import type { CslDate, CslItem, CslName } from '../../corpus/model.ts';
import { parseByline, parsePartLabel } from './byline.ts';
import { parseDateLine } from './dates.ts';
import { toPlainText } from './inline.ts';
import type { ArticleLayout } from './layout.ts';
import { breadcrumbCategory } from './lines.ts';
import type { PageLine } from './lines.ts';
import { isDomainName } from './line-text.ts';

/** What a copied page says about the article it carries. Absent fields were not found. */
export interface PageFacts {
  /** The headline, with the article text's typography. */
  title?: string;
  authors?: CslName[];
  /** Part number of a series ("1" for "Part One"). */
  part?: string;
  /** The site's name as it writes it ("Memorie.al"). */
  site?: string;
  /** The site section the breadcrumb names ("Dossier"). */
  category?: string;
  /** A date printed with the article: after the site header, before the article text. */
  issued?: CslDate;
  /**
   * A date inside the site header (among its links and menus): such sites print the current day
   * there, so it is the day the page was copied, not the day the article appeared.
   */
  accessed?: CslDate;
  /** A series notice at the end of the article ("To be continued in the next issue"). */
  continuation?: string;
}

// "Memorie.al / The following…": a site name or domain before a slash opens the first paragraph.
const DATELINE = /^(.{1,40}?)\s*\/\s+(?=\S)/u;
// "© Memorie.al 2024 • …", "© 2024 Example News. All rights reserved.", "Copyright 2025 X".
const COPYRIGHT_HOLDER = new RegExp(
  [
    String.raw`(?:©|\(c\)|copyright)\s*©?\s*`, // the sign
    String.raw`(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?`, // a year or range before the name
    String.raw`(.+?)\s*(?:\d{4}\b|[•|–—,]|\.\s|\.$|$)`, // the name, up to a year or separator
  ].join(''),
  'iu',
);

function mostFrequent(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) {
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/** The site's name: its logo line, else its copyright holder, else a domain in the dateline. */
function findSite(lines: readonly PageLine[], layout: ArticleLayout): string | undefined {
  const logos = lines.filter((l) => l.kind === 'site' && !l.bullet);
  const logo = mostFrequent(logos.map((l) => l.text));
  if (logo) return logo;
  for (const line of lines) {
    if (line.kind !== 'footer') continue;
    const holder = COPYRIGHT_HOLDER.exec(line.text)?.[1]?.trim();
    if (holder) return holder;
  }
  const prefix = DATELINE.exec(lines[layout.firstProse]?.text ?? '')?.[1]?.trim();
  return prefix && isDomainName(prefix) ? prefix : undefined;
}

/** The text a site dateline opens a paragraph with ("Memorie.al / "), or null. */
export function datelinePrefix(text: string, site: string | undefined): string | null {
  const match = DATELINE.exec(text);
  const name = match?.[1]?.trim();
  if (!match || !name) return null;
  const isSite = site !== undefined && name.toLowerCase() === site.toLowerCase();
  return isSite || isDomainName(name) ? match[0] : null;
}

function linesIn(lines: readonly PageLine[], from: number, to: number): PageLine[] {
  return lines.slice(Math.max(from, 0), Math.max(to, 0));
}

/**
 * Collects the metadata a page states: headline, byline, part and article date from the article
 * head (between headline and text), site name, section and header date from the site header, and
 * a series notice from the article's end.
 */
export function readPageFacts(lines: readonly PageLine[], layout: ArticleLayout): PageFacts {
  const facts: PageFacts = {};
  const header = linesIn(lines, 0, layout.headerEnd);
  const head = linesIn(lines, layout.start, layout.firstProse);
  const articleHead = linesIn(lines, layout.headerEnd, layout.firstProse).filter(
    (l) => l.index !== layout.headline,
  );
  const headline = layout.headline === null ? undefined : lines[layout.headline];
  if (headline) facts.title = toPlainText(headline.text);
  const byline = head.find((l) => l.kind === 'byline');
  const authors = byline ? parseByline(byline.text) : null;
  if (authors) facts.authors = authors;
  const beforeText = linesIn(lines, 0, layout.firstProse);
  const partLine = beforeText.find((l) => l.kind === 'part' && !l.bullet);
  const part = partLine ? parsePartLabel(partLine.text) : null;
  if (part) facts.part = part;
  const site = findSite(lines, layout);
  if (site) facts.site = site;
  const crumbs = linesIn(lines, 0, layout.start).filter(
    (l) => l.kind === 'breadcrumb' && !l.bullet,
  );
  const category = crumbs.map((l) => breadcrumbCategory(l.text)).findLast((c) => !!c);
  if (category) facts.category = category;
  const issuedLine = articleHead.find((l) => l.kind === 'date' && !l.bullet);
  const issued = issuedLine ? parseDateLine(issuedLine.text) : null;
  if (issued) facts.issued = issued;
  const accessedLine = header.find((l) => l.kind === 'date' && !l.bullet);
  const accessed = accessedLine ? parseDateLine(accessedLine.text) : null;
  if (accessed) facts.accessed = accessed;
  const article = linesIn(lines, layout.firstProse, layout.end);
  const notice = article.find((l) => l.kind === 'continuation');
  if (notice) facts.continuation = toPlainText(notice.text);
  return facts;
}

/**
 * The facts as CSL variables: `title`, `author`, `part`, `container-title` (the site), `issued`,
 * `accessed`, `keyword` (the site section: CSL prints no keyword, so a section never leaks into a
 * citation) and `note` (the series notice, which belongs to the record, not to the text).
 */
export function factsToCsl(facts: PageFacts): Partial<CslItem> {
  const found: Partial<CslItem> = {};
  if (facts.title) found.title = facts.title;
  if (facts.authors) found.author = facts.authors;
  if (facts.part) found.part = facts.part;
  if (facts.site) found['container-title'] = facts.site;
  if (facts.issued) found.issued = facts.issued;
  if (facts.accessed) found.accessed = facts.accessed;
  if (facts.category) found.keyword = facts.category;
  if (facts.continuation) found.note = facts.continuation;
  return found;
}

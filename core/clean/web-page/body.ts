import type { Block, BlockType } from '../../corpus/model.ts';
import { toTextRuns } from './inline.ts';
import type { ArticleLayout } from './layout.ts';
import { isStandaloneTeaser, looksLikeProse } from './lines.ts';
import type { LineKind, PageLine } from './lines.ts';
import { datelinePrefix } from './meta.ts';
import {
  endsSentence,
  foldLine,
  isDomainName,
  startsCapitalized,
  wordCount,
} from './line-text.ts';

/** A line kept for the article, before its text becomes runs. */
interface Draft {
  type: BlockType;
  level?: number;
  text: string;
  line: PageLine;
}

// Lines that are never article text, wherever they stand between headline and page foot.
const FURNITURE: ReadonlySet<LineKind> = new Set([
  'stub',
  'share',
  'post-nav',
  'comment',
  'footer',
  'related-list',
  'continuation',
  'language',
  'site',
]);

// Lines of the article head that carry metadata (read by meta.ts) or other articles.
const HEAD_ONLY: ReadonlySet<LineKind> = new Set([
  'byline',
  'part',
  'date',
  'breadcrumb',
  'teaser',
]);

// A "read also" insertion lists a few headlines; more than this and it is no insertion.
const MAX_INSERTED_HEADLINES = 6;
const MAX_HEADING_WORDS = 25;
const MAX_HEADING_LENGTH = 200;

/**
 * Whether a line after a "read also" header is one of its headlines (or their dates). A header
 * that carries its headline ("Read also: …") is followed only by headline-shaped teasers; a bare
 * header also by plain title lines.
 */
function isInsertedHeadline(line: PageLine, bareHeader: boolean): boolean {
  if (line.kind === 'teaser' || line.kind === 'date') return true;
  return bareHeader && line.kind === 'text' && !line.bullet && !endsSentence(line.text);
}

/** Bullet items of menus repeat outside the article; those inside it are menus too. */
function menuItems(lines: readonly PageLine[], layout: ArticleLayout): Set<string> {
  const items = new Set<string>();
  for (const line of lines) {
    const outside = line.index < layout.start || line.index >= layout.end;
    if (line.bullet && outside) items.add(foldLine(line.text));
  }
  return items;
}

/** Drafts the article's blocks from headline to page foot, leaving out everything else. */
function draftBlocks(lines: readonly PageLine[], layout: ArticleLayout): Draft[] {
  const menus = menuItems(lines, layout);
  const drafts: Draft[] = [];
  for (let i = layout.start; i < layout.end; i += 1) {
    const line = lines[i];
    if (!line || line.inTicker || FURNITURE.has(line.kind) || isStandaloneTeaser(line)) continue;
    if (i < layout.firstProse && HEAD_ONLY.has(line.kind)) continue;
    if (line.kind === 'related-inline') {
      const bareHeader = !/:\s*\S/u.test(line.text);
      let skipped = 0;
      while (skipped < MAX_INSERTED_HEADLINES && i + 1 < layout.end) {
        const next = lines[i + 1];
        if (!next || !isInsertedHeadline(next, bareHeader)) break;
        i += 1;
        skipped += 1;
      }
      continue;
    }
    if (line.bullet) {
      if (!menus.has(foldLine(line.text))) drafts.push({ type: 'item', text: line.text, line });
    } else if (line.quoted) {
      drafts.push({ type: 'quote', text: line.text, line });
    } else if (line.headingLevel > 0) {
      drafts.push({ type: 'heading', level: line.headingLevel, text: line.text, line });
    } else {
      drafts.push({ type: 'paragraph', text: line.text, line });
    }
  }
  return drafts;
}

function isTitleShaped(text: string): boolean {
  const words = wordCount(text);
  return (
    words >= 2 &&
    words <= MAX_HEADING_WORDS &&
    text.length <= MAX_HEADING_LENGTH &&
    startsCapitalized(text) &&
    !/^[“"„«‘']/u.test(text) &&
    !/[\p{P}]$/u.test(text.replace(/[)\]]$/u, ''))
  );
}

/**
 * A browser's copy loses heading markup, so a heading is recognised by its shape: a paragraph of
 * its own, title-like (capitalised, short, no final punctuation), followed by running prose.
 */
function markHeadings(drafts: Draft[]): void {
  drafts.forEach((draft, i) => {
    const next = drafts[i + 1];
    if (draft.type !== 'paragraph' || draft.line.groupSize !== 1 || !next) return;
    if (next.type !== 'paragraph' || !looksLikeProse(next.text)) return;
    if (!isTitleShaped(draft.text)) return;
    draft.type = 'heading';
    draft.level = 2;
  });
}

/**
 * Takes off the site dateline that opens the article ("Memorie.al / The following…") and the
 * sign-off that closes it ("… compiling it. / Memorie.al"); the site name goes to the metadata.
 */
function stripSiteMarks(drafts: Draft[], layout: ArticleLayout, site: string | undefined): void {
  const first = drafts.find((d) => d.type === 'paragraph' && d.line.index >= layout.firstProse);
  const prefix = first ? datelinePrefix(first.text, site) : null;
  if (first && prefix) first.text = first.text.slice(prefix.length);
  const last = drafts.findLast((d) => d.type === 'paragraph');
  const signOff = last ? /\s*\/\s*([^/\s][^/]{0,39}?)\.?\s*$/u.exec(last.text) : null;
  const name = signOff?.[1]?.trim() ?? '';
  const isSite =
    (site !== undefined && name.toLowerCase() === site.toLowerCase()) || isDomainName(name);
  if (last && signOff && isSite && signOff.index > 0) last.text = last.text.slice(0, signOff.index);
}

/**
 * The article's blocks: paragraphs, headings, quotes and list items between headline and page
 * foot, with the article head's metadata lines, tickers, "read also" insertions, menus and the
 * series notice left out, and site dateline and sign-off taken off. Block ids are left empty.
 *
 * An editorial introduction stays as the paragraphs before the article's first heading: the page
 * sets it apart only by that heading, and a block quote would make it read as quoted matter.
 */
export function articleBlocks(
  lines: readonly PageLine[],
  layout: ArticleLayout,
  site: string | undefined,
): Block[] {
  const drafts = draftBlocks(lines, layout);
  // Site marks first: a sign-off hides the full stop that makes the last paragraph read as prose.
  stripSiteMarks(drafts, layout, site);
  markHeadings(drafts);
  return drafts
    .map((draft): Block => {
      const block: Block = { type: draft.type, id: '', content: toTextRuns(draft.text) };
      if (draft.type === 'heading') block.level = draft.level ?? 2;
      return block;
    })
    .filter((block) => block.content.length > 0);
}

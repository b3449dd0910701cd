import { parseByline, parsePartLabel } from './byline.ts';
import { parseDateLine } from './dates.ts';
import { BREADCRUMB_ROOTS, LANGUAGE_NAMES } from './lexicon-labels.ts';
import {
  COMMENT_FORM,
  CONTINUATION_PHRASES,
  COOKIE_NOTICES,
  FOOTER_LABELS,
  POST_NAVIGATION,
  RELATED_INLINE,
  RELATED_LISTS,
  RIGHTS_PHRASES,
  SEARCH_STUBS,
  SHARE_FILLERS,
  SHARE_WORDS,
} from './lexicon.ts';
import { isSlashTeaser, isTeaser, isTicker } from './teaser.ts';
import {
  endsSentence,
  escapeRegExp,
  foldLine,
  isDomainName,
  normalizeLine,
  wordCount,
} from './line-text.ts';

/**
 * What a line of copied web-page text is. Furniture kinds (`stub` … `site`) are never article
 * text; `byline`, `part`, `date` and `breadcrumb` carry metadata; `prose` is a sentence-like
 * paragraph; `text` is anything else (headlines, headings, short paragraphs).
 */
export type LineKind =
  | 'stub'
  | 'share'
  | 'post-nav'
  | 'comment'
  | 'footer'
  | 'related-inline'
  | 'related-list'
  | 'continuation'
  | 'language'
  | 'site'
  | 'breadcrumb'
  | 'date'
  | 'byline'
  | 'part'
  | 'teaser'
  | 'prose'
  | 'text';

/** One non-blank line of the page, with what the cleaner needs to know about it. */
export interface PageLine {
  /** Position among the non-blank lines of the page. */
  index: number;
  /** The normalised text, without a list bullet or a Markdown quote or heading marker. */
  text: string;
  kind: LineKind;
  /** The line was a bulleted list item (menus, link lists, real lists). */
  bullet: boolean;
  /** The line was marked as quoted (`> `), as Markdown-aware copies mark block quotes. */
  quoted: boolean;
  /** Markdown heading level (`## …`), 0 when none. */
  headingLevel: number;
  /** Consecutive lines with no blank line between them share a group. */
  group: number;
  /** Number of lines in this line's group. */
  groupSize: number;
  /** The group is a ticker or card list of other articles' headlines. */
  inTicker: boolean;
}

// Typographic bullets mark a list wherever they stand; ASCII ones only when indented, because a
// line may well begin with a hyphen or an asterisk in running text.
const TYPOGRAPHIC_BULLET = /^[•◦▪▫‣●○■□·]\s+/u;
const INDENTED_ASCII_BULLET = /^[ \t\u00A0]+[-*+][ \t\u00A0]+\S/u;
const ANY_BULLET = /^[•◦▪▫‣●○■□·*+-]\s+/u;
const MIN_PROSE_WORDS = 8;
// A line this long is prose even without a final full stop (sites drop them often).
const LONG_PROSE_WORDS = 40;
const MAX_LABEL_WORDS = 8;
const MAX_CATEGORY_WORDS = 3;
const MAX_CRUMBS = 4;

function matchesPhrase(folded: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => folded === phrase || folded.startsWith(`${phrase}:`));
}

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

// Share words run together in a copy ("ShareTweetPinSend…"), so the bar is matched as a whole.
const SHARE_BAR = new RegExp(
  `^(?:(?:${alternation([...SHARE_WORDS, ...SHARE_FILLERS])})[\\s\\d|•·/,]*)+$`,
  'u',
);
const SHARE_WORD = new RegExp(alternation(SHARE_WORDS), 'u');

/** A share bar: share words only, in any spacing, at least one of them a real share word. */
function isShareBar(folded: string): boolean {
  return SHARE_BAR.test(folded) && SHARE_WORD.test(folded);
}

function isLanguageSwitch(folded: string): boolean {
  const names = folded.split(/\s*[|/•·,]\s*|\s+/).filter((name) => name !== '');
  return names.length > 0 && names.length <= 6 && names.every((name) => LANGUAGE_NAMES.has(name));
}

// A copyright sign or rights phrase inside a long paragraph may be quoted or discussed; a footer
// line or consent banner is short.
const MAX_NOTICE_WORDS = 60;

function isFooter(text: string, folded: string): boolean {
  if (FOOTER_LABELS.has(folded)) return true;
  if (/^(?:©|\(c\)|copyright\b)/iu.test(text)) return true;
  // Albanian sites print their tax number (NIPT) in the footer.
  if (/^nipt\b/iu.test(text)) return true;
  if (wordCount(text) > MAX_NOTICE_WORDS) return false;
  return text.includes('©') || RIGHTS_PHRASES.some((phrase) => folded.includes(phrase));
}

function isCookieNotice(folded: string): boolean {
  if (wordCount(folded) > MAX_NOTICE_WORDS) return false;
  return COOKIE_NOTICES.some((phrase) => folded.includes(phrase));
}

function isContinuation(folded: string): boolean {
  if (wordCount(folded) > MAX_LABEL_WORDS) return false;
  // A one-word notice ("Vijon") must stand alone: the same word also begins ordinary sentences.
  return CONTINUATION_PHRASES.some(
    (p) => folded === p || (p.includes(' ') && folded.startsWith(`${p} `)),
  );
}

/** The site category a breadcrumb trail ends in ("Home Dossier" → "Dossier"), or null. */
export function breadcrumbCategory(text: string): string | null {
  const folded = foldLine(text);
  const root = BREADCRUMB_ROOTS.find((r) => folded === r || folded.startsWith(`${r} `));
  if (!root || endsSentence(text)) return null;
  const rest = text
    .trim()
    .replace(/^[\p{P}\p{S}\s]+/u, '')
    .slice(root.length);
  const crumbs = rest
    .split(/\s*[›»>/|]\s*/u)
    .map((crumb) => crumb.trim())
    .filter((crumb) => crumb !== '');
  // Without separators a trail is the root and one short category name.
  if (crumbs.length === 1 && wordCount(crumbs[0] ?? '') > MAX_CATEGORY_WORDS) return null;
  if (crumbs.length > MAX_CRUMBS) return null;
  return crumbs.at(-1) ?? '';
}

/** Classifies one normalised line by what it says; position on the page is judged elsewhere. */
export function classifyLine(text: string): LineKind {
  const folded = foldLine(text);
  if (folded === '' || SEARCH_STUBS.has(folded) || isCookieNotice(folded)) return 'stub';
  if (isShareBar(folded)) return 'share';
  if (POST_NAVIGATION.has(folded)) return 'post-nav';
  if (COMMENT_FORM.has(folded) || /^\d+ comments?$/.test(folded)) return 'comment';
  if (isFooter(text, folded)) return 'footer';
  if (matchesPhrase(folded, RELATED_INLINE)) return 'related-inline';
  if (RELATED_LISTS.has(folded)) return 'related-list';
  if (isContinuation(folded)) return 'continuation';
  if (isLanguageSwitch(folded)) return 'language';
  if (isDomainName(text)) return 'site';
  if (breadcrumbCategory(text) !== null) return 'breadcrumb';
  if (parseDateLine(text)) return 'date';
  if (parseByline(text)) return 'byline';
  if (parsePartLabel(text)) return 'part';
  if (isTeaser(text)) return 'teaser';
  return looksLikeProse(text) ? 'prose' : 'text';
}

/** Whether text reads as running prose: a sentence of some length, or a long run of words. */
export function looksLikeProse(text: string): boolean {
  const words = wordCount(text);
  return (words >= MIN_PROSE_WORDS && endsSentence(text)) || words >= LONG_PROSE_WORDS;
}

/** Whether a slash-shaped teaser may be dropped even where it stands alone. */
export function isStandaloneTeaser(line: PageLine): boolean {
  return line.kind === 'teaser' && isSlashTeaser(line.text);
}

/**
 * Splits raw page text into its non-blank lines, normalised and classified, with the blank-line
 * groups they stand in. Bullets, `> ` quote markers and `#` heading markers are taken off the text
 * and recorded as flags.
 */
export function readPageLines(raw: string): PageLine[] {
  const lines: PageLine[] = [];
  let group = 0;
  let groupStart = 0;
  const closeGroup = (): void => {
    const members = lines.slice(groupStart);
    const ticker = isTicker(members.map((line) => line.text));
    for (const line of members) {
      line.groupSize = members.length;
      line.inTicker = ticker;
    }
    groupStart = lines.length;
    group += 1;
  };
  for (const rawLine of raw.replace(/\r\n?/g, '\n').split('\n')) {
    let text = normalizeLine(rawLine);
    if (text === '') {
      if (lines.length > groupStart) closeGroup();
      continue;
    }
    const bullet = TYPOGRAPHIC_BULLET.test(text) || INDENTED_ASCII_BULLET.test(rawLine);
    if (bullet) text = text.replace(ANY_BULLET, '');
    const quoted = /^>\s?/.test(text);
    if (quoted) text = text.replace(/^>\s?/, '');
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading) text = heading[2] ?? '';
    lines.push({
      index: lines.length,
      text,
      kind: classifyLine(text),
      bullet,
      quoted,
      headingLevel: heading?.[1]?.length ?? 0,
      group,
      groupSize: 1,
      inTicker: false,
    });
  }
  if (lines.length > groupStart) closeGroup();
  return lines;
}

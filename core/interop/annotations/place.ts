/**
 * Placing another tool's annotation in one of our sources, with our own anchoring: the quote and
 * its context go through `anchor` of core/annotate as a highlight of ours would, first as given,
 * then with white space and typographic forms folded on both sides (other tools extract text
 * differently: line breaks, straight quotes, hyphens). The page a PDF annotation names narrows the
 * search to that page; a position is only a hint. A quote recorded without context (Zotero keeps
 * none) is found by its words on its page, nearest the hint. What cannot be placed is kept as an
 * orphan, its words intact, for the historian to re-attach.
 */
import search from 'approx-string-match';
import { anchor } from '../../annotate/anchor.ts';
import type { AnchorResult } from '../../annotate/anchor.ts';
import { CONTEXT_LENGTH, quoteAt } from '../../annotate/describe.ts';
import { MAX_CONTEXT_LENGTH } from '../../annotate/limits.ts';
import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from '../../annotate/model.ts';
import { fold, foldedOffset, foldText, originalRange } from './folded-text.ts';
import type { FoldedText } from './folded-text.ts';
import type { PageSpan } from './page-spans.ts';
import { utf16Offset } from './page-spans.ts';

/** What is known about where the annotation is. */
export interface PlaceRequest {
  /** The source's reading text. */
  text: string;
  /** Its printed pages (`pageSpans`); empty for an unpaginated source. */
  pages: readonly PageSpan[];
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points from the start of the text, as the other tool counted them. */
  position: { start: number; end: number } | null;
  pageLabel: string | null;
  /** Characters from the start of the page, as the other tool counted them. */
  pageOffset: number | null;
}

/** Where the annotation goes, in our selectors, and how sure that is. */
export interface Placement {
  /**
   * `anchored`: our text there is the quote, give or take white space and typographic forms (the
   * quote saved is then our text's, so that later re-anchoring finds it verbatim); `moved`: the
   * closest approximate match, the other tool's quote kept as it was; `orphaned`: not found.
   */
  status: AnchorStatus;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

// A quote without context is accepted approximately only when long enough to be telling, and
// close enough: a fifth of its characters may differ (extraction slips, not rewording).
const MIN_FUZZY_LENGTH = 12;
const MAX_FUZZY_ERROR_RATE = 0.2;

/** Places one quote in `request.text`; never throws. */
export function placeQuote(request: PlaceRequest): Placement {
  const { text, quote } = request;
  const page = request.pageLabel === null ? undefined : request.pages.find((p) => p.label === request.pageLabel);
  // A passage may run over onto the next page: the window reaches past the page's end.
  const from = page ? page.start : 0;
  const to = page ? Math.min(text.length, page.end + quote.exact.length + CONTEXT_LENGTH) : text.length;
  const hint = hintOf(request, page);
  const window = text.slice(from, to);
  const local = hint === null ? null : Math.min(Math.max(0, hint - from), window.length);
  const hasContext = quote.prefix.trim() !== '' || quote.suffix.trim() !== '';
  const found = hasContext ? withContext(window, quote, local) : withoutContext(window, quote.exact, local);
  if (found) {
    const start = from + found.start;
    const end = from + found.end;
    if (found.status === 'anchored') return { status: 'anchored', quote: quoteAt(text, start, end), position: { start, end } };
    return { status: 'moved', quote: keptQuote(quote), position: { start, end } };
  }
  const at = Math.min(Math.max(0, hint ?? from), Math.max(0, text.length - 1));
  return { status: 'orphaned', quote: keptQuote(quote), position: { start: at, end: Math.min(text.length, at + Math.max(1, quote.exact.length)) } };
}

// The other tool's quote as saved: its context, only a hint for anchoring, cut to what a project
// keeps (the words nearest the quote), never splitting a surrogate pair.
function keptQuote(quote: PlaceRequest['quote']): TextQuoteSelector {
  let prefix = quote.prefix.slice(-MAX_CONTEXT_LENGTH);
  if (prefix.length < quote.prefix.length && /^[\uDC00-\uDFFF]/.test(prefix)) prefix = prefix.slice(1);
  let suffix = quote.suffix.slice(0, MAX_CONTEXT_LENGTH);
  if (suffix.length < quote.suffix.length && /[\uD800-\uDBFF]$/.test(suffix)) suffix = suffix.slice(0, -1);
  return { exact: quote.exact, prefix, suffix };
}

function hintOf(request: PlaceRequest, page: PageSpan | undefined): number | null {
  if (page && request.pageOffset !== null) return page.start + Math.max(0, request.pageOffset);
  if (request.position) return utf16Offset(request.text, request.position.start);
  return page ? page.start : null;
}

type Found = { status: 'anchored' | 'moved'; start: number; end: number };

function withContext(window: string, quote: PlaceRequest['quote'], hint: number | null): Found | null {
  const at = hint ?? 0;
  const direct = anchor(window, { quote, position: { start: at, end: at + quote.exact.length } });
  if (direct.status === 'anchored') return direct;
  const folded = foldText(window);
  const foldedQuote = { exact: fold(quote.exact), prefix: fold(quote.prefix), suffix: fold(quote.suffix) };
  const foldedAt = foldedOffset(folded, at);
  const loose = foldedQuote.exact.trim() === '' ? ({ status: 'orphaned' } as AnchorResult) : anchor(folded.text, { quote: foldedQuote, position: { start: foldedAt, end: foldedAt + foldedQuote.exact.length } });
  if (loose.status === 'anchored') return { status: 'anchored', ...originalRange(folded, loose.start, loose.end) };
  if (direct.status === 'moved') return direct;
  if (loose.status === 'moved') return { status: 'moved', ...originalRange(folded, loose.start, loose.end) };
  return null;
}

function withoutContext(window: string, exact: string, hint: number | null): Found | null {
  const verbatim = nearest(occurrences(window, exact), hint);
  if (verbatim !== undefined) return { status: 'anchored', start: verbatim, end: verbatim + exact.length };
  const folded = foldText(window);
  const needle = fold(exact).trim();
  if (needle === '') return null;
  const foldedHint = hint === null ? null : foldedOffset(folded, hint);
  const loose = nearest(occurrences(folded.text, needle), foldedHint);
  if (loose !== undefined) return { status: 'anchored', ...originalRange(folded, loose, loose + needle.length) };
  return approximate(folded, needle, foldedHint);
}

function approximate(folded: FoldedText, needle: string, hint: number | null): Found | null {
  if (needle.length < MIN_FUZZY_LENGTH) return null;
  const matches = search(folded.text, needle, Math.floor(needle.length * MAX_FUZZY_ERROR_RATE));
  if (matches.length === 0) return null;
  const fewest = Math.min(...matches.map((m) => m.errors));
  const best = matches
    .filter((m) => m.errors === fewest && m.end > m.start)
    .sort((a, b) => distance(a.start, hint) - distance(b.start, hint))[0];
  return best ? { status: 'moved', ...originalRange(folded, best.start, best.end) } : null;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function nearest(starts: readonly number[], hint: number | null): number | undefined {
  return [...starts].sort((a, b) => distance(a, hint) - distance(b, hint))[0];
}

function distance(start: number, hint: number | null): number {
  return hint === null ? start : Math.abs(start - hint);
}

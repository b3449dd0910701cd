import { Readability } from '@mozilla/readability';
import type { CleanedBody, Cleaner } from '../../../core/clean/cleaned-body.ts';
import type { HtmlCut, PageText } from '../../../core/clean/html-stream/html-stream.ts';
import { type StreamedArticle, readArticleStream } from './article-stream.ts';
import { articleTitle } from './article-title.ts';
import { htmlBlocks } from './html-blocks.ts';
import { HTML_NESTING_CAP } from './html-depth.ts';
import { type DomDocument, type DomElement, type DomNode, parseHtmlDocument } from './html-dom.ts';
import { type ArticleFacts, type PageFacts, htmlMetadata, readPageFacts } from './html-meta.ts';
import { calledNotes } from './html-notes.ts';
import { WORD_LIST_CLASSES } from '../../../core/clean/html-stream/word-list.ts';
import { reducePage } from './html-reduce.ts';

/**
 * Pages longer than this (in characters, about bytes) are cleaned as a stream (`article-stream.ts`),
 * shorter ones with a DOM and Readability itself: 48 KB. Both find the same article by the same
 * rules, but a DOM and Readability take tens of times the markup they are given, even reduced to
 * what they read (`reducePage`: an encyclopedia article of 1 MB took 87 MB), where the stream takes
 * the page, its blocks and a few tens of bytes per element (the same article, 37 MB with the
 * import's fixed cost of 29 MB; bench/import.ts). Below this size a DOM costs a few MB at most, and
 * Readability itself also reads the page's JSON-LD for its metadata.
 */
export const LARGE_PAGE_CHARS = 48 * 1024;

/** How a page is cleaned. */
export interface HtmlCleanOptions {
  /** Clean pages longer than this as a stream (see `LARGE_PAGE_CHARS`, the default). */
  largePageChars?: number;
  /** How far cleaning a page read as a stream has come, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/**
 * A cleaned page and the page as it is kept in `corpus/raw/`: the cuts that make that copy from the
 * page, so that it is written from the file itself rather than held beside it.
 */
export interface CleanedPage {
  body: CleanedBody;
  /** The cuts that make the page's sanitized copy from the page, in order. */
  cuts: HtmlCut[];
}

/**
 * Cleans a saved web page (raw form `html`). One streaming pass writes the page again with only what
 * the cleaning reads (`reducePage`: no active content, comments, unread attributes or empty
 * wrappers) and gives the cuts of its sanitized copy; the result is parsed by linkedom (which runs
 * no script); its head's metadata is read; its article is found by Mozilla Readability (the
 * reader view of Firefox) and becomes blocks. If Readability finds no article, the whole body is
 * used, so no text is lost. A page nested deeper than `HTML_NESTING_CAP` levels is flattened below
 * that depth, and then its whole body is kept: Readability's choice of the article cannot be
 * trusted on such a layout, and it could drop text. A page longer than `largePageChars` is not
 * parsed into a DOM: its article is found as the page streams past, by Readability's rules
 * (`readArticleStream`), and a page of it nested deeper than the cap keeps its whole text with its
 * structure. The page is a string, or its text given a piece at a time (`PageText`), which a long
 * page never needs to be made into one string. Never throws on odd HTML; a page without text yields
 * no blocks. No notes; block ids are empty.
 */
export function cleanHtmlPage(raw: string | PageText, options: HtmlCleanOptions = {}): CleanedPage {
  const limit = options.largePageChars ?? LARGE_PAGE_CHARS;
  const stream = { maxDepth: HTML_NESTING_CAP, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  if (raw.length > limit) return streamedPage(readArticleStream(raw, stream));
  const text = typeof raw === 'string' ? raw : raw.whole();
  // linkedom makes a page's first element its root: a page that leaves out its `html` or `body` tag,
  // as HTML allows (a saved fragment, a hand-written page), gets no body, and no text would be
  // found in it. The stream reads such a page whole, as a body would hold it.
  return cleanParsedPage(text) ?? streamedPage(readArticleStream(text, stream));
}

// The page has no body as linkedom reads it (see `cleanHtmlPage`).
const NO_BODY = 'no-body';

/** Whether linkedom reads the page as a document with a body: its root is `html` holding a `body`, or a `body`. */
function hasBody(document: DomDocument): boolean {
  // A page of text without a tag has no root at all.
  const root = (document.documentElement as DomElement | null)?.tagName.toLowerCase();
  return root === 'body' || (root === 'html' && bodyOf(document) !== undefined);
}

// The page cleaned with a DOM; undefined when linkedom gives it no body.
function cleanParsedPage(raw: string): CleanedPage | undefined {
  // The DOM is built from the page reduced to what the cleaning reads, not from the page itself,
  // first without the furniture Readability's first attempt removes (see `reducePage`).
  const reduced = reducePage(raw, { cap: HTML_NESTING_CAP, strip: true });
  const { cuts } = reduced;
  let flattened = reduced.flattened;
  let article = flattened && reduced.stripped ? undefined : articleOf(reduced.html, !flattened, reduced.stripped);
  if (article === undefined) {
    // Readability needed more than its first attempt, or found nothing: the whole page is read.
    const whole = reducePage(raw, { cap: HTML_NESTING_CAP, strip: false });
    flattened = whole.flattened;
    article = articleOf(whole.html, !flattened, false);
  }
  if (article === undefined || article === NO_BODY) return undefined;
  const { root } = article;
  // The notes the article calls and Readability left out (see `calledNotes`), read from the whole page.
  const notes = root ? calledNotes(root, () => parseHtmlDocument(reducePage(raw, { cap: HTML_NESTING_CAP, strip: false }).html)) : [];
  const blocks = root ? [...htmlBlocks(root), ...notes.flatMap((note) => htmlBlocks(note))] : [];
  const found = htmlMetadata(article.page, article.facts);
  return {
    body: { blocks, notes: [], ...(Object.keys(found).length > 0 ? { found } : {}), ...(flattened ? { caveats: [deepNotice()] } : {}) },
    cuts,
  };
}

interface Article {
  /** The article's root, or the page's body when Readability is not run or finds no article. */
  root: DomNode | undefined;
  page: PageFacts;
  facts: ArticleFacts | null;
}

/**
 * The reduced page parsed, its head read, and its article found by Readability when `readable`.
 * Undefined, for a page `stripped` of its furniture, when Readability's first attempt did not find
 * the article there: what Readability does next needs the whole page. `NO_BODY` when linkedom
 * reads the page without a body.
 */
function articleOf(html: string, readable: boolean, stripped: boolean): Article | typeof NO_BODY | undefined {
  const document = parseHtmlDocument(html);
  if (!hasBody(document)) return NO_BODY;
  const page = readPageFacts(document);
  if (!readable) return { root: bodyOf(document), page, facts: null };
  const parsed = runReadability(document);
  if (stripped && (parsed === null || parsed === 'failed' || !parsed.firstAttempt)) return undefined;
  // When Readability fails midway, the page is read again as it was.
  if (parsed === 'failed') return { root: bodyOf(parseHtmlDocument(html)), page, facts: null };
  // Readability gives the page back as it found it when it finds no article.
  return { root: parsed?.content ?? bodyOf(document), page, facts: parsed?.facts ?? null };
}

/** The cleaned body of a saved web page (see `cleanHtmlPage`). */
export function cleanHtml(raw: string): CleanedBody {
  return cleanHtmlPage(raw).body;
}

/** `cleanHtml` as a corpus-build `Cleaner`: the HTML form takes no options. */
export const htmlCleaner: Cleaner = (raw) => cleanHtml(raw);

// A page cleaned as a stream: its metadata from its head, with the title and byline Readability would read.
function streamedPage(article: StreamedArticle): CleanedPage {
  const deep = article.depth > HTML_NESTING_CAP;
  const found = htmlMetadata(article.head, deep ? null : { title: articleTitle(article.head), ...(article.byline ? { byline: article.byline } : {}) });
  return {
    body: {
      blocks: article.blocks,
      notes: [],
      ...(Object.keys(found).length > 0 ? { found } : {}),
      ...(deep ? { caveats: [deepStreamNotice()] } : {}),
    },
    cuts: article.cuts,
  };
}

function deepStreamNotice(): string {
  return (
    `The page is nested more than ${HTML_NESTING_CAP} levels deep, deeper than Apparatus reads a page's layout: ` +
    'the text of the whole page was kept, with its headings, paragraphs, lists and quotations ' +
    '(menus and other page furniture included), rather than risk dropping part of the article.'
  );
}

function deepNotice(): string {
  return (
    `The page is nested more than ${HTML_NESTING_CAP} levels deep, deeper than Apparatus reads a page's layout: ` +
    'below that depth its text was flattened into plain paragraphs, and the text of the whole page was kept ' +
    '(menus and other page furniture included), rather than risk dropping part of the article.'
  );
}

function runReadability(document: DomDocument): { content: DomNode | null; facts: ArticleFacts; firstAttempt: boolean } | null | 'failed' {
  try {
    // Readability's types name the browser DOM; linkedom's document stands in for it.
    // Readability drops every class it does not know; the block walk needs Word's list classes.
    const options = { serializer: (node: DomNode) => node as unknown as DomNode, classesToPreserve: [...WORD_LIST_CLASSES] };
    const reader = new Readability<DomNode>(document as never, options);
    const article = reader.parse();
    if (!article) return null;
    const content = article.content ?? null;
    return { content, facts: article, firstAttempt: firstAttempt(reader) };
  } catch {
    return 'failed';
  }
}

// Whether Readability found the article in its first attempt, the one that removes furniture: it
// drops that flag to try again. Its flags are not public; without them, the answer is no.
function firstAttempt(reader: object): boolean {
  const { _flags: flags, FLAG_STRIP_UNLIKELYS: strip } = reader as { _flags?: unknown; FLAG_STRIP_UNLIKELYS?: unknown };
  return typeof flags === 'number' && typeof strip === 'number' && (flags & strip) !== 0;
}

function bodyOf(document: DomDocument): DomNode | undefined {
  return Array.from(document.querySelectorAll('body'))[0];
}

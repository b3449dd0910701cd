import { Readability } from '@mozilla/readability';
import type { CleanedBody, Cleaner } from '../../../core/clean/cleaned-body.ts';
import { type HtmlCut, type StreamedPage, readHtmlStream } from '../../../core/clean/html-stream/html-stream.ts';
import { htmlBlocks } from './html-blocks.ts';
import { HTML_NESTING_CAP, flattenDeepNesting } from './html-depth.ts';
import { type DomDocument, type DomNode, parseHtmlDocument } from './html-dom.ts';
import { type ArticleFacts, htmlMetadata, readPageFacts } from './html-meta.ts';
import { stripActiveContent } from './html-sanitize.ts';
import { formatSize } from './read-import-file.ts';

/**
 * Pages with more markup than this, once their scripts and styles are removed, are read as a stream
 * instead of cleaned: 2 MB (in characters, about bytes). A DOM and Readability take 50 to 100 times
 * a page's size in memory (bench/import.ts: about 160 MB above the base for a 2 MB page, where a 9 MB
 * page read as a stream takes about 60 MB, within 4× its size plus an import's fixed cost), so this
 * size caps what cleaning can take, a fixed ceiling, while a stream grows with the page at a small
 * multiple of its size. Bounding cleaning itself by 4× the page's size would need a threshold of a few
 * tens of KB, sending nearly every web page to the stream, menus and comments kept: the article
 * Readability finds is worth the ceiling. A news or magazine article, even a
 * long encyclopedia article, is under 2 MB of markup without its scripts, so ordinary pages are still
 * cleaned; pages beyond it are whole books, archives and forum threads on one page.
 */
export const LARGE_PAGE_CHARS = 2 * 1024 * 1024;

/** How a page is cleaned. */
export interface HtmlCleanOptions {
  /** Read pages with more markup than this as a stream (see `LARGE_PAGE_CHARS`, the default). */
  largePageChars?: number;
}

/**
 * A cleaned page and the page as it is kept in `corpus/raw/`: either its text (a page cleaned with
 * a DOM) or the cuts that make it from the page (a page read as a stream, whose copy is written from
 * the file itself rather than held beside it).
 */
export type CleanedPage = { body: CleanedBody } & ({ sanitized: string; cuts?: undefined } | { cuts: HtmlCut[]; sanitized?: undefined });

/**
 * Cleans a saved web page (raw form `html`), parsing it once. The page is parsed by linkedom
 * (which runs no script), stripped of everything active (`stripActiveContent`) and kept as the
 * sanitized copy; its head's metadata is read; its article is found by Mozilla Readability (the
 * reader view of Firefox) and becomes blocks. If Readability finds no article, the whole body is
 * used, so no text is lost. A page nested deeper than `HTML_NESTING_CAP` levels is flattened below
 * that depth, and then its whole body is kept: Readability's choice of the article cannot be
 * trusted on such a layout, and it could drop text. A page with more markup than
 * `largePageChars` (once scripts and styles are removed) is not parsed into a DOM: it is read as a
 * stream, every word of its text kept with its structure, and a caveat says that its page furniture
 * was kept. Never throws on odd HTML; a page without text yields no blocks. No notes; block ids are
 * empty.
 */
export function cleanHtmlPage(raw: string, options: HtmlCleanOptions = {}): CleanedPage {
  const limit = options.largePageChars ?? LARGE_PAGE_CHARS;
  if (raw.length <= limit) return cleanParsedPage(raw);
  const streamed = readHtmlStream(raw);
  // A page made large by its scripts and styles alone is cleaned as any other, from its sanitized copy.
  return streamed.sanitizedLength > limit ? streamedPage(streamed, Buffer.byteLength(raw)) : cleanParsedPage(streamed.sanitized);
}

function cleanParsedPage(raw: string): CleanedPage {
  const document = parseHtmlDocument(raw);
  stripActiveContent(document);
  const sanitized = document.toString();
  const page = readPageFacts(document);
  const flattened = flattenDeepNesting(document, HTML_NESTING_CAP) > 0;
  const parsed = flattened ? null : runReadability(document);
  const found = htmlMetadata(page, parsed === 'failed' ? null : (parsed?.facts ?? null));
  // Readability gives the page back as it found it when it finds no article; when it fails
  // midway, the page is read again from the sanitized copy.
  const root = parsed === 'failed' ? bodyOf(parseHtmlDocument(sanitized)) : (parsed?.content ?? bodyOf(document));
  const blocks = root ? htmlBlocks(root) : [];
  return {
    body: { blocks, notes: [], ...(Object.keys(found).length > 0 ? { found } : {}), ...(flattened ? { caveats: [deepNotice()] } : {}) },
    sanitized,
  };
}

/** The cleaned body of a saved web page (see `cleanHtmlPage`). */
export function cleanHtml(raw: string): CleanedBody {
  return cleanHtmlPage(raw).body;
}

/** `cleanHtml` as a corpus-build `Cleaner`: the HTML form takes no options. */
export const htmlCleaner: Cleaner = (raw) => cleanHtml(raw);

/**
 * The page's HTML with everything active removed, as it is kept in `corpus/raw/`: a script is
 * never run and never kept. Cleaning the result gives the same source as cleaning `raw`.
 */
export function sanitizeHtml(raw: string): string {
  const document = parseHtmlDocument(raw);
  stripActiveContent(document);
  return document.toString();
}

// A large page's text, whole: metadata from its head only (Readability never read it).
function streamedPage(page: StreamedPage, size: number): CleanedPage {
  const found = htmlMetadata(page.head, null);
  return {
    body: {
      blocks: page.blocks,
      notes: [],
      ...(Object.keys(found).length > 0 ? { found } : {}),
      caveats: [largeNotice(size)],
      notices: [
        'To import only the article, open the page in a browser, save or copy the article’s text (or its reader view), and import that.',
      ],
    },
    cuts: page.cuts,
  };
}

function largeNotice(size: number): string {
  return (
    `The page is too large to clean automatically (${formatSize(size)} of HTML): its whole text was kept, ` +
    'menus, footers and other page furniture included, with its headings, paragraphs, lists and quotations, ' +
    'rather than risk dropping part of the article.'
  );
}

function deepNotice(): string {
  return (
    `The page is nested more than ${HTML_NESTING_CAP} levels deep, deeper than Apparatus reads a page's layout: ` +
    'below that depth its text was flattened into plain paragraphs, and the text of the whole page was kept ' +
    '(menus and other page furniture included), rather than risk dropping part of the article.'
  );
}

function runReadability(document: DomDocument): { content: DomNode | null; facts: ArticleFacts } | null | 'failed' {
  try {
    // Readability's types name the browser DOM; linkedom's document stands in for it.
    const reader = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode });
    const article = reader.parse();
    if (!article) return null;
    const content = article.content ?? null;
    return { content, facts: article };
  } catch {
    return 'failed';
  }
}

function bodyOf(document: DomDocument): DomNode | undefined {
  return Array.from(document.querySelectorAll('body'))[0];
}

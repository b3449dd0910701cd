import { Readability } from '@mozilla/readability';
import type { CleanedBody, Cleaner } from '../../../core/clean/cleaned-body.ts';
import { htmlBlocks } from './html-blocks.ts';
import { HTML_NESTING_CAP, flattenDeepNesting } from './html-depth.ts';
import { type DomDocument, type DomNode, parseHtmlDocument } from './html-dom.ts';
import { type ArticleFacts, htmlMetadata, readPageFacts } from './html-meta.ts';
import { stripActiveContent } from './html-sanitize.ts';

/** A cleaned page and the page as it is kept in `corpus/raw/`. */
export interface CleanedPage {
  body: CleanedBody;
  /** The page's HTML with everything active removed: a script is never run and never kept. */
  sanitized: string;
}

/**
 * Cleans a saved web page (raw form `html`), parsing it once. The page is parsed by linkedom
 * (which runs no script), stripped of everything active (`stripActiveContent`) and kept as the
 * sanitized copy; its head's metadata is read; its article is found by Mozilla Readability (the
 * reader view of Firefox) and becomes blocks. If Readability finds no article, the whole body is
 * used, so no text is lost. A page nested deeper than `HTML_NESTING_CAP` levels is flattened below
 * that depth, and then its whole body is kept: Readability's choice of the article cannot be
 * trusted on such a layout, and it could drop text. Never throws on odd HTML; a page without
 * text yields no blocks. No notes; block ids are empty.
 */
export function cleanHtmlPage(raw: string): CleanedPage {
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

import { Readability } from '@mozilla/readability';
import type { CleanedBody, Cleaner } from '../../../core/clean/cleaned-body.ts';
import { htmlBlocks } from './html-blocks.ts';
import { type DomDocument, type DomNode, parseHtmlDocument } from './html-dom.ts';
import { type ArticleFacts, readHtmlMetadata } from './html-meta.ts';
import { stripActiveContent } from './html-sanitize.ts';

/**
 * Cleans a saved web page (raw form `html`). The page is parsed by linkedom (which runs no
 * script), stripped of everything active (`stripActiveContent`), its metadata read, and its
 * article found by Mozilla Readability (the reader view of Firefox); the article's DOM becomes
 * blocks. If Readability finds no article, the whole body is used, so no text is lost. Never
 * throws on odd HTML; a page without text yields no blocks. No notes; block ids are empty.
 */
export function cleanHtml(raw: string): CleanedBody {
  // Two copies: Readability rewrites the one it is given; the other keeps the head and body.
  const page = parseHtmlDocumentStripped(raw);
  const parsed = runReadability(parseHtmlDocumentStripped(raw));
  const found = readHtmlMetadata(page, parsed?.facts ?? null);
  const root = parsed?.content ?? bodyOf(page);
  const blocks = root ? htmlBlocks(root) : [];
  return Object.keys(found).length > 0 ? { blocks, notes: [], found } : { blocks, notes: [] };
}

/** `cleanHtml` as a corpus-build `Cleaner`: the HTML form takes no options. */
export const htmlCleaner: Cleaner = (raw) => cleanHtml(raw);

/**
 * The page's HTML with everything active removed, as it is kept in `corpus/raw/`: a script is
 * never run and never kept. Cleaning the result gives the same source as cleaning `raw`.
 */
export function sanitizeHtml(raw: string): string {
  return parseHtmlDocumentStripped(raw).toString();
}

function parseHtmlDocumentStripped(raw: string): DomDocument {
  const document = parseHtmlDocument(raw);
  stripActiveContent(document);
  return document;
}

function runReadability(document: DomDocument): { content: DomNode | null; facts: ArticleFacts } | null {
  try {
    // Readability's types name the browser DOM; linkedom's document stands in for it.
    const reader = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode });
    const article = reader.parse();
    if (!article) return null;
    const content = article.content ?? null;
    return { content, facts: article };
  } catch {
    return null;
  }
}

function bodyOf(document: DomDocument): DomNode | undefined {
  return Array.from(document.querySelectorAll('body'))[0];
}

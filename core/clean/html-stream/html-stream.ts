/**
 * Reading a web page as a stream of tags and text (htmlparser2), without building a tree, in the
 * memory of the page and a little more, in linear time. One pass (`streamPage`) gives what the
 * page's head states and its raw copy with everything active removed, as cuts of the page, and
 * hands every tag and text to another reader: the import's article finder, or `StreamBlocks` for
 * every word of the page's text as blocks (`readHtmlStream`, no article chosen).
 */
import { Parser } from 'htmlparser2';
import type { Block } from '../../corpus/model.ts';
import { StreamBlocks } from './stream-blocks.ts';
import { type HtmlHeadFacts, StreamHead } from './stream-head.ts';
import type { PageFeed } from './page-text.ts';
import { type HtmlCut, StreamSanitizer, applyCuts } from './stream-sanitize.ts';

export { ACTIVE_ELEMENTS, BLOCK_ELEMENTS, isActiveAttribute, isActiveElement } from './html-elements.ts';
export { type HtmlMarks, SAFE_LINK, htmlTextRun, trimmedInlines } from './html-text.ts';
export { type HtmlHeadFacts, StreamHead } from './stream-head.ts';
export { type HtmlCut, applyCuts } from './stream-sanitize.ts';
export { PageFeed, type PageText, countStartTags, pageTextOf } from './page-text.ts';

/** What one streaming pass over a page gives. */
export interface StreamedPage {
  /** The page's text as blocks (see `StreamBlocks`); block ids are empty. */
  blocks: Block[];
  /** What the page's head states. */
  head: HtmlHeadFacts;
  /** The page with everything active removed, otherwise character for character as it was (built from `cuts` when read). */
  readonly sanitized: string;
  /** The cuts that make `sanitized` from the page, in order. */
  cuts: HtmlCut[];
  /** The length of `sanitized`, without building it. */
  sanitizedLength: number;
}

/** What else reads a page as it streams past: every tag and text, with where it starts in the page. */
export interface PageReader {
  openTag(name: string, attributes: Readonly<Record<string, string>>, at: number): void;
  closeTag(at: number): void;
  text(text: string, at: number): void;
}

/**
 * One pass over a page: its head facts and its sanitized copy's cuts, with `reader` given every
 * tag and text. The page is a string, given to the parser whole, or a feed that gives it a piece at
 * a time (`PageFeed`); `head` collects the head (given, its facts can be read before the pass
 * ends). Entities are decoded; the parser never runs a script and never recurses, so any depth of
 * nesting is read.
 */
export function streamPage(page: string | PageFeed, reader: PageReader, head: StreamHead = new StreamHead()): { head: HtmlHeadFacts; cuts: HtmlCut[] } {
  const sanitizer = new StreamSanitizer(page);
  const parser: Parser = new Parser(
    {
      onopentagname: () => sanitizer.openTagName(),
      onattribute: (name, value) => sanitizer.attribute(name, value),
      onopentag: (name, attributes, implied) => {
        sanitizer.openTag(parser, name, attributes, implied);
        head.openTag(name, attributes);
        reader.openTag(name, attributes, parser.startIndex);
      },
      onclosetag: (name, implied) => {
        sanitizer.closeTag(parser, implied);
        head.closeTag(name);
        reader.closeTag(parser.startIndex);
      },
      ontext: (text) => {
        head.text(text);
        reader.text(text, parser.startIndex);
      },
      oncommentend: () => sanitizer.comment(parser),
    },
    { decodeEntities: true },
  );
  if (typeof page === 'string') parser.end(page);
  else page.write(parser);
  return { head: head.facts(), cuts: sanitizer.result() };
}

/** Reads a page in one pass: its blocks, head facts and sanitized copy (see `streamPage`). Never throws on odd HTML. */
export function readHtmlStream(html: string): StreamedPage {
  const blocks = new StreamBlocks();
  const { head, cuts } = streamPage(html, {
    openTag: (name, attributes) => blocks.openTag(name, attributes),
    closeTag: () => blocks.closeTag(),
    text: (text) => blocks.text(text),
  });
  let sanitizedLength = html.length;
  for (const cut of cuts) sanitizedLength += cut.by.length - (cut.end - cut.start);
  return {
    blocks: blocks.blocks(),
    head,
    cuts,
    sanitizedLength,
    get sanitized() {
      return applyCuts(html, cuts);
    },
  };
}

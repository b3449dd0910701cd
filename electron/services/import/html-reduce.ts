/**
 * A web page made small before it is parsed into a DOM for Readability: one streaming pass
 * (htmlparser2, the parser linkedom itself uses, so the tree read again is the tree the pass saw)
 * writes the page again with only what the cleaning reads. A DOM and Readability take tens of times
 * the markup they are given, and most of a page's markup is attributes, wrappers and page furniture
 * that Readability ignores or removes first; cutting them before the DOM is built bounds the
 * cleaning's memory by the article's text rather than by the page's markup. The same pass gives
 * the cuts that make the sanitized copy kept in `corpus/raw/` and flattens a layout nested deeper
 * than Apparatus reads.
 *
 * What is dropped never carries text or its marks: active content (as the sanitized copy drops it)
 * and comments; attributes that neither Readability nor `htmlBlocks` reads (styles, data, ARIA
 * labels, `srcset`, `title`, event handlers …); the tags of plain `span`s that follow one another,
 * merged into one (a page written word by word in styled spans); runs of whitespace, which both
 * collapse.
 * With `strip`, the content of what Readability's first attempt removes before it looks for the
 * article (an element whose class, id or role names a menu, comment thread, footer, sidebar …, by
 * Readability's own patterns and rules) is dropped too, its empty element left in its place so that
 * Readability sees the same layout. That attempt then finds the same article; when Readability
 * needs another attempt, finds no article or fails, the page is read again without `strip`
 * (`html-cleaner.ts`), so that nothing of the page is lost.
 */
import { Parser } from 'htmlparser2';
import { BLOCK_ELEMENTS, type HtmlCut, isActiveAttribute, isActiveElement } from '../../../core/clean/html-stream/html-stream.ts';
import { StreamSanitizer } from '../../../core/clean/html-stream/stream-sanitize.ts';
import { UNLIKELY_ROLES, readabilityPattern } from './readability-rules.ts';

/** A page written again for the DOM, with its sanitized copy as cuts of the page. */
export interface ReducedPage {
  /** The page as the DOM is built from it (see the module's comment). */
  html: string;
  /** The cuts that make the sanitized copy from the page, in order. */
  cuts: HtmlCut[];
  /** Whether content nested deeper than the cap was flattened into paragraphs. */
  flattened: boolean;
  /** Whether the content of some element was dropped as Readability's first attempt drops it (`strip`). */
  stripped: boolean;
}

/** How a page is reduced. */
export interface ReduceOptions {
  /** Elements below `<html>` read as they are; deeper content is flattened. */
  cap: number;
  /** Drop the content of what Readability's first attempt removes (see the module's comment). */
  strip: boolean;
}

// Elements that hold no content: never closed by a tag of their own.
const VOID = new Set('area base br col embed hr img input keygen link meta param source track wbr'.split(' '));

// Wrappers whose tags mean nothing to `htmlBlocks` (no block, no mark) and to Readability only that
// text lies in one (phrasing content, and text it counts): merged when nothing on them is read.
const UNWRAPPED = new Set(['span']);

// What a wrapper may hold and still be merged: Readability's phrasing content and links. Anything
// else inside it (a paragraph, a `font`) would change how Readability groups the text around it.
const PHRASING = new Set(
  'a abbr audio b bdo br button cite code data datalist dfn em embed i img input kbd label mark math meter output progress q ruby samp select small span strong sub sup textarea time var wbr'.split(' '),
);

// Attributes Readability or the block walk reads (`class` and `id` are kept on every element: Readability
// compares siblings' classes); `name`, `property` and `content` only on `meta`, and `name` on `a`.
const READ_ATTRIBUTES = new Set([
  'class', 'id', 'href', 'src', 'alt', 'lang', 'start', 'colspan', 'rowspan', 'role', 'datatable', 'summary',
  'hidden', 'aria-hidden', 'aria-modal', 'rel', 'itemprop',
]);
const META_ATTRIBUTES = new Set(['name', 'property', 'content']);
// What tells Readability that an image has a source (`_unwrapNoscriptImages`): without one it removes the image, `alt` and all.
const IMAGE_SOURCES = new Set(['src', 'srcset', 'data-src', 'data-srcset']);
const IMAGE_FILE = /\.(jpg|jpeg|png|webp)/i;

// Readability's own patterns and roles, so that the pass judges an element as Readability does. A
// pattern Readability no longer has matches everything: the pass then keeps more, never less.
const pattern = (key: string): RegExp => readabilityPattern(key, /(?:)/);
const UNLIKELY = pattern('unlikelyCandidates');
const MAYBE = pattern('okMaybeItsACandidate');
const BYLINE = pattern('byline');
// Classes and ids Readability acts on: a wrapper carrying one is kept.
const CLASS_PATTERNS: RegExp[] = [
  ...['unlikelyCandidates', 'okMaybeItsACandidate', 'positive', 'negative', 'extraneous', 'byline', 'shareElements'].map(pattern),
  /lazy|fallback-image/i,
];
// Readability looks for the title among these headings, and removes the first that repeats it.
const TITLE_HEADINGS = new Set(['h1', 'h2']);
// Elements never dropped as furniture: Readability keeps them, reads their content first, or they hold the page.
const NEVER_STRIPPED = new Set(['html', 'head', 'body', 'a', 'del', 'ins', 'p', 'h1', 'h2']);
// Elements inside which nothing is dropped: Readability keeps what lies in a table or `code`, and reads a
// paragraph's or a title heading's content whole (link density, the title) before it removes anything inside.
const SHELTERS = new Set(['table', 'code', 'p', 'h1', 'h2']);
// What Readability counts as a block inside a `div` (`DIV_TO_P_ELEMS`), lower case.
const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
// Output pieces joined into one string at a time, so that a large page's many small strings die young.
const PIECES_PER_JOIN = 512;

interface Frame {
  /** The tag written for the element. */
  tag: string;
  name: string;
  /** A wrapper that may be merged: the index of its placeholder in the output. */
  wrapper?: number;
  /** A wrapper merged into the one before it (its content written inside that one). */
  merged?: boolean;
  /** Whether a merged wrapper is open among this element's children, to be closed before anything else. */
  mergeOpen: boolean;
  /** Whether something inside is not phrasing content. */
  block: boolean;
  /** Whether some text inside is not whitespace. */
  text: boolean;
  /** Whether a title heading (h1, h2) is inside. */
  heading: boolean;
  /** Whether an element Readability counts as a block (`_hasChildBlockElement`) is inside. */
  divToP: boolean;
  /** Whether the element keeps what is inside it from being dropped as furniture (see `#isFurniture`). */
  shelters: boolean;
}

/**
 * Writes `html` again for the DOM (see the module's comment) and collects its sanitized copy's
 * cuts, in one pass. Content of an element `cap` levels below `<html>` that holds elements becomes
 * plain paragraphs, one per run of text between block boundaries, as `flattened` reports. Never
 * throws on odd HTML, never recurses.
 */
export function reducePage(html: string, options: ReduceOptions): ReducedPage {
  const sanitizer = new StreamSanitizer(html);
  const writer = new ReducedWriter(options);
  const parser: Parser = new Parser(
    {
      onopentagname: () => sanitizer.openTagName(),
      onattribute: (name, value) => sanitizer.attribute(name, value),
      onopentag: (name, attributes, implied) => {
        const lower = lowerCased(attributes);
        sanitizer.openTag(parser, name, lower, implied);
        writer.openTag(name, attributes, lower);
      },
      onclosetag: (name, implied) => {
        sanitizer.closeTag(parser, implied);
        writer.closeTag(name);
      },
      ontext: (text) => writer.text(text),
      oncommentend: () => sanitizer.comment(parser),
    },
    // Attribute names as written, as linkedom reads them (`CLASS` is not `class` to it); the sanitized copy's in lower case.
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  parser.end(html);
  return { ...writer.result(), cuts: sanitizer.result() };
}

/** Writes the reduced page from the parser's events. */
class ReducedWriter {
  readonly #cap: number;
  readonly #strip: boolean;
  readonly #frames: Frame[] = [];
  /** The output: strings, the older ones joined in groups (see `#write`). */
  readonly #out: string[] = [];
  /** Pieces before this index are never joined again. */
  #joinedUpTo = 0;
  /** The output indices of open wrappers' placeholders, innermost last. */
  readonly #wrappers: number[] = [];
  /** Elements open inside an active element being dropped (0: none). */
  #skipped = 0;
  /** Open elements inside which nothing is dropped as furniture (see `#isFurniture`). */
  #sheltered = 0;
  #inBody = false;
  /** Whether the page's `html` and `body` elements are ones Readability's walk passes through (see `plainRoot`). */
  #rootsPlain = false;
  /** The element whose content may be dropped as furniture, and where its content starts in the output. */
  #furniture: { frame: Frame; start: number } | undefined;
  #stripped = false;
  /** While flattening: how many elements are open inside the element flattened. */
  #flatOpen = 0;
  #flatting = false;
  #flatRun = '';
  #flatParagraphs: string[] = [];
  #flatElements = false;
  #flattened = false;

  constructor(options: ReduceOptions) {
    this.#cap = options.cap;
    this.#strip = options.strip;
  }

  /** An element opens: its attributes as written, and with lower-case names. */
  openTag(name: string, attributes: Readonly<Record<string, string>>, lower: Readonly<Record<string, string>>): void {
    if (this.#skipped > 0 || isActiveElement(name, lower)) {
      this.#skipped += 1;
      return;
    }
    const parent = this.#frames.at(-1);
    if (parent !== undefined) {
      if (!PHRASING.has(name)) parent.block = true;
      if (DIV_TO_P.has(name)) parent.divToP = true;
    }
    if (this.#flatting) {
      this.#flatOpen += 1;
      this.#flatElements = true;
      if (name === 'br') this.#flatRun += ' ';
      else if (name === 'img') this.#flatRun += ` ${attributes.alt ?? ''} `;
      if (BLOCK_ELEMENTS.has(name)) this.#flush();
      return;
    }
    const { tag, read } = writtenTag(name, attributes);
    // The element at the cap is never merged: the content below it is flattened.
    const deepest = this.#frames.length + 1 >= this.#cap;
    const frame: Frame = {
      tag, name, mergeOpen: false, block: false, text: false, heading: TITLE_HEADINGS.has(name), divToP: false, shelters: shelters(name, attributes),
    };
    if (name === 'html' && this.#frames.length === 0) this.#rootsPlain = plainRoot(attributes);
    if (name === 'body') {
      this.#inBody = true;
      this.#rootsPlain &&= plainRoot(attributes);
    }
    if (UNWRAPPED.has(name) && !read && !deepest) {
      // A wrapper: merged with the one before it if that one is still open, else it may open a merged one.
      if (parent?.mergeOpen === true) frame.merged = true;
      frame.wrapper = this.#out.length;
      this.#wrappers.push(frame.wrapper);
      this.#out.push('');
      this.#frames.push(frame);
      return;
    }
    if (parent?.mergeOpen === true) this.#closeMerged(parent);
    const furniture = this.#furniture === undefined && this.#isFurniture(name, attributes);
    this.#frames.push(frame);
    if (frame.shelters) this.#sheltered += 1;
    this.#write(tag);
    if (furniture) {
      this.#furniture = { frame, start: this.#out.length };
      this.#joinedUpTo = this.#out.length;
    }
    if (deepest && !VOID.has(name)) {
      this.#flatting = true;
      this.#flatParagraphs = [];
      this.#flatElements = false;
    }
  }

  closeTag(name: string): void {
    if (this.#skipped > 0) {
      this.#skipped -= 1;
      return;
    }
    if (this.#flatOpen > 0) {
      this.#flatOpen -= 1;
      if (BLOCK_ELEMENTS.has(name)) this.#flush();
      return;
    }
    const frame = this.#frames.pop();
    if (frame === undefined) return;
    const parent = this.#frames.at(-1);
    if (parent !== undefined) {
      parent.block ||= frame.block;
      parent.text ||= frame.text;
      parent.heading ||= frame.heading;
      parent.divToP ||= frame.divToP;
    }
    if (frame.wrapper !== undefined) {
      this.#closeWrapper(frame, parent);
      return;
    }
    if (frame.shelters) this.#sheltered -= 1;
    if (this.#flatting) this.#endFlattening();
    if (frame.mergeOpen) this.#closeMerged(frame);
    if (VOID.has(name)) return;
    if (this.#furniture?.frame === frame) {
      // Furniture holding a title heading is kept whole: Readability looks for the title there.
      if (!frame.heading) {
        this.#out.length = this.#furniture.start;
        // What Readability asks of an element's content before it removes the element: whether it holds a block.
        if (frame.divToP) this.#out.push('<div></div>');
        this.#stripped = true;
      }
      this.#furniture = undefined;
      this.#joinedUpTo = Math.min(this.#joinedUpTo, this.#out.length);
    }
    this.#write(`</${name}>`);
  }

  text(text: string): void {
    if (this.#skipped > 0) return;
    const frame = this.#frames.at(-1);
    if (frame !== undefined && !frame.text && /\S/.test(text)) frame.text = true;
    if (this.#flatting) this.#flatRun += text;
    else this.#write(escapeText(text.replace(/[ \t\n\r]{2,}/g, ' ')));
  }

  result(): { html: string; flattened: boolean; stripped: boolean } {
    return { html: this.#out.join(''), flattened: this.#flattened, stripped: this.#stripped };
  }

  /**
   * A wrapper closes. Wrappers that hold text and phrasing content only, one after another with
   * text between them, become one: Readability reads them as it reads the text (phrasing content,
   * counted as text), and one wrapper still tells it, as they did, that text lies in a `span`.
   * Any other wrapper is written as it was.
   */
  #closeWrapper(frame: Frame, parent: Frame | undefined): void {
    const index = this.#wrappers.pop() as number;
    if (frame.mergeOpen) this.#closeMerged(frame);
    const mergeable = !frame.block && frame.text;
    if (mergeable && frame.merged) return;
    if (mergeable && parent !== undefined) {
      this.#out[index] = '<span>';
      parent.mergeOpen = true;
      return;
    }
    // Written as it was, after the merged wrapper before it (if any) is closed.
    this.#out[index] = frame.merged ? `</span>${frame.tag}` : frame.tag;
    if (frame.merged && parent !== undefined) parent.mergeOpen = false;
    this.#write(`</${frame.name}>`);
  }

  #closeMerged(parent: Frame): void {
    parent.mergeOpen = false;
    this.#write('</span>');
  }

  /**
   * Whether Readability's first attempt removes the element before it looks for the article, and
   * asks nothing of its content before then but whether it holds a block (kept by an empty `div`):
   * its class or id names furniture and nothing excuses it, or its role does (Readability's rules),
   * it is not phrasing content nor a paragraph, and it lies in the body outside any table, `code`,
   * paragraph, title heading or possible byline (whose content Readability reads first).
   */
  #isFurniture(name: string, attributes: Readonly<Record<string, string>>): boolean {
    if (!this.#strip || !this.#inBody || !this.#rootsPlain || this.#sheltered > 0 || NEVER_STRIPPED.has(name) || PHRASING.has(name)) return false;
    if (shelters(name, attributes)) return false;
    const match = `${attributes.class ?? ''} ${attributes.id ?? ''}`;
    return (UNLIKELY.test(match) && !MAYBE.test(match)) || UNLIKELY_ROLES.has(attributes.role ?? '');
  }

  #write(piece: string): void {
    this.#out.push(piece);
    // Never joined across an open wrapper's placeholder, which is filled in when it closes.
    const from = Math.max(this.#joinedUpTo, (this.#wrappers.at(-1) ?? -1) + 1);
    if (this.#out.length - from > PIECES_PER_JOIN) {
      const joined = this.#out.splice(from).join('');
      this.#out.push(joined);
      this.#joinedUpTo = this.#out.length;
    }
  }

  #flush(): void {
    const text = this.#flatRun.replace(/\s+/g, ' ').trim();
    if (text !== '') this.#flatParagraphs.push(text);
    this.#flatRun = '';
  }

  /** The flattened element closes: its text as paragraphs, or as it was if it held no element. */
  #endFlattening(): void {
    this.#flatting = false;
    if (this.#flatElements) {
      this.#flush();
      this.#flattened = true;
      for (const paragraph of this.#flatParagraphs) this.#write(`<p>${escapeText(paragraph)}</p>`);
    } else {
      this.#write(escapeText(this.#flatRun.replace(/[ \t\n\r]{2,}/g, ' ')));
    }
    this.#flatRun = '';
    this.#flatParagraphs = [];
  }
}

/**
 * Whether Readability's walk passes through a page's `html` or `body` element rather than removing it
 * (hidden, a possible byline, a dialog, or furniture by its class, id or role): removing either ends
 * the walk before it removes any furniture, and Readability then keeps the whole body.
 */
function plainRoot(attributes: Readonly<Record<string, string>>): boolean {
  if (['hidden', 'aria-hidden', 'aria-modal', 'role', 'style', 'rel', 'itemprop'].some((name) => Object.hasOwn(attributes, name))) return false;
  const match = `${attributes.class ?? ''} ${attributes.id ?? ''}`;
  return !UNLIKELY.test(match) && !BYLINE.test(match);
}

/** Attributes with lower-case names (the same object when they already are); of two spellings, the first, as a parser keeps it. */
function lowerCased(attributes: Record<string, string>): Record<string, string> {
  if (Object.keys(attributes).every((name) => name === name.toLowerCase())) return attributes;
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const lowered = name.toLowerCase();
    if (!Object.hasOwn(lower, lowered)) lower[lowered] = value;
  }
  return lower;
}

/** Whether nothing inside the element may be dropped as furniture: Readability reads its content whole first. */
function shelters(name: string, attributes: Readonly<Record<string, string>>): boolean {
  if (SHELTERS.has(name)) return true;
  const match = `${attributes.class ?? ''} ${attributes.id ?? ''}`;
  return attributes.rel === 'author' || (attributes.itemprop ?? '').includes('author') || BYLINE.test(match);
}

/** An element's start tag with the attributes the cleaning reads; `read` when one of them marks a wrapper as meaningful. */
function writtenTag(name: string, attributes: Readonly<Record<string, string>>): { tag: string; read: boolean } {
  let tag = `<${name}`;
  let read = false;
  let classes = '';
  for (const [attribute, written] of Object.entries(attributes)) {
    if (isActiveAttribute(attribute, written)) continue;
    const image = name === 'img' && (IMAGE_SOURCES.has(attribute) || IMAGE_FILE.test(written));
    const kept =
      READ_ATTRIBUTES.has(attribute) ||
      image ||
      (name === 'meta' && META_ATTRIBUTES.has(attribute)) ||
      // A word processor anchors its footnotes by a link's name (`<a name="_ftn1">`): `calledNotes` finds them by it.
      (name === 'a' && attribute === 'name') ||
      // Readability drops an element styled invisible; no other style is read.
      (attribute === 'style' && /display|visibility/i.test(written));
    if (!kept) continue;
    // An image's data is never read, only that it has a source (an image without one is removed, its text with it).
    const value = image && /^\s*data:/i.test(written) ? 'data:,' : written;
    if (attribute === 'class' || attribute === 'id') classes += ` ${value}`;
    else read = true;
    tag += ` ${attribute}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  }
  if (!read && classes !== '' && CLASS_PATTERNS.some((test) => test.test(classes))) read = true;
  return { tag: `${tag}>`, read };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/**
 * The raw copy of a page read as a stream: the page's own text with everything active cut out
 * (script, style, noscript, iframe and the other active elements with all they hold, comments, a
 * `meta` refresh) and every tag that carried an event handler or a script URL written again without
 * it. The rest is copied as it is, character for character; no tree is built. The copy is kept as a
 * list of cuts, not as text: a large page's copy is written from the page itself when it is added,
 * so it is never held in memory beside the page.
 */
import type { Parser } from 'htmlparser2';
import { isActiveAttribute, isActiveElement } from './html-elements.ts';

/** One cut of the sanitized copy: the page's characters `start` to `end` are replaced by `by`. */
export interface HtmlCut {
  start: number;
  end: number;
  by: string;
}

/** The page with its cuts (in order, not overlapping) applied. */
export function applyCuts(html: string, cuts: readonly HtmlCut[]): string {
  const pieces: string[] = [];
  let kept = 0;
  for (const cut of cuts) {
    pieces.push(html.slice(kept, cut.start), cut.by);
    kept = cut.end;
  }
  pieces.push(html.slice(kept));
  return pieces.join('');
}

/** What the sanitizer reads of the page itself: the tag just read, and the page's length. */
export interface PageLookBack {
  /** The character at `index`, at least for the tag the parser has just read. */
  charAt(index: number): string;
  readonly length: number;
}

/** Collects the sanitized copy's cuts while the parser reads the page; `result()` once it has ended. */
export class StreamSanitizer {
  readonly #page: PageLookBack;
  readonly #cuts: HtmlCut[] = [];
  /** Everything before this index is copied or cut. */
  #kept = 0;
  /** Elements open inside the active element being cut (0: none is being cut). */
  #activeDepth = 0;
  #cutStart = 0;
  /** Just after the active element's opening tag: an element closed with its tag ends there at the earliest. */
  #cutMin = 0;
  /** Whether the tag being read has an attribute to remove (its duplicates included). */
  #tagActive = false;

  /** `page` is the page as a string, or the feed that gives it to the parser (`PageFeed`). */
  constructor(page: PageLookBack) {
    this.#page = page;
  }

  /** A tag's name was read: its attributes follow. */
  openTagName(): void {
    this.#tagActive = false;
  }

  /** One attribute of the tag being read, duplicates included. */
  attribute(name: string, value: string): void {
    if (isActiveAttribute(name, value)) this.#tagActive = true;
  }

  /** A tag was opened; the parser's indices span it (its `<` to its `>`). */
  openTag(parser: Parser, name: string, attributes: Readonly<Record<string, string>>, implied: boolean): void {
    if (this.#activeDepth > 0) {
      this.#activeDepth += 1;
      return;
    }
    if (implied) return;
    const start = parser.startIndex;
    const end = parser.endIndex + 1;
    if (isActiveElement(name, attributes)) {
      this.#activeDepth = 1;
      this.#cutStart = start;
      this.#cutMin = end;
      return;
    }
    if (this.#tagActive) this.#replace(start, end, rebuiltTag(name, attributes, this.#page.charAt(end - 2) === '/'));
  }

  /** An element was closed, by its tag (`implied` false) or by what followed it. */
  closeTag(parser: Parser, implied: boolean): void {
    if (this.#activeDepth === 0) return;
    this.#activeDepth -= 1;
    if (this.#activeDepth > 0) return;
    // An element closed by what follows it ends where that begins; the follower is kept.
    const end = implied ? parser.startIndex : parser.endIndex + 1;
    this.#replace(this.#cutStart, Math.max(end, this.#cutMin), '');
  }

  /** A comment (or a CDATA section, which HTML reads as one) ended: it is cut. */
  comment(parser: Parser): void {
    if (this.#activeDepth > 0) return;
    this.#replace(parser.startIndex, parser.endIndex + 1, '');
  }

  /** The cuts that make the sanitized page, in order, once the parser has ended. */
  result(): HtmlCut[] {
    if (this.#activeDepth > 0) {
      this.#replace(this.#cutStart, this.#page.length, '');
      this.#activeDepth = 0;
    }
    return this.#cuts;
  }

  #replace(start: number, end: number, by: string): void {
    const from = Math.max(start, this.#kept);
    if (end <= from) return;
    this.#cuts.push({ start: from, end, by });
    this.#kept = end;
  }
}

// Names a tag can be written with again: anything else (quotes, `=`, `<` in a name) is dropped.
const ATTRIBUTE_NAME = /^[^\s"'<>/=]+$/;

/** A start tag written again with its safe attributes only. */
function rebuiltTag(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): string {
  let tag = `<${name}`;
  for (const [attribute, value] of Object.entries(attributes)) {
    if (isActiveAttribute(attribute, value) || !ATTRIBUTE_NAME.test(attribute)) continue;
    tag += ` ${attribute}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  }
  return `${tag}${selfClosing ? ' />' : '>'}`;
}

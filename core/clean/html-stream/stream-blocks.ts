/**
 * A page's blocks, built as the page streams past, without a tree: every word of the page's text
 * is kept (menus, footers and comments included), and only code is dropped.
 */
import type { Block, BlockType, Inline } from '../../corpus/model.ts';
import { ACTIVE_ELEMENTS, BLOCK_ELEMENTS } from './html-elements.ts';
import { type HtmlMarks, SAFE_LINK, htmlTextRun, trimmedInlines } from './html-text.ts';
import { isWordListClass, wordListItem } from './word-list.ts';

const HEADING = /^h([1-6])$/;
const EMPHASIS = new Set(['em', 'i', 'cite', 'dfn', 'var']);
const STRONG = new Set(['strong', 'b']);
// Code, embedded documents and the page's title (read as metadata): never text of the body.
const DROPPED = new Set([...ACTIVE_ELEMENTS, 'title']);
// Text of HTML's own white space only (not a no-break space, which is a character of the text).
const HTML_SPACE_ONLY = /^[ \t\n\f\r]*$/;

interface List {
  ordered: boolean;
  next: number;
}

/** What an open element does to the text inside it, undone when it closes. */
type Frame =
  | { readonly kind: 'inline' | 'dropped' | 'em' | 'strong' | 'link' | 'block' | 'quote' | 'item' | 'row' | 'heading' | 'word-item' }
  | { kind: 'list'; list: List }
  | { kind: 'cell'; start: number; separated: boolean };

// Frames that hold nothing but their kind, shared: a page opens a great many elements.
const FRAMES = {
  inline: { kind: 'inline' }, dropped: { kind: 'dropped' }, em: { kind: 'em' }, strong: { kind: 'strong' }, link: { kind: 'link' },
  block: { kind: 'block' }, quote: { kind: 'quote' }, item: { kind: 'item' }, row: { kind: 'row' }, heading: { kind: 'heading' },
  wordItem: { kind: 'word-item' },
} as const satisfies Record<string, Frame>;

/**
 * Collects blocks from the parser's events. h1–h6 become headings (inside a quotation or list
 * item, part of it); p, div and the other block elements paragraphs; blockquote quotations; li
 * list items (an ordered list's number kept as text), and so do Word's list paragraphs
 * (`word-list.ts`); a table row one paragraph, its cells joined
 * by " | "; a line break (`br`) ends a paragraph or quotation paragraph (inside a heading, list
 * item or table row it is a space); em/i, strong/b and http(s)/mailto links are kept as marks;
 * an image gives its `alt` text. Script, style, noscript, template, iframe and the like, and
 * `<title>`, give nothing. Whitespace collapses as a browser collapses it; block ids are empty.
 */
export class StreamBlocks {
  readonly #blocks: Block[] = [];
  readonly #frames: Frame[] = [];
  /** Runs of the block being read, before the run being read. */
  #pending: Inline[] = [];
  /** Text of the run being read, with its marks. */
  #parts: string[] = [];
  #partsMarks: HtmlMarks = { em: false, strong: false, href: undefined };
  #dropped = 0;
  #em = 0;
  #strong = 0;
  readonly #links: (string | undefined)[] = [];
  #quotes = 0;
  #rows = 0;
  readonly #items: { prefix: string }[] = [];
  #heading: number | undefined;

  /** A tag was opened (every opened element is closed later, by `closeTag`). */
  openTag(name: string, attributes: Readonly<Record<string, string>>): void {
    this.#frames.push(this.#open(name, attributes));
  }

  /** The innermost open element was closed. */
  closeTag(): void {
    const frame = this.#frames.pop();
    if (frame === undefined) return;
    switch (frame.kind) {
      case 'dropped':
        this.#dropped -= 1;
        return;
      case 'em':
        this.#em -= 1;
        return;
      case 'strong':
        this.#strong -= 1;
        return;
      case 'link':
        this.#links.pop();
        return;
      case 'heading':
        this.#emit('heading', this.#heading);
        this.#heading = undefined;
        return;
      case 'quote':
        this.#flush();
        this.#quotes -= 1;
        return;
      case 'item':
        this.#flush();
        this.#items.pop();
        return;
      case 'row':
        this.#emit(this.#quotes > 0 ? 'quote' : 'paragraph');
        this.#rows -= 1;
        return;
      case 'cell':
        this.#closeRun();
        // A cell that added nothing takes its separator back.
        if (frame.separated && this.#pending.length === frame.start) this.#pending.pop();
        return;
      case 'word-item':
        this.#emit('paragraph', undefined, true);
        return;
      case 'list':
      case 'block':
        this.#flush();
        return;
      case 'inline':
        return;
    }
  }

  /** Text of the page, entities decoded. */
  text(text: string): void {
    if (this.#dropped > 0 || text === '') return;
    // The line breaks and indents between a row's cells, as word processors write a table, are not a
    // cell's text: read as text, they made the first cell look preceded by another (" | Year | …").
    if (this.#frames.at(-1)?.kind === 'row' && HTML_SPACE_ONLY.test(text)) return;
    const em = this.#em > 0;
    const strong = this.#strong > 0;
    const href = this.#links.at(-1);
    const marks = this.#partsMarks;
    if (marks.em !== em || marks.strong !== strong || marks.href !== href) {
      this.#closeRun();
      this.#partsMarks = { em, strong, href };
    }
    this.#parts.push(text);
  }

  /** The blocks, once the page is read. */
  blocks(): Block[] {
    this.#flush();
    return this.#blocks;
  }

  #open(name: string, attributes: Readonly<Record<string, string>>): Frame {
    if (this.#dropped > 0) return FRAMES.inline;
    if (DROPPED.has(name)) {
      this.#dropped += 1;
      return FRAMES.dropped;
    }
    if (BLOCK_ELEMENTS.has(name)) return this.#openBlock(name, attributes);
    if (EMPHASIS.has(name)) {
      this.#em += 1;
      return FRAMES.em;
    }
    if (STRONG.has(name)) {
      this.#strong += 1;
      return FRAMES.strong;
    }
    if (name === 'a') {
      const href = (attributes.href ?? '').trim();
      this.#links.push(SAFE_LINK.test(href) ? href : undefined);
      return FRAMES.link;
    }
    if (name === 'br') {
      if (this.#heading !== undefined || this.#rows > 0 || this.#items.length > 0) this.text(' ');
      else this.#flush();
    } else if (name === 'img') {
      const alt = attributes.alt?.trim();
      if (alt) this.text(` ${alt} `);
    }
    return FRAMES.inline;
  }

  #openBlock(name: string, attributes: Readonly<Record<string, string>>): Frame {
    const parent = this.#frames.at(-1);
    if (this.#rows > 0 && (name === 'td' || name === 'th') && parent?.kind === 'row') {
      this.#closeRun();
      const separated = this.#pending.length > 0;
      if (separated) this.#pending.push({ type: 'text', text: ' | ' });
      return { kind: 'cell', start: this.#pending.length, separated };
    }
    // Inside a heading or a table row, blocks are read as part of it.
    if (this.#heading !== undefined || this.#rows > 0) return FRAMES.inline;
    this.#flush();
    const heading = HEADING.exec(name);
    if (heading && this.#quotes === 0 && this.#items.length === 0) {
      this.#heading = Number(heading[1]);
      return FRAMES.heading;
    }
    switch (name) {
      case 'blockquote':
        this.#quotes += 1;
        return FRAMES.quote;
      case 'ol':
      case 'ul':
        return { kind: 'list', list: { ordered: name === 'ol', next: name === 'ol' ? startOf(attributes) : 0 } };
      case 'li': {
        const prefix = parent?.kind === 'list' && parent.list.ordered ? `${parent.list.next++}. ` : '';
        this.#items.push({ prefix });
        return FRAMES.item;
      }
      case 'tr':
        this.#rows += 1;
        return FRAMES.row;
      case 'p':
        return this.#quotes === 0 && this.#items.length === 0 && isWordListClass(attributes.class) ? FRAMES.wordItem : FRAMES.block;
      default:
        return FRAMES.block;
    }
  }

  #closeRun(): void {
    if (this.#parts.length === 0) return;
    const run = htmlTextRun(this.#parts.join(''), this.#partsMarks);
    this.#parts = [];
    if (run) this.#pending.push(run);
  }

  #flush(): void {
    this.#emit(this.#items.length > 0 ? 'item' : this.#quotes > 0 ? 'quote' : 'paragraph');
  }

  #emit(type: BlockType, level?: number, wordList = false): void {
    this.#closeRun();
    const content = trimmedInlines(this.#pending);
    this.#pending = [];
    if (content.length === 0) return;
    const wordItem = wordList && type === 'paragraph' ? wordListItem(content) : undefined;
    if (wordItem) {
      this.#blocks.push({ type: 'item', id: '', content: wordItem });
      return;
    }
    const item = this.#items.at(-1);
    if (type === 'item' && item !== undefined && item.prefix !== '') {
      content.unshift({ type: 'text', text: item.prefix });
      // One number per list item, even if the item holds several paragraphs.
      item.prefix = '';
    }
    this.#blocks.push(level === undefined ? { type, id: '', content } : { type, id: '', level, content });
  }
}

function startOf(attributes: Readonly<Record<string, string>>): number {
  const start = Number(attributes.start);
  return Number.isInteger(start) && start > 0 ? start : 1;
}

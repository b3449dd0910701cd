/**
 * What Readability measures of a page, gathered as the page streams past, without a tree: for each
 * element, its parent, its tag, its class weight and the figures Readability reads of it (text
 * length, commas, link text, the paragraphs, images, list items and inputs inside …), summed from
 * its children as each one closes. Elements are numbered in document order, so that an element's
 * descendants are the numbers from it to its end, and a second pass over the same page numbers
 * them alike. The figures are typed arrays of a few tens of bytes per element, so that choosing a
 * page's article takes memory in proportion to its elements, not the tens of times its markup a
 * DOM takes (`article-choice.ts` chooses; `article-stream.ts` reads the page twice).
 *
 * Like Readability's walk, the pass sets aside what it would remove before it scores: hidden
 * elements, dialogs, the byline and, with `strip`, elements whose class, id or role name page
 * furniture. Text directly in a `div` that also holds blocks is read, as Readability reads it, as
 * paragraphs of its own ("runs"), numbered apart from the elements.
 */
import { Parser } from 'htmlparser2';
import { PageFeed, type PageText, isActiveElement } from '../../../core/clean/html-stream/html-stream.ts';
import {
  AD_WORDS, BYLINE, COMMAS, HASH_URL, LOADING_WORDS, MAYBE_CANDIDATE, NEGATIVE, POSITIVE, SHARE_ELEMENTS, UNLIKELY_CANDIDATES, UNLIKELY_ROLES,
} from './readability-rules.ts';
import { repeatsTitle } from './article-title.ts';

/** The tags the choice tells apart; any other tag is `OTHER`. */
const TAG_NAMES = [
  'other', 'html', 'body', 'div', 'p', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'pre', 'blockquote', 'address',
  'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form', 'fieldset', 'table', 'tr', 'a', 'img', 'input', 'footer', 'aside', 'object',
  'embed', 'link', 'iframe', 'textarea', 'select', 'button', 'figure', 'code', 'span', 'caption', 'col', 'colgroup', 'tfoot',
  'thead', 'br', 'del', 'ins',
] as const;
export type TagName = (typeof TAG_NAMES)[number];
const TAG_CODES = new Map<string, number>(TAG_NAMES.map((name, code) => [name, code]));

/** The code of a tag name. */
export function tagCode(name: TagName): number {
  return TAG_CODES.get(name) as number;
}

/** The tag name of a code (`other` for tags the choice does not tell apart). */
export function tagName(code: number): TagName {
  return TAG_NAMES[code] ?? 'other';
}

/**
 * The document: element 0, around the page's own elements, as a DOM has one. A page without
 * `<html>` or `<body>` (a saved fragment) has its elements in it side by side, none of them a root
 * that would leave the others out.
 */
export const DOCUMENT = 0;

/** Flags of an element (bits of `PageStats.flags`). */
export const FLAG = {
  /** Removed: not part of the article, nor of its parent's figures. */
  removed: 1,
  /** Set aside as it opened (hidden, furniture): the pass read nothing inside it. */
  skipped: 2,
  /** Holds an element Readability counts as a block inside a `div` (`_hasChildBlockElement`). */
  blockish: 4,
  /** Its text has a full stop followed by a space or the end. */
  period: 8,
  /** A `div` holding one paragraph and little link text, which Readability replaces by that paragraph. */
  transparent: 16,
  /** A table of data, which Readability never removes nor removes anything from. */
  dataTable: 32,
  /** Holds a table of data. */
  holdsDataTable: 64,
  /** Its whole text is an advertisement's label or a "loading" placeholder. */
  ad: 128,
  /** Lies inside a `figure`. */
  inFigure: 256,
  /** Lies inside `code`. */
  inCode: 512,
  /** Its class or id names sharing buttons. */
  share: 1024,
} as const;

// What Readability counts as a block inside a `div` (`DIV_TO_P_ELEMS`).
const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
// Readability's phrasing content (`PHRASING_ELEMS`, with links and edits).
const PHRASING = new Set(
  'abbr audio b bdo br button cite code data datalist dfn em embed i img input kbd label mark math meter noscript object output progress q ruby samp script select small span strong sub sup textarea time var wbr a del ins'.split(' '),
);
// Elements Readability scores as paragraphs (`DEFAULT_TAGS_TO_SCORE`).
const SCORED = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// What `_getTextDensity` counts as text-bearing in `_cleanConditionally`.
const TEXTISH = new Set(['span', 'li', 'td', ...DIV_TO_P]);
// Tags whose elements `_cleanConditionally` may judge by their whole text (adverts, placeholders).
const JUDGED = new Set(['form', 'fieldset', 'table', 'ul', 'div']);
// A text this long is no advertisement's label.
const SHORT_TEXT = 64;

/** How the pass reads the page. */
export interface StatsOptions {
  /** Set aside what Readability's first attempt removes as furniture (`FLAG_STRIP_UNLIKELYS`). */
  strip: boolean;
  /**
   * Whether Readability's walk runs (default true). When its first step removes the page's `html`
   * or `body` (`walkEnded`), the walk removes nothing and Readability cleans the whole body.
   */
  walk?: boolean;
  /** The article's title (`article-title.ts`), read when the first title heading closes. */
  title?: () => string;
}

/** Growable typed arrays, one slot per element. */
class Column<T extends Int32Array | Float64Array | Uint16Array | Int8Array | Uint8Array> {
  data: T;
  readonly make: (size: number) => T;

  constructor(data: T, make: (size: number) => T) {
    this.data = data;
    this.make = make;
  }

  grow(size: number): void {
    if (size <= this.data.length) return;
    const next = this.make(Math.max(size, Math.ceil(this.data.length * 1.5)));
    next.set(this.data as never);
    this.data = next;
  }
}

/** The figures of a page's elements and runs (see the module's comment). */
export class PageStats {
  /** Elements read. */
  count = 0;
  /** Runs read. */
  runCount = 0;
  readonly #columns: Column<Int32Array | Float64Array | Uint16Array | Int8Array | Uint8Array>[] = [];
  readonly #runColumns: Column<Int32Array | Float64Array | Uint16Array | Int8Array | Uint8Array>[] = [];
  #parent;
  #end;
  #tag;
  #weight;
  #flags;
  #classHash;
  #text;
  #commas;
  #links;
  #headings;
  #textish;
  #lists;
  #p;
  #img;
  #li;
  #input;
  #children;
  #runParent;
  #runText;
  #runCommas;
  #runLinks;
  #runFlags;
  #runFirst;
  #runEnd;
  #runFrom;
  #runTo;
  /** Elements and runs Readability scores, in the order it meets them: elements as their number, runs as `-1 - run`. */
  #scored;
  #scoredCount = 0;
  /** The byline Readability would take from the article, if any. */
  byline: string | undefined;
  /** Whether the walk ended at once, the page's `html` or `body` removed (see `StatsOptions.walk`). */
  walkEnded = false;

  constructor(elements: number) {
    const size = Math.max(16, elements);
    const column = <T extends Int32Array | Float64Array | Uint16Array | Int8Array | Uint8Array>(make: (size: number) => T, into = this.#columns): Column<T> => {
      const made = new Column(make(size), make);
      into.push(made);
      return made;
    };
    const int = (n: number): Int32Array => new Int32Array(n);
    const float = (n: number): Float64Array => new Float64Array(n);
    this.#parent = column(int);
    this.#end = column(int);
    this.#tag = column((n) => new Uint8Array(n));
    this.#weight = column((n) => new Int8Array(n));
    this.#flags = column((n) => new Uint16Array(n));
    this.#classHash = column(int);
    this.#text = column(int);
    this.#commas = column(int);
    this.#links = column(float);
    this.#headings = column(int);
    this.#textish = column(int);
    this.#lists = column(int);
    this.#p = column(int);
    this.#img = column(int);
    this.#li = column(int);
    this.#input = column(int);
    this.#children = column(int);
    const runs = this.#runColumns;
    this.#runParent = column(int, runs);
    this.#runText = column(int, runs);
    this.#runCommas = column(int, runs);
    this.#runLinks = column(float, runs);
    this.#runFlags = column((n) => new Uint16Array(n), runs);
    this.#runFirst = column(int, runs);
    this.#runEnd = column(int, runs);
    this.#runFrom = column(int, runs);
    this.#runTo = column(int, runs);
    this.#scored = column(int, []);
  }

  // Element figures, read by the choice.
  parent(id: number): number { return this.#parent.data[id] as number; }
  end(id: number): number { return this.#end.data[id] as number; }
  tag(id: number): TagName { return tagName(this.#tag.data[id] as number); }
  classWeight(id: number): number { return this.#weight.data[id] as number; }
  classHash(id: number): number { return this.#classHash.data[id] as number; }
  has(id: number, flag: number): boolean { return ((this.#flags.data[id] as number) & flag) !== 0; }
  mark(id: number, flag: number): void { this.#flags.data[id] = (this.#flags.data[id] as number) | flag; }
  text(id: number): number { return this.#text.data[id] as number; }
  commas(id: number): number { return this.#commas.data[id] as number; }
  links(id: number): number { return this.#links.data[id] as number; }
  headings(id: number): number { return this.#headings.data[id] as number; }
  textish(id: number): number { return this.#textish.data[id] as number; }
  lists(id: number): number { return this.#lists.data[id] as number; }
  paragraphs(id: number): number { return this.#p.data[id] as number; }
  images(id: number): number { return this.#img.data[id] as number; }
  items(id: number): number { return this.#li.data[id] as number; }
  inputs(id: number): number { return this.#input.data[id] as number; }
  children(id: number): number { return this.#children.data[id] as number; }

  // Run figures.
  runParent(run: number): number { return this.#runParent.data[run] as number; }
  runText(run: number): number { return this.#runText.data[run] as number; }
  runCommas(run: number): number { return this.#runCommas.data[run] as number; }
  runLinks(run: number): number { return this.#runLinks.data[run] as number; }
  runHas(run: number, flag: number): boolean { return ((this.#runFlags.data[run] as number) & flag) !== 0; }
  /** The elements inside a run: numbers from `runFirst` to before `runEnd`. */
  runFirst(run: number): number { return this.#runFirst.data[run] as number; }
  runEnd(run: number): number { return this.#runEnd.data[run] as number; }
  /** Where a run lies in the page: from this index to before `runTo`. */
  runFrom(run: number): number { return this.#runFrom.data[run] as number; }
  runTo(run: number): number { return this.#runTo.data[run] as number; }

  /** Scored elements and runs (see `#scored`). */
  *scored(): Generator<number> {
    for (let i = 0; i < this.#scoredCount; i += 1) yield this.#scored.data[i] as number;
  }

  /**
   * Removes an element from the article: it is marked, and its figures are taken from every
   * element around it, as Readability's later checks read the page without it.
   */
  remove(id: number): void {
    if (this.has(id, FLAG.removed)) return;
    this.mark(id, FLAG.removed);
    const up = this.parent(id);
    if (up < 0) return;
    this.#children.data[up] = (this.#children.data[up] as number) - 1;
    for (let around = up; around >= 0; around = this.parent(around)) this.#add(id, around, -1);
  }

  // Adds (sign 1) or takes (sign -1) the figures an element gives the elements around it to those of `to`.
  #add(id: number, to: number, sign: 1 | -1): void {
    const tag = this.tag(id);
    const text = this.text(id);
    const add = (column: Column<Int32Array | Float64Array | Uint16Array | Int8Array | Uint8Array>, value: number): void => {
      if (value !== 0) column.data[to] = (column.data[to] as number) + sign * value;
    };
    add(this.#text, text);
    add(this.#commas, this.commas(id));
    add(this.#links, this.links(id));
    add(this.#headings, this.headings(id) + (HEADINGS.has(tag) ? text : 0));
    add(this.#textish, this.textish(id) + (TEXTISH.has(tag) ? text : 0));
    add(this.#lists, this.lists(id) + (tag === 'ul' || tag === 'ol' ? text : 0));
    add(this.#p, this.paragraphs(id) + (tag === 'p' ? 1 : 0));
    add(this.#img, this.images(id) + (tag === 'img' ? 1 : 0));
    add(this.#li, this.items(id) + (tag === 'li' ? 1 : 0));
    add(this.#input, this.inputs(id) + (tag === 'input' ? 1 : 0));
  }

  // Written by the pass.
  /** @internal */ open(parent: number, code: number, weight: number, hash: number, flags: number): number {
    const id = this.count++;
    for (const column of this.#columns) column.grow(this.count);
    this.#parent.data[id] = parent;
    this.#tag.data[id] = code;
    this.#weight.data[id] = weight;
    this.#classHash.data[id] = hash;
    this.#flags.data[id] = flags;
    return id;
  }

  /** @internal */ addText(id: number, length: number, commas: number, period: boolean): void {
    this.#text.data[id] = (this.#text.data[id] as number) + length;
    this.#commas.data[id] = (this.#commas.data[id] as number) + commas;
    if (period) this.mark(id, FLAG.period);
  }

  /** @internal Readability turned the element into another (a `div` holding no block into a paragraph). */
  retag(id: number, name: TagName): void {
    this.#tag.data[id] = tagCode(name);
  }

  /** @internal Paragraphs Readability made inside the element (its runs). */
  addParagraphs(id: number, count: number): void {
    this.#p.data[id] = (this.#p.data[id] as number) + count;
  }

  /** @internal */ setLinks(id: number, links: number): void {
    this.#links.data[id] = links;
  }

  /** @internal */ close(id: number): void {
    this.#end.data[id] = this.count;
  }

  /** @internal Adds a closed element's figures to its parent's. */
  fold(id: number): void {
    const up = this.parent(id);
    if (up < 0) return;
    this.#add(id, up, 1);
    this.#children.data[up] = (this.#children.data[up] as number) + 1;
    if (this.has(id, FLAG.blockish) || DIV_TO_P.has(this.tag(id))) this.mark(up, FLAG.blockish);
    if (this.has(id, FLAG.dataTable) || this.has(id, FLAG.holdsDataTable)) this.mark(up, FLAG.holdsDataTable);
  }

  /** @internal */ openRun(parent: number, first: number, from: number): number {
    const run = this.runCount++;
    for (const column of this.#runColumns) column.grow(this.runCount);
    this.#runParent.data[run] = parent;
    this.#runFirst.data[run] = first;
    this.#runEnd.data[run] = first;
    this.#runFrom.data[run] = from;
    this.#runTo.data[run] = from;
    return run;
  }

  /** @internal */ addRunText(run: number, length: number, commas: number, period: boolean): void {
    this.#runText.data[run] = (this.#runText.data[run] as number) + length;
    this.#runCommas.data[run] = (this.#runCommas.data[run] as number) + commas;
    if (period) this.#runFlags.data[run] = (this.#runFlags.data[run] as number) | FLAG.period;
  }

  /** @internal */ addRunLinks(run: number, links: number): void {
    this.#runLinks.data[run] = (this.#runLinks.data[run] as number) + links;
  }

  /** @internal */ closeRun(run: number, end: number, to: number): void {
    this.#runEnd.data[run] = end;
    this.#runTo.data[run] = to;
  }

  /** @internal */ score(entry: number): void {
    const at = this.#scoredCount++;
    this.#scored.grow(this.#scoredCount);
    this.#scored.data[at] = entry;
  }
}

interface Frame {
  id: number;
  /** Set aside (as it opened, or inside what was): nothing inside is read. */
  skipped: boolean;
  isDiv: boolean;
  /** The run the element lies in, or -1. */
  run: number;
  /** For a `div`: the run being read among its children, or -1. */
  openRun: number;
  /** For a `div`: the runs read among its children. */
  runs: number;
  /** Whether text that is not whitespace lies directly in the element. */
  directText: boolean;
  /** Its only element child so far is a paragraph. */
  onlyParagraph: boolean;
  /** A link to a place in the page (its text counts less as link text). */
  hashLink: boolean;
  /**
   * For an element whose whole text a check reads (a block Readability may judge an advert, a
   * possible byline, a title heading): its text while it is short, undefined once it is not.
   * Other elements keep none: their text goes to the nearest such element around them.
   */
  short: string | undefined;
  /** Whether the element keeps its short text (see `short`). */
  reads: boolean;
  /** Whether it may be the byline. */
  byline: boolean;
}

interface TableFacts {
  layout: boolean;
  data: boolean;
  rows: number;
  columns: number;
  rowColumns: number;
  nested: boolean;
}

/** Reads a page's figures from the parser's events (see the module's comment). */
export class StatsPass {
  readonly stats: PageStats;
  readonly #strip: boolean;
  readonly #walk: boolean;
  readonly #title: (() => string) | undefined;
  /** Whether a heading repeating the title may still be removed (only the first is). */
  #titleHeading = true;
  /** Open elements' frames: `#frames[0 … #depth - 1]`, reused from element to element (a page has many). */
  readonly #frames: Frame[] = [];
  #depth = 0;
  /** The open elements that keep their short text, innermost last. */
  readonly #readers: Frame[] = [];
  #tables = 0;
  #codes = 0;
  #figures = 0;
  readonly #openTables: TableFacts[] = [];

  constructor(elements: number, options: StatsOptions) {
    this.stats = new PageStats(elements + 1);
    this.stats.open(-1, 0, 0, 0, 0);
    this.#strip = options.strip;
    this.#walk = options.walk ?? true;
    this.#title = options.title;
  }

  /** An element opens (attribute names in lower case), its tag starting at `at` in the page. */
  openTag(name: string, attributes: Readonly<Record<string, string>>, at: number): void {
    const parentFrame = this.#top();
    const parent = parentFrame?.id ?? DOCUMENT;
    const code = TAG_CODES.get(name) ?? 0;
    if (parentFrame?.skipped === true) {
      this.#push(this.stats.open(parent, code, 0, 0, FLAG.removed | FLAG.skipped), true, false, -1, false, false, false);
      return;
    }
    const className = attributes.class ?? '';
    const idName = attributes.id ?? '';
    const match = `${className} ${idName}`;
    let flags = 0;
    if (this.#figures > 0) flags |= FLAG.inFigure;
    if (this.#codes > 0) flags |= FLAG.inCode;
    if (match.trim() !== '' && SHARE_ELEMENTS.test(match)) flags |= FLAG.share;
    const setAside = this.#walk && this.#setAside(name, attributes, match);
    if (setAside && (name === 'html' || name === 'body')) this.stats.walkEnded = true;
    const skipped = isActiveElement(name, attributes) || setAside || (name === 'img' && !hasImageSource(attributes));
    if (skipped) flags |= FLAG.removed | FLAG.skipped;
    const id = this.stats.open(parent, code, classWeight(className, idName), hashOf(className.trim()), flags);
    // Runs: phrasing content directly in a `div` is read as paragraphs of its own; what is set aside is not there.
    let run = parentFrame?.run ?? -1;
    if (parentFrame?.isDiv === true) {
      if (skipped) run = -1;
      else if (PHRASING.has(name)) {
        if (parentFrame.openRun < 0) parentFrame.openRun = this.stats.openRun(parent, id, at);
        run = parentFrame.openRun;
      } else {
        this.#endRun(parentFrame, at);
        run = -1;
      }
    }
    if (parentFrame !== undefined && !skipped) {
      parentFrame.onlyParagraph = this.stats.children(parent) === 0 && name === 'p' && !parentFrame.directText;
    }
    const byline = !skipped && this.#walk && this.#mayBeByline(attributes, match);
    const reads = !skipped && (byline || JUDGED.has(name) || name === 'h1' || name === 'h2');
    this.#push(id, skipped, name === 'div', run, name === 'a' && HASH_URL.test(attributes.href ?? ''), byline, reads);
    if (skipped) return;
    if (name === 'table') this.#openTable(attributes);
    else if (name === 'code') this.#codes += 1;
    else if (name === 'figure') this.#figures += 1;
    this.#tableTag(name, attributes);
  }

  /** The innermost open element closes, by a tag or by what follows it, at `at` in the page. */
  closeTag(at: number): void {
    if (this.#depth === 0) return;
    this.#depth -= 1;
    const frame = this.#frames[this.#depth] as Frame;
    const { stats } = this;
    const { id } = frame;
    stats.close(id);
    if (frame.skipped) return;
    const name = stats.tag(id);
    if (frame.openRun >= 0) this.#endRun(frame, at);
    if (name === 'table') this.#closeTable(id);
    else if (name === 'code') this.#codes -= 1;
    else if (name === 'figure') this.#figures -= 1;
    if (name === 'a') {
      const links = stats.text(id) * (frame.hashLink ? 0.3 : 1);
      stats.setLinks(id, links);
      if (frame.run >= 0) stats.addRunLinks(frame.run, links);
    }
    let short: string | undefined;
    if (frame.reads) {
      this.#readers.pop();
      short = frame.short?.replace(/\s+/g, ' ').trim();
      this.#readText(short === undefined ? undefined : ` ${short}`);
    }
    if (frame.byline && stats.byline === undefined && short !== undefined && short.length > 0 && short.length < 100) {
      // Readability takes the first byline it meets out of the article.
      stats.byline = short;
      stats.mark(id, FLAG.removed);
      return;
    }
    if (this.#walk && this.#titleHeading && (name === 'h1' || name === 'h2') && short !== undefined && this.#title !== undefined && repeatsTitle(this.#title(), short)) {
      this.#titleHeading = false;
      stats.mark(id, FLAG.removed);
      return;
    }
    if (short !== undefined && short.length < SHORT_TEXT && (AD_WORDS.test(short) || LOADING_WORDS.test(short))) stats.mark(id, FLAG.ad);
    if (name === 'div') {
      const lowLinks = stats.text(id) === 0 || stats.links(id) / stats.text(id) < 0.25;
      if (this.#walk && frame.onlyParagraph && stats.children(id) === 1 && !frame.directText && lowLinks) stats.mark(id, FLAG.transparent);
      // A `div` holding no block is read as a paragraph, and scored as one; its runs of text are paragraphs.
      if (!stats.has(id, FLAG.blockish)) {
        stats.score(id);
        if (this.#walk) stats.retag(id, 'p');
      } else if (this.#walk) {
        stats.addParagraphs(id, frame.runs);
      }
    } else if (SCORED.has(name)) {
      stats.score(id);
    }
    stats.fold(id);
  }

  /** Text of the page, entities decoded, starting at `at` in the page. */
  text(text: string, at: number): void {
    const frame = this.#top();
    if (frame === undefined || frame.skipped) return;
    const { length, commas, blank } = measure(text);
    if (length === 0) return;
    const period = /\.( |$)/.test(text);
    const { stats } = this;
    stats.addText(frame.id, length, commas, period);
    if (!blank) frame.directText = true;
    let run = frame.run;
    if (frame.isDiv) {
      if (frame.openRun < 0 && !blank) frame.openRun = stats.openRun(frame.id, stats.count, at);
      run = frame.openRun;
    }
    if (run >= 0) stats.addRunText(run, length, commas, period);
    this.#readText(text);
  }

  /** The figures, once the page (of `length` characters) is read. */
  result(length: number): PageStats {
    while (this.#depth > 0) this.closeTag(length);
    this.stats.close(DOCUMENT);
    return this.stats;
  }

  #top(): Frame | undefined {
    return this.#depth === 0 ? undefined : this.#frames[this.#depth - 1];
  }

  #push(id: number, skipped: boolean, isDiv: boolean, run: number, hashLink: boolean, byline: boolean, reads: boolean): void {
    let frame = this.#frames[this.#depth];
    if (frame === undefined) {
      frame = { id, skipped, isDiv, run, openRun: -1, runs: 0, directText: false, onlyParagraph: false, hashLink, short: undefined, reads, byline };
      this.#frames.push(frame);
    } else {
      frame.id = id;
      frame.skipped = skipped;
      frame.isDiv = isDiv;
      frame.run = run;
      frame.openRun = -1;
      frame.runs = 0;
      frame.directText = false;
      frame.onlyParagraph = false;
      frame.hashLink = hashLink;
      frame.reads = reads;
      frame.byline = byline;
    }
    frame.short = reads ? '' : undefined;
    this.#depth += 1;
    if (reads) this.#readers.push(frame);
  }

  // Text for the innermost element that keeps its short text; undefined: text too long to keep.
  #readText(text: string | undefined): void {
    const reader = this.#readers.at(-1);
    if (reader === undefined || reader.short === undefined) return;
    reader.short = text === undefined || reader.short.length > SHORT_TEXT * 2 ? undefined : reader.short + text;
  }

  #endRun(frame: Frame, at: number): void {
    if (frame.openRun < 0) return;
    const run = frame.openRun;
    this.stats.closeRun(run, this.stats.count, at);
    frame.openRun = -1;
    frame.runs += 1;
    this.stats.score(-1 - run);
  }

  // Hidden elements, dialogs and, in the first attempt, furniture: Readability removes them before it scores.
  #setAside(name: string, attributes: Readonly<Record<string, string>>, match: string): boolean {
    const style = attributes.style ?? '';
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) || Object.hasOwn(attributes, 'hidden')) return true;
    if (attributes['aria-hidden'] === 'true' && !(attributes.class ?? '').includes('fallback-image')) return true;
    if (attributes['aria-modal'] === 'true' && attributes.role === 'dialog') return true;
    if (!this.#strip) return false;
    if (UNLIKELY_ROLES.has(attributes.role ?? '')) return true;
    return (
      this.#tables === 0 && this.#codes === 0 && name !== 'body' && name !== 'a' &&
      UNLIKELY_CANDIDATES.test(match) && !MAYBE_CANDIDATE.test(match)
    );
  }

  #mayBeByline(attributes: Readonly<Record<string, string>>, match: string): boolean {
    return attributes.rel === 'author' || (attributes.itemprop ?? '').includes('author') || BYLINE.test(match);
  }

  #openTable(attributes: Readonly<Record<string, string>>): void {
    for (const table of this.#openTables) table.nested = true;
    this.#openTables.push({
      layout: attributes.role === 'presentation' || attributes.datatable === '0',
      data: Boolean(attributes.summary),
      rows: 0, columns: 0, rowColumns: 0, nested: false,
    });
    this.#tables += 1;
  }

  // What the open tables learn from an element inside them.
  #tableTag(name: string, attributes: Readonly<Record<string, string>>): void {
    if (this.#openTables.length === 0) return;
    if (name === 'col' || name === 'colgroup' || name === 'tfoot' || name === 'thead' || name === 'th' || name === 'caption') {
      for (const table of this.#openTables) table.data = true;
    } else if (name === 'tr') {
      const rows = Number.parseInt(attributes.rowspan ?? '', 10);
      for (const table of this.#openTables) {
        table.rows += rows > 0 ? rows : 1;
        table.rowColumns = 0;
      }
    } else if (name === 'td') {
      const columns = Number.parseInt(attributes.colspan ?? '', 10);
      for (const table of this.#openTables) {
        table.rowColumns += columns > 0 ? columns : 1;
        table.columns = Math.max(table.columns, table.rowColumns);
      }
    }
  }

  // Readability's `_markDataTables`, from what was seen inside the table.
  #closeTable(id: number): void {
    const facts = this.#openTables.pop() as TableFacts;
    this.#tables -= 1;
    let data: boolean;
    if (facts.layout) data = false;
    else if (facts.data) data = true;
    else if (facts.nested) data = false;
    else if (facts.columns === 1 || facts.rows === 1) data = false;
    else data = facts.rows >= 10 || facts.columns > 4 || facts.rows * facts.columns > 10;
    if (data) this.stats.mark(id, FLAG.dataTable);
  }
}

// What tells Readability that an image has a source (`_unwrapNoscriptImages`): without one it removes the image, `alt` and all.
const IMAGE_SOURCES = ['src', 'srcset', 'data-src', 'data-srcset'];
const IMAGE_FILE = /\.(jpg|jpeg|png|webp)/i;

function hasImageSource(attributes: Readonly<Record<string, string>>): boolean {
  return IMAGE_SOURCES.some((name) => Object.hasOwn(attributes, name)) || Object.values(attributes).some((value) => IMAGE_FILE.test(value));
}

/** Readability's `_getClassWeight`: ±25 for each of class and id that names content or furniture. */
function classWeight(className: string, id: string): number {
  let weight = 0;
  for (const name of [className, id]) {
    if (name === '') continue;
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}

// A class attribute's hash, to compare siblings' classes without keeping them.
function hashOf(text: string): number {
  if (text === '') return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 1;
}

/** A text's length as Readability counts it (runs of whitespace as one), its commas, and whether it is only whitespace. */
function measure(text: string): { length: number; commas: number; blank: boolean } {
  let length = 0;
  let commas = 0;
  let space = false;
  let blank = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    const white = char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f' || char === '\u00a0';
    if (white) {
      if (!space) length += 1;
      space = true;
      continue;
    }
    space = false;
    blank = false;
    length += 1;
    if (COMMAS.has(char)) commas += 1;
  }
  return { length, commas, blank };
}

/**
 * Runs the pass over a page of at most `elements` elements (`countStartTags`, counted once for
 * every pass), given to the parser a piece at a time (`report`: how far it has come).
 */
export function readPageStats(page: PageText, elements: number, options: StatsOptions, report?: (fraction: number) => void): PageStats {
  const pass = new StatsPass(elements, options);
  const parser: Parser = new Parser(
    {
      onopentag: (name, attributes) => pass.openTag(name, attributes, parser.startIndex),
      onclosetag: () => pass.closeTag(parser.startIndex),
      ontext: (text) => pass.text(text, parser.startIndex),
    },
    { decodeEntities: true },
  );
  new PageFeed(page, report).write(parser);
  return pass.result(page.length);
}

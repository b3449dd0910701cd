import type { Block, BlockType, Inline } from '../../../core/corpus/model.ts';
import { BLOCK_ELEMENTS, type HtmlMarks, SAFE_LINK, htmlTextRun, trimmedInlines } from '../../../core/clean/html-stream/html-stream.ts';
import { isWordListClass, wordListItem } from '../../../core/clean/html-stream/word-list.ts';
import { type DomElement, type DomNode, TEXT_NODE, isElement } from './html-dom.ts';

/**
 * An article's DOM as Source blocks: h1–h6, p, blockquote, li (ordered items keep their number as
 * text) and Word's list paragraphs (`word-list.ts`), em/i, strong/b and http(s)/mailto links;
 * everything else contributes its text.
 */

const HEADING = /^H([1-6])$/;
const EMPHASIS = new Set(['EM', 'I', 'CITE', 'DFN', 'VAR']);
const STRONG = new Set(['STRONG', 'B']);

interface Context {
  quote: boolean;
  item: boolean;
  /** Text that opens the next item: its number in an ordered list ("3. "). */
  prefix: string;
  /** Inside a paragraph of a list Word saved: an item if it opens with a bullet or number. */
  wordList?: true;
}

type Marks = HtmlMarks;

/**
 * The blocks of an article element, in document order. Text outside any `p` inside a container
 * becomes a paragraph of its own; a heading inside a quotation or list reads as part of it.
 * Whitespace is collapsed as a browser collapses it; block ids are empty.
 */
export function htmlBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  walkContainer(root, { quote: false, item: false, prefix: '' }, blocks);
  return blocks;
}

function walkContainer(node: DomNode, context: Context, blocks: Block[]): void {
  let pending: Inline[] = [];
  const flush = (): void => {
    emit(blocks, context.item ? 'item' : context.quote ? 'quote' : 'paragraph', pending, context);
    pending = [];
  };
  let number = isElement(node) && node.nodeName.toUpperCase() === 'OL' ? startOf(node) : undefined;
  for (const child of Array.from(node.childNodes)) {
    const name = child.nodeName.toUpperCase();
    if (!isElement(child) || !BLOCK_ELEMENTS.has(name.toLowerCase())) {
      collectInlines(child, { em: false, strong: false, href: undefined }, pending);
      continue;
    }
    flush();
    const heading = HEADING.exec(name);
    if (heading && !context.quote && !context.item) {
      const inlines: Inline[] = [];
      collectInlines(child, { em: false, strong: false, href: undefined }, inlines);
      emit(blocks, 'heading', inlines, context, Number(heading[1]));
    } else if (name === 'BLOCKQUOTE') {
      walkContainer(child, { ...context, quote: true }, blocks);
    } else if (name === 'LI') {
      const prefix = number === undefined ? '' : `${number++}. `;
      walkContainer(child, { ...context, item: true, prefix }, blocks);
    } else if (name === 'TR') {
      emitRow(child, context, blocks);
    } else if (name === 'P' && !context.item && !context.quote && isWordListClass(child.getAttribute('class'))) {
      walkContainer(child, { ...context, wordList: true }, blocks);
    } else {
      walkContainer(child, context, blocks);
    }
  }
  flush();
}

function startOf(list: DomElement): number {
  const start = Number(list.getAttribute('start'));
  return Number.isInteger(start) && start > 0 ? start : 1;
}

/** A table row: one paragraph, its cells' text joined by " | ". */
function emitRow(row: DomElement, context: Context, blocks: Block[]): void {
  const inlines: Inline[] = [];
  for (const cell of Array.from(row.childNodes)) {
    if (!isElement(cell)) continue;
    const before = inlines.length;
    const separated = before > 0;
    if (separated) inlines.push({ type: 'text', text: ' | ' });
    collectInlines(cell, { em: false, strong: false, href: undefined }, inlines);
    // A cell that added nothing takes its separator back (a cell's own text is never taken).
    if (separated && inlines.length === before + 1) inlines.pop();
  }
  emit(blocks, context.quote ? 'quote' : 'paragraph', inlines, { ...context, item: false });
}

function collectInlines(node: DomNode, marks: Marks, out: Inline[]): void {
  if (node.nodeType === TEXT_NODE) {
    pushText(out, node.textContent ?? '', marks);
    return;
  }
  if (!isElement(node)) return;
  const name = node.nodeName.toUpperCase();
  if (name === 'BR') return pushText(out, ' ', marks);
  if (name === 'IMG') {
    const alt = node.getAttribute('alt')?.trim();
    if (alt) pushText(out, ` ${alt} `, marks);
    return;
  }
  const next: Marks = { ...marks };
  if (EMPHASIS.has(name)) next.em = true;
  if (STRONG.has(name)) next.strong = true;
  if (name === 'A') {
    const href = node.getAttribute('href') ?? '';
    next.href = SAFE_LINK.test(href.trim()) ? href.trim() : undefined;
  }
  for (const child of Array.from(node.childNodes)) collectInlines(child, next, out);
}

function pushText(out: Inline[], raw: string, marks: Marks): void {
  const run = htmlTextRun(raw, marks);
  if (run) out.push(run);
}

function emit(blocks: Block[], type: BlockType, inlines: Inline[], context: Context, level?: number): void {
  const content = trimmedInlines(inlines);
  if (content.length === 0) return;
  const wordItem = type === 'paragraph' && context.wordList ? wordListItem(content) : undefined;
  if (wordItem) {
    blocks.push({ type: 'item', id: '', content: wordItem });
    return;
  }
  if (type === 'item' && context.prefix !== '') {
    content.unshift({ type: 'text', text: context.prefix });
    // One number per list item, even if the item holds several paragraphs.
    context.prefix = '';
  }
  blocks.push(level === undefined ? { type, id: '', content } : { type, id: '', level, content });
}

/**
 * The notes a page's article calls and does not hold, for a page read as a stream: the same rule
 * as `html-notes.ts` on a DOM, which says why (a word processor writes a document's footnotes
 * after its text, where Readability's choice of the article leaves them out). Two passes, only when
 * a call's note is missing: one to number the page's elements and find each note, one to write
 * the notes' blocks. Memory is a few bytes per element.
 */
import { Parser } from 'htmlparser2';
import type { Block } from '../../../core/corpus/model.ts';
import { PageFeed, type PageText } from '../../../core/clean/html-stream/html-stream.ts';
import { StreamBlocks } from '../../../core/clean/html-stream/stream-blocks.ts';
import { anchorTarget, isNoteMark } from './note-calls.ts';

/** Collects, while an article's blocks are written, the notes it calls and the anchors it holds. */
export class NoteCalls {
  readonly #calls: string[] = [];
  readonly #inside = new Set<string>();
  // The links open in the article: where each points, and its text so far.
  readonly #links: ({ target: string; text: string } | undefined)[] = [];

  /** An element of the article opens. */
  openTag(name: string, attributes: Readonly<Record<string, string>>): void {
    for (const anchor of anchorsOf(name, attributes)) this.#inside.add(anchor);
    if (name !== 'a') return;
    const target = anchorTarget(attributes.href);
    this.#links.push(target === undefined ? undefined : { target, text: '' });
  }

  /** An element of the article closes. */
  closeTag(name: string): void {
    if (name !== 'a') return;
    const link = this.#links.pop();
    if (link !== undefined && isNoteMark(link.text) && !this.#calls.includes(link.target)) this.#calls.push(link.target);
  }

  /** Text of the article. */
  text(text: string): void {
    for (const link of this.#links) if (link) link.text += text;
  }

  /** The anchors called that the article does not hold, in the order first called. */
  missing(): string[] {
    return this.#calls.filter((call) => !this.#inside.has(call));
  }
}

/**
 * The blocks of the notes anchored at `calls` in the page: for each, the largest element around its
 * anchor that holds no other note's anchor and no call to one, as `calledNotes` finds it on a DOM.
 */
export function streamedNotes(html: PageText, calls: readonly string[]): Block[] {
  if (calls.length === 0) return [];
  const roots = noteElements(html, new Set(calls));
  if (roots.size === 0) return [];
  const blocks = new StreamBlocks();
  let kept = 0;
  let id = 0;
  const open: number[] = [];
  const parser: Parser = new Parser(
    {
      onopentag: (name, attributes) => {
        const element = id++;
        open.push(element);
        if (roots.has(element)) kept += 1;
        if (kept > 0) blocks.openTag(name, attributes);
      },
      onclosetag: () => {
        const element = open.pop();
        if (element === undefined) return;
        if (kept > 0) blocks.closeTag();
        if (roots.has(element)) kept -= 1;
      },
      ontext: (text) => {
        if (kept > 0) blocks.text(text);
      },
    },
    { decodeEntities: true },
  );
  new PageFeed(html).write(parser);
  return blocks.blocks();
}

// The elements (numbered in the order they open) that hold the notes anchored at `calls`, none inside another.
function noteElements(html: PageText, calls: ReadonlySet<string>): Set<number> {
  const parents: number[] = [];
  const names: string[] = [];
  // For each element: how many notes' anchors and how many calls it holds, itself included.
  const anchors: number[] = [];
  const callers: number[] = [];
  const anchored = new Map<string, number>();
  let id = 0;
  const open: number[] = [];
  const parser: Parser = new Parser(
    {
      onopentag: (name, attributes) => {
        const element = id++;
        parents.push(open.at(-1) ?? -1);
        names.push(name);
        const own = anchorsOf(name, attributes).filter((anchor) => calls.has(anchor) && !anchored.has(anchor));
        for (const anchor of own) anchored.set(anchor, element);
        anchors.push(own.length > 0 ? 1 : 0);
        const target = name === 'a' ? anchorTarget(attributes.href) : undefined;
        callers.push(target !== undefined && calls.has(target) ? 1 : 0);
        open.push(element);
      },
      onclosetag: () => {
        const element = open.pop();
        const parent = open.at(-1);
        if (element === undefined || parent === undefined) return;
        anchors[parent] = (anchors[parent] as number) + (anchors[element] as number);
        callers[parent] = (callers[parent] as number) + (callers[element] as number);
      },
    },
    { decodeEntities: true },
  );
  new PageFeed(html).write(parser);
  const notes = new Set<number>();
  for (const anchor of anchored.values()) {
    let note = anchor;
    for (let parent = parents[note] as number; parent >= 0; parent = parents[parent] as number) {
      if (names[parent] === 'body' || names[parent] === 'html' || (anchors[parent] as number) > 1 || (callers[parent] as number) > 0) break;
      note = parent;
    }
    notes.add(note);
  }
  // A note inside another (two anchors of one note) is written once, with the outer one.
  for (const note of notes) {
    for (let parent = parents[note] as number; parent >= 0; parent = parents[parent] as number) if (notes.has(parent)) notes.delete(note);
  }
  return notes;
}

// The anchors an element defines: its id, and a link's name.
function anchorsOf(name: string, attributes: Readonly<Record<string, string>>): string[] {
  const found: string[] = [];
  if (attributes.id) found.push(attributes.id);
  if (name === 'a' && attributes.name) found.push(attributes.name);
  return found;
}

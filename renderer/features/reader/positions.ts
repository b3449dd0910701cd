import type { Node as PMNode } from 'prosemirror-model';
import { isSourceBlock } from './schema.ts';

/** Where a Source block lies in the reading text: `[start, end)`. */
export interface BlockSpan {
  id: string;
  start: number;
  end: number;
}

/** Which way to resolve an offset that touches inline atoms (milestones, note references). */
export type Bias = 'before' | 'after';

interface Entry {
  span: BlockSpan;
  /** ProseMirror position of the start of the textblock's content. */
  contentStart: number;
  node: PMNode;
}

/**
 * Maps between ProseMirror positions in the reader's document and offsets into the source's
 * reading text. Built once per document; lookups are binary searches plus a walk over one block's
 * inline children.
 */
export class Positions {
  readonly #entries: Entry[];

  constructor(doc: PMNode, spans: readonly BlockSpan[]) {
    const byId = new Map(spans.map((span) => [span.id, span]));
    const entries: Entry[] = [];
    doc.descendants((node, pos) => {
      if (!isSourceBlock(node)) return true;
      const span = byId.get(node.attrs.blockId as string);
      if (!span) throw new Error(`The reader shows block ${node.attrs.blockId}, which the reading text lacks.`);
      if (node.textContent.length !== span.end - span.start) {
        throw new Error(`Block ${span.id} has ${node.textContent.length} characters in the reader but ${span.end - span.start} in the reading text.`);
      }
      entries.push({ span, contentStart: pos + 1, node });
      return false;
    });
    entries.sort((a, b) => a.span.start - b.span.start);
    this.#entries = entries;
  }

  /** The length of the reading text the view shows (the end of its last block). */
  get length(): number {
    return this.#entries.reduce((end, entry) => Math.max(end, entry.span.end), 0);
  }

  /**
   * The ProseMirror position of a reading-text offset. Offsets in a separator between blocks go
   * to the nearer block edge in the direction of `bias`. With `after`, a position skips inline
   * atoms that stand at the offset (a range's start); with `before` it stops before them (an end).
   */
  toPos(offset: number, bias: Bias = 'after'): number {
    const entry = this.#entryFor(offset, bias);
    if (!entry) throw new RangeError(`Offset ${offset} is outside the reading text.`);
    const local = Math.min(Math.max(offset - entry.span.start, 0), entry.span.end - entry.span.start);
    let pos = entry.contentStart;
    let remaining = local;
    let result: number | null = null;
    entry.node.forEach((child) => {
      if (result !== null) return;
      if (child.isText) {
        const length = child.text!.length;
        if (remaining < length || (remaining === length && bias === 'before')) {
          result = pos + remaining;
          return;
        }
        remaining -= length;
        pos += length;
      } else {
        if (remaining === 0 && bias === 'before') {
          result = pos;
          return;
        }
        pos += child.nodeSize;
      }
    });
    return result ?? pos;
  }

  /** The reading-text offset of a ProseMirror position; positions between blocks snap to the next block's start. */
  toOffset(pos: number): number {
    const entry = this.#entryAtPos(pos);
    if (!entry) return this.#entries.at(-1)?.span.end ?? 0;
    if (pos <= entry.contentStart) return entry.span.start;
    let offset = entry.span.start;
    let cursor = entry.contentStart;
    entry.node.forEach((child) => {
      if (cursor >= pos) return;
      if (child.isText) offset += Math.min(child.text!.length, pos - cursor);
      cursor += child.nodeSize;
    });
    return Math.min(offset, entry.span.end);
  }

  /** The reading-text range of a ProseMirror range. */
  toRange(from: number, to: number): { start: number; end: number } {
    return { start: this.toOffset(from), end: this.toOffset(to) };
  }

  /** The ProseMirror range of a reading-text range (atoms at the edges are left out). */
  fromRange(start: number, end: number): { from: number; to: number } {
    return { from: this.toPos(start, 'after'), to: this.toPos(end, 'before') };
  }

  #entryFor(offset: number, bias: Bias): Entry | undefined {
    const entries = this.#entries;
    let low = 0;
    let high = entries.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const span = entries[mid]!.span;
      if (offset < span.start) high = mid - 1;
      else if (offset > span.end) low = mid + 1;
      else return entries[mid];
    }
    // In a separator: entries[high] ends before it, entries[low] starts after it.
    return bias === 'after' ? (entries[low] ?? entries[high]) : (entries[high] ?? entries[low]);
  }

  #entryAtPos(pos: number): Entry | undefined {
    const entries = this.#entries;
    let low = 0;
    let high = entries.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (entries[mid]!.contentStart - 1 <= pos) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const entry = entries[found];
    if (!entry) return entries[0];
    // Between blocks: the position belongs to the next block's start.
    if (pos > entry.contentStart + entry.node.content.size) return entries[found + 1] ?? entry;
    return entry;
  }
}

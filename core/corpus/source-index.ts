import { blockText } from './inline-runs.ts';
import type { Source } from './model.ts';
import {
  type BlockSpan,
  ReadingOffsetError,
  type ReadingText,
  blockIndexAt,
  readingText,
} from './reading-text.ts';

/** The printed pages a range of the reading text lies on (equal labels for a one-page range). */
export interface PageRange {
  first: string;
  last: string;
}

/** Where a note is anchored: the page and section in force at its first reference. */
interface Anchor {
  page: string | null;
  section: string | null;
}

/**
 * Everything needed to turn reading-text offsets into locators, computed once per source:
 * milestone offsets, heading offsets, and the anchor of every note. Lookups are binary searches.
 */
export class SourceIndex {
  /** The reading text the offsets refer to. */
  readonly reading: ReadingText;
  readonly #milestoneOffsets: number[] = [];
  readonly #milestoneLabels: string[] = [];
  readonly #headingOffsets: number[] = [];
  readonly #headingTexts: string[] = [];
  /** For every block of `reading.blocks`, the label of its note, or undefined for body blocks. */
  readonly #noteOfBlock: (string | undefined)[] = [];
  readonly #anchors = new Map<string, Anchor>();

  constructor(source: Source) {
    this.reading = readingText(source);
    const spans = this.reading.blocks;
    let page: string | null = null;
    let section: string | null = null;
    source.blocks.forEach((block, i) => {
      const span = spans[i] as BlockSpan;
      this.#noteOfBlock.push(undefined);
      if (block.type === 'heading') {
        section = blockText(block);
        this.#headingOffsets.push(span.start);
        this.#headingTexts.push(section);
      }
      let offset = span.start;
      // In document order: a reference written just before a milestone is on the earlier page.
      for (const inline of block.content) {
        if (inline.type === 'text') offset += inline.text.length;
        else if (inline.type === 'page') {
          page = inline.label;
          this.#milestoneOffsets.push(offset);
          this.#milestoneLabels.push(inline.label);
        } else if (inline.type === 'noteRef' && !this.#anchors.has(inline.label)) {
          this.#anchors.set(inline.label, { page, section });
        }
      }
    });
    for (const note of source.notes) this.#noteOfBlock.push(...note.blocks.map(() => note.label));
    this.#anchorNotesReferencedFromNotes(source);
  }

  /** The label of the milestone in force at `offset` (the last one at or before it), or null. */
  pageAt(offset: number): string | null {
    this.#check(offset);
    const note = this.#noteAt(offset);
    if (note !== undefined) return this.#anchors.get(note)?.page ?? null;
    const index = lastAtOrBefore(this.#milestoneOffsets, offset);
    return index < 0 ? null : (this.#milestoneLabels[index] as string);
  }

  /**
   * The pages of the milestones in force at `start` and at `end - 1` (at `start` for an empty
   * range); inside a note, the pages of its first reference. Null when the source has no
   * milestones, or when either end lies where no page is known (before the first milestone, or
   * in a note never referred to). Throws a `ReadingOffsetError` for a range outside the text.
   */
  pagesForRange(start: number, end: number): PageRange | null {
    if (end < start) {
      const message = `the range ${start}–${end} ends before it starts`;
      throw new ReadingOffsetError('offset-out-of-range', message);
    }
    this.#check(end);
    if (this.#milestoneOffsets.length === 0) return null;
    const first = this.pageAt(start);
    const last = this.pageAt(Math.max(start, end - 1));
    return first === null || last === null ? null : { first, last };
  }

  /** The printed pages of the body, in order, each once. */
  pageLabels(): string[] {
    return [...new Set(this.#milestoneLabels)];
  }

  /** Where printed page `label` begins in the reading text, or null when the source prints no such page. */
  pageStart(label: string): number | null {
    const index = this.#milestoneLabels.indexOf(label);
    return index < 0 ? null : (this.#milestoneOffsets[index] as number);
  }

  /** Text of the last heading at or before `offset` (in a note: before its reference), or null. */
  sectionForOffset(offset: number): string | null {
    this.#check(offset);
    const note = this.#noteAt(offset);
    if (note !== undefined) return this.#anchors.get(note)?.section ?? null;
    const index = lastAtOrBefore(this.#headingOffsets, offset);
    return index < 0 ? null : (this.#headingTexts[index] as string);
  }

  #noteAt(offset: number): string | undefined {
    return this.#noteOfBlock[blockIndexAt(this.reading, offset)];
  }

  #check(offset: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.reading.text.length) {
      throw new ReadingOffsetError(
        'offset-out-of-range',
        `offset ${offset} lies outside the reading text (0–${this.reading.text.length})`,
      );
    }
  }

  /** A note referred to only from another note takes that note's anchor (repeated for chains). */
  #anchorNotesReferencedFromNotes(source: Source): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const note of source.notes) {
        const anchor = this.#anchors.get(note.label);
        if (!anchor) continue;
        for (const block of note.blocks) {
          for (const inline of block.content) {
            if (inline.type === 'noteRef' && !this.#anchors.has(inline.label)) {
              this.#anchors.set(inline.label, anchor);
              changed = true;
            }
          }
        }
      }
    }
  }
}

const indexes = new WeakMap<Source, SourceIndex>();

/** The `SourceIndex` of a source, built on first use and cached while the Source object lives. */
export function locate(source: Source): SourceIndex {
  let index = indexes.get(source);
  if (!index) {
    index = new SourceIndex(source);
    indexes.set(source, index);
  }
  return index;
}

/** See `SourceIndex.pagesForRange`; uses the cached index of `source`. */
export function pagesForRange(source: Source, start: number, end: number): PageRange | null {
  return locate(source).pagesForRange(start, end);
}

/** See `SourceIndex.sectionForOffset`; uses the cached index of `source`. */
export function sectionForOffset(source: Source, offset: number): string | null {
  return locate(source).sectionForOffset(offset);
}

function lastAtOrBefore(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

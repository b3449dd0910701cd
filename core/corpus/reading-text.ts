import { blockText } from './inline-runs.ts';
import type { Block, Note, Source } from './model.ts';
import { DomainError } from '../errors.ts';

/** What stands between two blocks in the reading text. */
export const BLOCK_SEPARATOR = '\n\n';

/** Where one block's text lies in the reading text: `text.slice(start, end)`. */
export interface BlockSpan {
  id: string;
  start: number;
  end: number;
}

/**
 * The canonical plain text of a source, into which every annotation offset points. Offsets are
 * UTF-16 code unit indices (JavaScript string indices).
 */
export interface ReadingText {
  text: string;
  /** Every block of the body in order, then every block of every note in note order. */
  blocks: BlockSpan[];
}

/** A position relative to one block: `offset` code units from the start of block `blockId`. */
export interface BlockPosition {
  blockId: string;
  offset: number;
}

/** What went wrong when mapping an offset. */
export type ReadingOffsetErrorCode = 'unknown-block' | 'offset-out-of-range';

/** An offset or block id that does not exist in the reading text it was used with. */
export class ReadingOffsetError extends DomainError<ReadingOffsetErrorCode> {
  override name = 'ReadingOffsetError';
}

/**
 * Builds the reading text of corpus/README.md: the text of every body block, then of every note
 * block, joined by `BLOCK_SEPARATOR`. A block's text is its runs' text without markup; note
 * references, milestones, gaps and source markers add nothing.
 */
export function readingText(source: Source): ReadingText {
  return readingTextOf(source.blocks, source.notes);
}

/** The reading text of body blocks and notes not yet part of a source (a cleaner's output). */
export function readingTextOf(bodyBlocks: readonly Block[], notes: readonly Note[]): ReadingText {
  const all = [...bodyBlocks, ...notes.flatMap((note) => note.blocks)];
  const parts: string[] = [];
  const blocks: BlockSpan[] = [];
  let offset = 0;
  for (const block of all) {
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length;
    const text = blockText(block);
    blocks.push({ id: block.id, start: offset, end: offset + text.length });
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join(BLOCK_SEPARATOR), blocks };
}

const spansById = new WeakMap<ReadingText, Map<string, BlockSpan>>();

/**
 * The reading-text offset of `offset` code units into block `blockId`. Throws a
 * `ReadingOffsetError` for an unknown block or an offset outside `0 … block length`.
 */
export function toReadingOffset(reading: ReadingText, blockId: string, offset: number): number {
  let byId = spansById.get(reading);
  if (!byId) {
    byId = new Map(reading.blocks.map((span) => [span.id, span]));
    spansById.set(reading, byId);
  }
  const span = byId.get(blockId);
  if (!span) {
    throw new ReadingOffsetError('unknown-block', `there is no block "${blockId}" in this source`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > span.end - span.start) {
    throw new ReadingOffsetError(
      'offset-out-of-range',
      `offset ${offset} lies outside block "${blockId}", ` +
        `which is ${span.end - span.start} characters long`,
    );
  }
  return span.start + offset;
}

/**
 * The block and block-relative offset of a reading-text offset: the block with
 * `start <= offset <= end` (an offset at a block's end belongs to that block). Null when the
 * offset falls strictly inside a separator or outside the text.
 */
export function fromReadingOffset(reading: ReadingText, offset: number): BlockPosition | null {
  const index = blockIndexAt(reading, offset);
  const span = index < 0 ? undefined : reading.blocks[index];
  if (!span || offset > span.end) return null;
  return { blockId: span.id, offset: offset - span.start };
}

/** Index of the last block starting at or before `offset`, or -1 (binary search). */
export function blockIndexAt(reading: ReadingText, offset: number): number {
  let low = 0;
  let high = reading.blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((reading.blocks[mid] as BlockSpan).start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Shape tests on lines and paragraph fragments: how wide a full line is, and whether a fragment
 * ends a sentence or starts in the middle of one.
 */
import type { PdfBlock } from './block-kinds.ts';
import { PAGE_MARK, SUPERSCRIPT_CLASS } from './markers.ts';

// Fewer wrapped lines than this say nothing reliable about the page's line width.
const MIN_WIDTH_SAMPLES = 20;

/** A line shorter than this share of the full width ends its paragraph (if it ends a sentence). */
export const SHORT_LINE_SHARE = 0.6;

/**
 * The typical width of a full line, in characters: the median length of the lines that are
 * followed by another line of the same text block. `undefined` when the text is not hard-wrapped
 * (too few such lines to tell).
 */
export function typicalLineWidth(blocks: readonly PdfBlock[]): number | undefined {
  const lengths: number[] = [];
  for (const block of blocks) {
    if (block.kind !== 'text') continue;
    for (const line of block.lines.slice(0, -1)) lengths.push([...line.text].length);
  }
  if (lengths.length < MIN_WIDTH_SAMPLES) return undefined;
  lengths.sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)];
}

const TRAILING_MARKS = new RegExp(`(?:${SUPERSCRIPT_CLASS}|\\*|[”’"'\\)\\]${PAGE_MARK}])+$`, 'u');

/**
 * True if the text ends a sentence or announces what follows: its last character, ignoring
 * closing quotes and brackets and a trailing note marker, is `.`, `!`, `?`, `…` or `:`.
 */
export function endsSentence(text: string): boolean {
  return /[.!?…:]$/u.test(text.trimEnd().replace(TRAILING_MARKS, ''));
}

/** True if the first letter or digit, after opening quotes and brackets, is lower-case. */
export function startsLowercase(text: string): boolean {
  const first = /[\p{L}\p{N}]/u.exec(text);
  if (first === null || !/\p{Ll}/u.test(first[0])) return false;
  return /^[\s"'“‘([*\uE000]*$/u.test(text.slice(0, first.index));
}

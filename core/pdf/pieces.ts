/**
 * The pieces a block is assembled from before it becomes inline content: styled text, note
 * markers still to be matched with their notes, page milestones and gaps. Lines are joined here:
 * with a space, or across an end-of-line hyphen with or without it.
 */
import { normalizeInlines } from '../corpus/inline-runs.ts';
import type { Inline, TextRun } from '../corpus/model.ts';
import type { WordIndex } from '../clean/text-rules/text-rules.ts';
import { joinAcrossLines } from './hyphenation.ts';
import type { PdfLine } from './model.ts';
import { SOFT_HYPHEN } from './normalize-text.ts';

/** One piece of a block being assembled. */
export type Piece =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean }
  | { kind: 'ref'; marker: string; page: number }
  | { kind: 'page'; label: string }
  | { kind: 'gap'; reason: string };

// A raised number or note symbol is a note marker; other raised text (an ordinal's `th`) is text.
const MARKER = /^\s*([0-9]{1,4}|[*†‡§¶]{1,3})\s*$/u;

/** The pieces of one line; raised markers become note references to match later. */
export function linePieces(line: PdfLine, page: number): Piece[] {
  return line.runs.map((run) => {
    const marker = run.sup ? MARKER.exec(run.text) : null;
    if (marker) return { kind: 'ref', marker: marker[1] as string, page };
    return { kind: 'text', text: run.text, bold: run.bold, italic: run.italic };
  });
}

/** The plain text of pieces, as the hyphenation rules read it. */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('');
}

/**
 * Appends a line's pieces to a block's, joining them as a reader would: a soft hyphen or a
 * typesetter's hyphen is dropped, a real hyphen kept (see `lineJoin`), otherwise one space.
 * `between` (page milestones, gaps) lands exactly where the new line begins.
 */
export function joinLine(block: Piece[], line: readonly Piece[], index: WordIndex, between: readonly Piece[] = []): void {
  // From the end: a block can hold a whole document's lines.
  const lastText = block.findLast((piece) => piece.kind === 'text');
  const left = endText(block);
  const right = piecesText(line);
  if (lastText === undefined || left === '') {
    block.push(...between, ...line);
    return;
  }
  if (left.endsWith(SOFT_HYPHEN)) {
    lastText.text = lastText.text.slice(0, -1);
    block.push(...between, ...line);
    return;
  }
  switch (joinAcrossLines(left, right, index)) {
    case 'space':
      block.push({ kind: 'text', text: ' ', bold: false, italic: false }, ...between, ...line);
      return;
    case 'drop-hyphen':
      lastText.text = lastText.text.slice(0, -1);
      block.push(...between, ...line);
      return;
    case 'keep-hyphen':
    case 'touch':
      block.push(...between, ...line);
  }
}

/**
 * The end of a block's text, as much as the rules for joining a line read: its last word and what
 * stands before it. Reading the whole block for each line made a PDF without paragraph breaks (a
 * ledger, a transcript) take time growing with the square of its length: 400 pages, 2 minutes.
 */
function endText(block: readonly Piece[]): string {
  let text = '';
  for (let i = block.length - 1; i >= 0; i -= 1) {
    const piece = block[i] as Piece;
    if (piece.kind !== 'text') continue;
    text = piece.text + text;
    // A space before the last word (and the mark ending it) bounds everything the rules look at.
    if (text.length >= 64 && /\s/u.test(text.slice(0, -2))) return text;
  }
  return text;
}

/** Inline content from pieces whose note markers have been resolved; spaces never inside emphasis edges. */
export function toInlines(pieces: readonly Piece[], resolve: (ref: { marker: string; page: number }) => Inline): Inline[] {
  const out: Inline[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'ref') out.push(resolve(piece));
    else if (piece.kind === 'page') out.push({ type: 'page', label: piece.label });
    else if (piece.kind === 'gap') out.push({ type: 'gap', reason: piece.reason });
    else out.push(...styledRuns(piece));
  }
  return normalizeInlines(tidySpaces(out));
}

// Leading and trailing spaces of an emphasised piece go outside the emphasis.
function styledRuns(piece: Extract<Piece, { kind: 'text' }>): TextRun[] {
  if (!piece.bold && !piece.italic) return [{ type: 'text', text: piece.text }];
  const match = /^(\s*)(.*?)(\s*)$/su.exec(piece.text) as RegExpExecArray;
  const [, lead = '', core = '', trail = ''] = match;
  const marked: TextRun = { type: 'text', text: core };
  if (piece.italic) marked.em = true;
  if (piece.bold) marked.strong = true;
  const runs: TextRun[] = [{ type: 'text', text: lead }, marked, { type: 'text', text: trail }];
  return runs.filter((run) => run.text !== '');
}

// One space between words, none at either end of the block or before a note reference.
function tidySpaces(inlines: Inline[]): Inline[] {
  let previousEndsSpace = true;
  for (const inline of inlines) {
    if (inline.type !== 'text') continue;
    inline.text = inline.text.replace(/\s{2,}/gu, ' ');
    if (previousEndsSpace) inline.text = inline.text.replace(/^\s+/u, '');
    if (inline.text !== '') previousEndsSpace = /\s$/u.test(inline.text);
  }
  for (let i = inlines.length - 1; i >= 0; i -= 1) {
    const inline = inlines[i] as Inline;
    if (inline.type !== 'text') continue;
    inline.text = inline.text.replace(/\s+$/u, '');
    if (inline.text !== '') break;
  }
  for (let i = 1; i < inlines.length; i += 1) {
    const before = inlines[i - 1] as Inline;
    if (inlines[i]?.type === 'noteRef' && before.type === 'text') before.text = before.text.replace(/\s+$/u, '');
  }
  return inlines.filter((inline) => inline.type !== 'text' || inline.text !== '');
}

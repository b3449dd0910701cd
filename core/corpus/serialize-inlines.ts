import { isMdAsciiPunct, isPunctCharCode, isWhiteSpace } from './markdown-chars.ts';
import { type Piece, encodeChar, layoutPieces, startsEntityLike } from './inline-pieces.ts';
import type { Inline } from './model.ts';
import { SourceFormatError } from './source-format-error.ts';

/** Where a line of inlines stands, which decides the escapes it needs at its edges. */
export type LineKind = 'heading' | 'text';

/**
 * Writes a block's inlines as one line of Markdown that markdown-it (as configured by
 * `createMarkdownParser`) reads back as exactly the same inlines. Syntax characters are escaped
 * with a backslash; where CommonMark's emphasis rules or block trimming would misread a
 * character next to a delimiter or at the edge of the line, that character is written as a
 * numeric character reference (`&#32;`), which reads back as itself.
 */
export function serializeInlines(content: readonly Inline[], kind: LineKind): string {
  const pieces = layoutPieces(content);
  // Each pass only ever escapes or encodes more characters, so this terminates.
  for (let round = 0; ; round++) {
    const edges = fixEdges(pieces, kind);
    const flanking = fixFlanking(pieces);
    if (!edges && !flanking) break;
    if (round > pieces.length + 2) {
      throw new SourceFormatError('unrepresentable', 'could not lay out the emphasis of a block');
    }
  }
  return join(pieces);
}

function fixEdges(pieces: Piece[], kind: LineKind): boolean {
  let changed = false;
  const first = pieces[0];
  const last = pieces.at(-1);
  // markdown-it trims spaces and tabs off block content; four leading spaces would make code.
  for (const edge of [first, last]) {
    if (edge?.kind === 'char' && !edge.encoded && (edge.ch === ' ' || edge.ch === '\t')) {
      changed = encode(edge) || changed;
    }
  }
  if (kind === 'heading') {
    // A heading's trailing `#`s after a space are a closing sequence, not text.
    if (last?.kind === 'char' && last.out === '#') changed = escape(last) || changed;
    return changed;
  }
  if (first?.kind === 'char' && first.out === first.ch && '#>-+~'.includes(first.ch)) {
    changed = escape(first) || changed;
  }
  changed = escapeListNumber(pieces) || changed;
  const second = pieces[1];
  // `[^1]:` at the start of a line would define a note rather than refer to one.
  if (first?.kind === 'atom' && first.noteRef && second?.kind === 'char' && second.out === ':') {
    changed = escape(second) || changed;
  }
  return changed;
}

/** `1960. ` or `3) ` at the start of a line would open a numbered list: escape the `.` or `)`. */
function escapeListNumber(pieces: Piece[]): boolean {
  let i = 0;
  while (i < 9 && isPlainChar(pieces[i], /[0-9]/)) i++;
  if (i === 0 || !isPlainChar(pieces[i], /[.)]/)) return false;
  const after = pieces[i + 1];
  const spaceAfter = after?.kind === 'char' && (after.out === ' ' || after.out === '\t');
  if (after !== undefined && !spaceAfter) return false;
  return escape(pieces[i] as Piece);
}

function isPlainChar(piece: Piece | undefined, pattern: RegExp): boolean {
  return piece?.kind === 'char' && piece.out === piece.ch && pattern.test(piece.ch);
}

function escape(piece: Piece): boolean {
  if (piece.kind !== 'char' || piece.out !== piece.ch) return false;
  piece.out = `\\${piece.ch}`;
  return true;
}

function encode(piece: Piece): boolean {
  if (piece.kind !== 'char' || piece.encoded) return false;
  piece.out = encodeChar(piece.ch);
  piece.encoded = true;
  return true;
}

/**
 * Makes every emphasis delimiter run able to do its job under CommonMark's flanking rules, by
 * encoding the neighbouring character where needed (an encoded character counts as punctuation).
 */
function fixFlanking(pieces: Piece[]): boolean {
  let changed = false;
  for (let i = 0; i < pieces.length; ) {
    const piece = pieces[i] as Piece;
    if ((piece.kind !== 'open' && piece.kind !== 'close') || piece.marker === '') {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < pieces.length && sameRun(piece, pieces[j + 1])) j++;
    changed = fixRun(pieces, i, j, piece.kind === 'open', piece.marker) || changed;
    i = j + 1;
  }
  return changed;
}

function sameRun(a: Piece, b: Piece | undefined): boolean {
  if (b === undefined || b.kind !== a.kind) return false;
  return (a.kind === 'open' || a.kind === 'close') && a.marker === (b as typeof a).marker;
}

function fixRun(
  pieces: Piece[],
  i: number,
  j: number,
  opening: boolean,
  marker: '*' | '_',
): boolean {
  const left = pieces[i - 1];
  const right = pieces[j + 1];
  const encodable = (p: Piece | undefined): p is Piece & { kind: 'char' } =>
    p?.kind === 'char' && !p.encoded;
  const options: [boolean, boolean][] = [
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ];
  for (const [encLeft, encRight] of options) {
    if ((encLeft && !encodable(left)) || (encRight && !encodable(right))) continue;
    const before = encLeft ? 0x3b /* ; */ : lastCode(left);
    const after = encRight ? 0x26 /* & */ : firstCode(right);
    if (delimiterWorks(before, after, opening, marker)) {
      let changed = false;
      if (encLeft && left) changed = encode(left) || changed;
      if (encRight && right) changed = encode(right) || changed;
      return changed;
    }
  }
  throw new SourceFormatError('unrepresentable', 'could not place an emphasis delimiter');
}

/** Mirrors markdown-it's `scanDelims`: can this run open (or close) emphasis between these? */
function delimiterWorks(
  before: number,
  after: number,
  opening: boolean,
  marker: '*' | '_',
): boolean {
  const punctBefore = isMdAsciiPunct(before) || isPunctCharCode(before);
  const punctAfter = isMdAsciiPunct(after) || isPunctCharCode(after);
  const spaceBefore = isWhiteSpace(before);
  const spaceAfter = isWhiteSpace(after);
  const leftFlanking = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const rightFlanking = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (opening) return leftFlanking && (marker === '*' || !rightFlanking || punctBefore);
  return rightFlanking && (marker === '*' || !leftFlanking || punctAfter);
}

// The start and end of a line read as spaces; so does the end of a link's text, because
// markdown-it scans the text between `[` and `]` on its own.
function lastCode(piece: Piece | undefined): number {
  if (piece === undefined) return 0x20;
  const chars = Array.from(piece.out);
  return chars.at(-1)?.codePointAt(0) ?? 0x20;
}

function firstCode(piece: Piece | undefined): number {
  if (piece === undefined) return 0x20;
  if (piece.kind === 'close' && piece.marker === '') return 0x20;
  return piece.out.codePointAt(0) ?? 0x20;
}

// Collected in an array and joined once: appending character by character builds a rope of one
// node per character, which the finished file would hold (about 40 bytes a character) until written.
function join(pieces: readonly Piece[]): string {
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    if (piece.kind === 'char' && piece.out === '&') {
      const rest = pieces.slice(i + 1, i + 44).map((p) => p.out).join('');
      out.push(startsEntityLike(`&${rest}`) ? '\\&' : '&');
    } else if (piece.kind === 'char' && piece.out === '!' && pieces[i + 1]?.out.startsWith('[')) {
      out.push('\\!'); // `![` would start an image
    } else if (piece.kind === 'char' && piece.out === '^' && pieces[i - 1]?.out === '[') {
      out.push('\\^'); // `[^` would start a note reference
    } else {
      out.push(piece.out);
    }
  }
  return out.join('');
}

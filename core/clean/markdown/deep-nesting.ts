/**
 * Markdown nested deeper than a parser reads it. markdown-it parses quotations and lists by
 * recursion and, past its `maxNesting` level, skips the rest of the container: its text is lost.
 * Below `NESTING_CAP` the rest of such a container is read line by line instead, so every word
 * is kept, in order, and only the deeper structure is flattened.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

/** Token levels of block nesting read as Markdown; deeper content is flattened (a list level takes two). */
export const NESTING_CAP = 60;

/** What a flattened paragraph was in the file: a list item, a quotation, or text continuing one. */
export type FlattenedKind = 'item' | 'quote' | 'text';

/** The `meta` of a `paragraph_open` token made by flattening. */
export interface FlattenedMeta {
  flattened: FlattenedKind;
}

const QUOTE_MARKER = /^[ \t]*>[ \t]?/;
const BULLET_MARKER = /^[ \t]*[-+*](?:[ \t]+|$)/;
const ORDERED_MARKER = /^[ \t]*(\d{1,9})[.)](?:[ \t]+|$)/;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Makes `md` flatten, rather than drop, whatever lies more than `NESTING_CAP` levels deep. */
export function capNesting(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number): void => {
    if (state.level < NESTING_CAP) tokenize(state, startLine, endLine);
    else flattenLines(state, startLine, endLine);
  };
}

/**
 * Reads the container's remaining lines as paragraphs: a line that opens a list item starts one,
 * other lines continue the open one (or start one), and a line blank once its markers are
 * stripped ends it.
 * An ordered item keeps its number as text ("3. "), as the cleaner keeps it for any item.
 */
function flattenLines(state: StateBlock, startLine: number, endLine: number): void {
  let line = startLine;
  let open: { kind: FlattenedKind; text: string; start: number } | undefined;
  const close = (end: number): void => {
    if (open && open.text.trim() !== '') pushParagraph(state, open.kind, open.text.trim(), open.start, end);
    open = undefined;
  };
  for (; line < endLine; line += 1) {
    if (state.isEmpty(line)) {
      close(line);
      continue;
    }
    // The container ends where a line is indented less than its content (as markdown-it decides).
    if (state.sCount[line]! < state.blkIndent) break;
    const { kind, text } = stripMarkers(state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]));
    if (text === '') {
      close(line);
      continue;
    }
    // Quotation markers alone do not start a paragraph: every line of a deep quotation has them.
    if (open && kind !== 'item') {
      open.text += ` ${text}`;
      continue;
    }
    close(line);
    open = { kind, text, start: line };
  }
  close(line);
  state.line = line;
}

function stripMarkers(raw: string): { kind: FlattenedKind; text: string } {
  let rest = raw;
  let kind: FlattenedKind = 'text';
  let number = '';
  for (;;) {
    const quote = QUOTE_MARKER.exec(rest);
    if (quote) {
      rest = rest.slice(quote[0].length);
      if (kind === 'text') kind = 'quote';
      continue;
    }
    // A thematic break ("- - -", "***") holds no text.
    if (THEMATIC_BREAK.test(rest)) return { kind, text: '' };
    const bullet = BULLET_MARKER.exec(rest);
    if (bullet) {
      rest = rest.slice(bullet[0].length);
      kind = 'item';
      number = '';
      continue;
    }
    const ordered = ORDERED_MARKER.exec(rest);
    if (ordered) {
      rest = rest.slice(ordered[0].length);
      kind = 'item';
      number = `${ordered[1]}. `;
      continue;
    }
    break;
  }
  const text = rest.trim();
  return { kind, text: text === '' ? '' : `${number}${text}` };
}

function pushParagraph(state: StateBlock, kind: FlattenedKind, text: string, start: number, end: number): void {
  const open = state.push('paragraph_open', 'p', 1);
  open.map = [start, end];
  open.meta = { flattened: kind } satisfies FlattenedMeta;
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [start, end];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
}

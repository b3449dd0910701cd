import type { Block, TextRun } from '../../corpus/model.ts';
import type { CleanedBody } from '../cleaned-body.ts';
import { Progress } from '../progress.ts';
import {
  buildWordIndex,
  joinFragments,
  typesetParagraph,
  type WordIndex,
} from '../text-rules/text-rules.ts';

/**
 * Cleans plain text typed or saved by hand (raw form `plain`).
 *
 * Guarantees: a blank line (or a form feed) ends a paragraph; the hard-wrapped lines of a
 * paragraph are joined with a space, or, after a line-end hyphen, as the PDF cleaner joins them
 * (a split word rejoined only when the text itself or a bare suffix shows it was split); but the
 * lines of a text saved one paragraph per line (a line before the last longer than any wrapping)
 * are each a paragraph. A line starting with a bullet (`-`, `*`, `+`, `•`) starts a list item.
 * Typography as in `typesetParagraph`. The wording is otherwise unchanged; nothing is guessed to
 * be a heading. No notes, no `found` metadata (plain text states none); block ids are empty. How
 * far it has come goes to `onProgress`.
 */
export function cleanPlainText(raw: string, onProgress?: (fraction: number) => void): CleanedBody {
  const progress = new Progress(onProgress);
  const paragraphs = splitParagraphs(raw).flatMap((lines) => (unwrapped(lines) ? lines.map((line) => [line]) : [lines]));
  const index = buildWordIndex(paragraphs.flat());
  // Splitting the text and indexing its words take about a third of the time; setting the paragraphs the rest.
  const setting = progress.pass(0.35, 1);
  const blocks: Block[] = [];
  for (const [at, lines] of paragraphs.entries()) {
    setting(at / paragraphs.length);
    for (const piece of splitItems(lines)) {
      const text = typesetParagraph(joinLines(piece.lines, index));
      if (text === '') continue;
      const run: TextRun = { type: 'text', text };
      blocks.push({ type: piece.item ? 'item' : 'paragraph', id: '', content: [run] });
    }
  }
  progress.end();
  return { blocks, notes: [] };
}

const BULLET = /^[-*+•‣◦▪–]\s+(?=\S)/u;

/** The lines of each paragraph, trimmed, without blank lines; a form feed counts as a blank line. */
function splitParagraphs(raw: string): string[][] {
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?|\f/g, (m) => (m === '\f' ? '\n\n' : '\n'));
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines.split('\n')) {
    const trimmed = line.replace(/[\s\u00A0]+$/u, '').replace(/^[ \t\u00A0]+/u, '');
    if (trimmed === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(trimmed);
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

// Longer than text is ever hard-wrapped (editors and mail wrap at 70 to 80 characters, scans' lines at about 100).
const UNWRAPPED_LINE = 120;

/**
 * Whether a run of lines was written one paragraph per line rather than wrapped, as Word and
 * LibreOffice save a document as plain text, without a blank line between paragraphs: a line
 * before the last runs longer than any wrapping, so its line end cannot be a wrap. Joined, a whole
 * document's headings, paragraphs and table cells ran together as one paragraph.
 */
function unwrapped(lines: readonly string[]): boolean {
  return lines.slice(0, -1).some((line) => line.length > UNWRAPPED_LINE);
}

/** A paragraph cut at every bulleted line: text before the first bullet stays a paragraph. */
function splitItems(lines: string[]): { item: boolean; lines: string[] }[] {
  const pieces: { item: boolean; lines: string[] }[] = [];
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    const last = pieces.at(-1);
    if (bullet) pieces.push({ item: true, lines: [line.slice(bullet[0].length)] });
    else if (last) last.lines.push(line);
    else pieces.push({ item: false, lines: [line] });
  }
  return pieces;
}

function joinLines(lines: string[], index: WordIndex): string {
  let text = lines[0] ?? '';
  for (const line of lines.slice(1)) text = joinFragments(text, line, index);
  return text;
}

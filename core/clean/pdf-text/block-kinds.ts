/**
 * What each block of a PDF-extracted text is: running text, a footnote printed at a page foot, or
 * a stray glyph left over from a running head or footer.
 */
import { SUPERSCRIPT_CLASS, superscriptToDigits } from './markers.ts';
import type { SourceLine } from './source-lines.ts';

/** A footnote as printed at a page foot: its label (`1`, `*`) and its lines, label removed. */
export interface RawNote {
  label: string;
  lines: string[];
}

/** One block of the raw text, classified. */
export type PdfBlock =
  | { kind: 'text'; lines: SourceLine[] }
  | { kind: 'notes'; notes: RawNote[]; lines: SourceLine[] }
  | { kind: 'glyph'; lines: SourceLine[] };

const NUMBERED_NOTE = new RegExp(`^(${SUPERSCRIPT_CLASS}+)\\s+(\\S.*)$`, 'u');
const STAR_NOTE = /^\*\s+(\S.*)$/u;

/**
 * Classifies blocks. A block whose first line starts with a superscript number and a space is a
 * group of footnotes (a new note starts at every such line). A `* ` block is the starred note
 * (an author note) only next to numbered notes, since elsewhere `* ` may start a bullet. Stray
 * glyphs at the start or end of a block (remnants of a page's head or foot) become glyph blocks.
 */
export function classifyBlocks(blocks: readonly SourceLine[][]): PdfBlock[] {
  const numbered = blocks.map((block) => NUMBERED_NOTE.test(block[0]?.text ?? ''));
  return blocks.flatMap((lines, i): PdfBlock[] => {
    if (numbered[i]) return [{ kind: 'notes', notes: splitNotes(lines), lines }];
    const first = lines[0]?.text ?? '';
    if (STAR_NOTE.test(first) && (numbered[i - 1] === true || numbered[i + 1] === true)) {
      return [{ kind: 'notes', notes: splitNotes(lines), lines }];
    }
    return splitGlyphs(lines);
  });
}

// A glyph sits at a page's head or foot, so only the first and last lines of a block can be one;
// it is split off as a block of its own so the flow sees the page boundary it marks.
function splitGlyphs(lines: readonly SourceLine[]): PdfBlock[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isStrayGlyph(lines[start]?.text ?? '')) start += 1;
  while (end > start && isStrayGlyph(lines[end - 1]?.text ?? '')) end -= 1;
  const out: PdfBlock[] = [];
  if (start > 0) out.push({ kind: 'glyph', lines: lines.slice(0, start) });
  if (end > start) out.push({ kind: 'text', lines: lines.slice(start, end) });
  if (end < lines.length) out.push({ kind: 'glyph', lines: lines.slice(end) });
  return out;
}

/**
 * True for a line too short to be text: one or two characters, none of them a digit or a
 * punctuation mark that could end a sentence (`I.` may close a paragraph; `h` cannot).
 */
export function isStrayGlyph(text: string): boolean {
  return [...text].length <= 2 && !/[\p{N}.,;:!?)\]]/u.test(text);
}

function splitNotes(lines: readonly SourceLine[]): RawNote[] {
  const notes: RawNote[] = [];
  for (const line of lines) {
    const numbered = NUMBERED_NOTE.exec(line.text);
    // Only the block's first line can open the starred note; later `* ` lines continue a note.
    const starred = notes.length === 0 ? STAR_NOTE.exec(line.text) : null;
    if (numbered) {
      notes.push({ label: superscriptToDigits(numbered[1] ?? ''), lines: [numbered[2] ?? ''] });
    } else if (starred) {
      notes.push({ label: '*', lines: [starred[1] ?? ''] });
    } else {
      notes.at(-1)?.lines.push(line.text);
    }
  }
  return notes;
}

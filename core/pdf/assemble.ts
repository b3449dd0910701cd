/**
 * From the laid-out pages of a whole PDF to a cleaned body: running heads and feet removed,
 * footnotes separated and linked to their markers, headings found, lines joined into paragraphs
 * across columns and pages, and a page milestone where each printed page begins.
 */
import type { Block, Inline, Note } from '../corpus/model.ts';
import type { CleanedBody } from '../clean/cleaned-body.ts';
import type { WordIndex } from '../clean/text-rules/text-rules.ts';
import { splitFootnotes, type PrintedNote } from './footnotes.ts';
import { bodySizeOf, headingClass, headingLevels } from './headings.ts';
import { lineWordIndex } from './hyphenation.ts';
import type { PageLayout } from './model.ts';
import { choosePageLabels, type PageLabels } from './page-labels.ts';
import { columnStats, startsParagraph, type BodyLine, type OpenParagraph } from './paragraph-breaks.ts';
import { joinLine, linePieces, toInlines, type Piece } from './pieces.ts';
import { findRunningHeads } from './running-heads.ts';

/** The outcome of assembling a PDF's pages. */
export interface AssembledPdf {
  body: CleanedBody;
  labels: PageLabels;
  /** Page indexes (1-based) of the pages that have no text layer. */
  textless: number[];
  /** The size of the running text, in points. */
  bodySize: number;
}

/** A laid-out page, or null for a page without a text layer. */
export type AssemblyPage = PageLayout | null;

interface Draft {
  heading?: { level: number; key: string };
  item?: true;
  pieces: Piece[];
  last: BodyLine;
  open: OpenParagraph;
}

/**
 * Assembles the pages (in PDF order) into blocks and notes. `pdfLabels` are the PDF's own page
 * labels, or null when it has none.
 */
export function assemblePdf(pages: readonly AssemblyPage[], pdfLabels: readonly string[] | null): AssembledPdf {
  const textless = pages.flatMap((page, i) => (page === null || page.chars === 0 ? [i + 1] : []));
  const present = pages.map((page) => (page === null || page.chars === 0 ? null : page));
  const bodySize = bodySizeOf(present);
  const heads = findRunningHeads(present, bodySize);
  const labels = choosePageLabels(pages.length, pdfLabels, heads.printed);
  const bodyLines: BodyLine[][] = [];
  const printedNotes: PrintedNote[] = [];
  let lastMarker = 0;
  present.forEach((page, index) => {
    if (!page) {
      bodyLines.push([]);
      return;
    }
    const kept = page.lines.filter((_line, i) => !heads.removed[index]?.has(i));
    const lastNote = printedNotes.at(-1)?.lines.at(-1);
    const split = splitFootnotes(kept, page.height, bodySize, index, lastMarker, lastNote?.size);
    if (split.continuation.length > 0 && printedNotes.length > 0) (printedNotes.at(-1) as PrintedNote).lines.push(...split.continuation);
    else if (split.continuation.length > 0) split.body.push(...split.continuation);
    for (const note of split.notes) {
      printedNotes.push(note);
      if (/^\d+$/u.test(note.marker)) lastMarker = Number(note.marker);
    }
    bodyLines.push(split.body.map((line) => ({ line, page: index })));
  });
  const index = lineWordIndex([bodyLines.flat().map((b) => b.line.text), ...printedNotes.map((n) => n.lines.map((l) => l.text))]);
  const drafts = flowBlocks(bodyLines, present, labels, bodySize, index);
  const notes = noteDrafts(printedNotes, index);
  const resolver = noteResolver(notes);
  const blocks: Block[] = drafts.map((draft) => {
    const content = toInlines(draft.pieces, resolver.resolve);
    if (draft.heading) return { type: 'heading', id: '', level: draft.heading.level, content: content.map(plainHeadingRun) };
    return { type: draft.item ? 'item' : 'paragraph', id: '', content };
  });
  const noteList: Note[] = notes.map((note) => ({
    label: note.label,
    blocks: [{ type: 'paragraph', id: '', content: toInlines(note.pieces, resolver.resolve) }],
  }));
  return { body: { blocks, notes: inReferenceOrder(noteList, blocks) }, labels, textless, bodySize };
}

// A heading set in bold is a heading, not a bold passage.
function plainHeadingRun(inline: Inline): Inline {
  if (inline.type !== 'text' || !inline.strong) return inline;
  const { strong: _strong, ...rest } = inline;
  return rest;
}

function flowBlocks(bodyLines: readonly BodyLine[][], pages: readonly AssemblyPage[], labels: PageLabels, bodySize: number, index: WordIndex): Draft[] {
  // A column's edges come from its page; a page with too few lines to tell takes the document's.
  const documentStats = columnStats(bodyLines.flat().map((b) => b.line), bodySize);
  const stats = bodyLines.map((lines) => {
    const own = columnStats(lines.map((b) => b.line), bodySize, 3);
    return new Map([...documentStats, ...own]);
  });
  const spacing = lineSpacing(bodyLines, bodySize);
  const classes = bodyLines.flat().map((b) => headingClass(b.line, bodySize));
  const levels = headingLevels(classes.filter((c): c is string => c !== undefined));
  const drafts: Draft[] = [];
  let pending: Piece[] = [];
  let forceBreak = false;
  let current: Draft | undefined;
  let n = 0;
  bodyLines.forEach((lines, page) => {
    const label = labels.labels[page];
    if (label !== undefined) pending.push({ kind: 'page', label });
    if (pages[page] === null) {
      pending.push({ kind: 'gap', reason: `page ${page + 1} of the PDF has no text layer` });
      forceBreak = true;
    }
    lines.forEach((bodyLine, i) => {
      let cls = classes[n++];
      const underHeading = current?.heading !== undefined && current.last.page === page && current.last.line.y - bodyLine.line.y < 2 * bodyLine.line.size;
      // A heading's last line may hold no word ("1961" after "…Naval Base, 1960–"): it is the
      // heading's when it is set as the heading is, right below it.
      if (cls === undefined && underHeading && headingClass(bodyLine.line, bodySize, true) === current?.heading?.key) cls = current?.heading?.key;
      const pieces = linePieces(bodyLine.line, page);
      const bullet = stripBullet(pieces);
      const level = cls === undefined ? undefined : levels.get(cls);
      const sameHeading = underHeading && level !== undefined && current?.heading?.key === cls;
      const continues =
        current !== undefined &&
        !forceBreak &&
        !bullet &&
        (sameHeading ||
          (level === undefined && current.heading === undefined && !startsParagraph(current.open, current.last, bodyLine, lines[i + 1], { stats, spacing })));
      if (continues && current) {
        joinLine(current.pieces, pieces, index, pending);
        current.open.before = current.last.line;
        current.open.lines += 1;
        current.last = bodyLine;
      } else {
        current = { pieces: [...pending, ...pieces], last: bodyLine, open: { lines: 1, heading: level !== undefined && !bullet } };
        if (level !== undefined && cls !== undefined && !bullet) current.heading = { level, key: cls };
        if (bullet) current.item = true;
        drafts.push(current);
      }
      pending = [];
      forceBreak = false;
    });
  });
  if (pending.length > 0 && current) current.pieces.push(...pending);
  return drafts;
}

// A bullet at the start of a line opens a list item; the bullet itself is not text.
function stripBullet(pieces: Piece[]): boolean {
  const first = pieces[0];
  if (first?.kind !== 'text') return false;
  const match = /^[•◦▪‣●■]\s*/u.exec(first.text);
  if (!match) return false;
  first.text = first.text.slice(match[0].length);
  if (first.text === '') pieces.shift();
  return true;
}

// The usual distance between the baselines of two lines of running text.
function lineSpacing(bodyLines: readonly BodyLine[][], bodySize: number): number {
  const gaps: number[] = [];
  for (const lines of bodyLines) {
    for (let i = 1; i < lines.length; i += 1) {
      const a = (lines[i - 1] as BodyLine).line;
      const b = (lines[i] as BodyLine).line;
      const gap = a.y - b.y;
      if (a.column === b.column && gap > 0 && gap < 3 * bodySize && Math.abs(a.size - bodySize) < 0.1 * bodySize) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return 1.2 * bodySize;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] as number;
}

interface NoteDraft {
  label: string;
  marker: string;
  page: number;
  pieces: Piece[];
}

// Each printed note as one paragraph; a number printed twice (notes numbered by page) gets a suffix.
function noteDrafts(printed: readonly PrintedNote[], index: WordIndex): NoteDraft[] {
  const used = new Set<string>();
  return printed.map((note) => {
    let label = note.marker;
    for (let k = 2; used.has(label); k += 1) label = `${note.marker}-${k}`;
    used.add(label);
    const pieces: Piece[] = [];
    for (const line of note.lines) joinLine(pieces, linePieces(line, note.page), index);
    return { label, marker: note.marker, page: note.page, pieces };
  });
}

// A marker is linked to the note with its number on its page, else on the next or previous page;
// a marker with no such note stays as a source marker, never in the reading text.
function noteResolver(notes: readonly NoteDraft[]): { resolve: (ref: { marker: string; page: number }) => Inline } {
  const byKey = new Map<string, NoteDraft>();
  for (const note of notes) {
    const key = `${note.page}:${note.marker}`;
    if (!byKey.has(key)) byKey.set(key, note);
  }
  return {
    resolve: (ref) => {
      for (const page of [ref.page, ref.page + 1, ref.page - 1]) {
        const note = byKey.get(`${page}:${ref.marker}`);
        if (note) return { type: 'noteRef', label: note.label };
      }
      return { type: 'marker', label: ref.marker };
    },
  };
}

/** Orders notes by first reference in the body; unreferenced notes follow in printed order. */
function inReferenceOrder(notes: readonly Note[], body: readonly Block[]): Note[] {
  const order = new Map<string, number>();
  for (const block of body) {
    for (const inline of block.content) {
      if (inline.type === 'noteRef' && !order.has(inline.label)) order.set(inline.label, order.size);
    }
  }
  const rank = (note: Note): number => order.get(note.label) ?? order.size + notes.indexOf(note);
  return [...notes].sort((a, b) => rank(a) - rank(b));
}

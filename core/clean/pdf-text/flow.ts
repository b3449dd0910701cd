/**
 * The text flow across blocks and pages: footnote groups and stray glyphs are lifted out, and a
 * paragraph cut by a page break is rejoined, with the break recorded on the line that starts the
 * new page.
 */
import type { PdfBlock, RawNote } from './block-kinds.ts';
import type { Draft } from './draft.ts';
import { isNumberedHeading, splitSegments } from './segments.ts';
import type { SourceLine } from './source-lines.ts';
import { endsSentence, startsLowercase } from './text-shape.ts';

/** The body drafts in reading order and the footnotes in printed order. */
export interface Flow {
  drafts: Draft[];
  notes: RawNote[];
}

/**
 * Assembles the flow. Between two text blocks a page break is recognised by a footnote group or a
 * stray glyph between them (a page foot), by a marked page top, by a blank line that cuts a
 * sentence (the next block starts in lower case), or by a blank line inside a list whose items
 * are otherwise not separated by blank lines. At a page break a paragraph that does not end a
 * sentence continues into the next block. The first line of the text always starts a page.
 */
export function assembleFlow(
  blocks: readonly PdfBlock[],
  pageTops: ReadonlySet<SourceLine>,
  width: number | undefined,
): Flow {
  const drafts: Draft[] = [];
  const notes: RawNote[] = [];
  let pageFoot = false;
  let tightList = false;
  for (const block of blocks) {
    if (block.kind === 'notes') notes.push(...block.notes);
    if (block.kind !== 'text') {
      pageFoot = true;
      continue;
    }
    const segments = splitSegments(block.lines, pageTops, width);
    const first = segments[0];
    const previous = drafts.at(-1);
    if (first && previous) {
      const listCut = tightList && previous.role === 'item' && first.role === 'item';
      if (pageFoot || isPageStart(first) || cutsSentence(previous, first) || listCut) {
        markPageStart(first);
        if (continues(previous, first)) {
          // A heading-like line that runs on into the next page was the start of a paragraph.
          previous.role = previous.role === 'heading' ? 'text' : previous.role;
          previous.lines.push(...first.lines);
          segments.shift();
        }
      }
    } else if (first) {
      markPageStart(first);
    }
    drafts.push(...segments);
    // A list printed without blank lines between its items has a blank line only at a page break.
    tightList = segments.filter((segment) => segment.role === 'item').length >= 2;
    pageFoot = false;
  }
  return { drafts, notes };
}

function isPageStart(draft: Draft): boolean {
  return draft.lines[0]?.pageStart === true;
}

function markPageStart(draft: Draft): void {
  const line = draft.lines[0];
  if (line) line.pageStart = true;
}

function lastText(draft: Draft): string {
  return draft.lines.at(-1)?.text ?? '';
}

function cutsSentence(previous: Draft, next: Draft): boolean {
  return (
    next.role === 'text' &&
    !isNumberedHeading(lastText(previous)) &&
    !endsSentence(lastText(previous)) &&
    startsLowercase(next.lines[0]?.text ?? '')
  );
}

function continues(previous: Draft, next: Draft): boolean {
  const text = lastText(previous);
  if (next.role !== 'text' || endsSentence(text)) return false;
  // A short capitalised line alone before a page foot looks like a heading; it is one unless
  // the next page goes on in lower case.
  return (
    previous.role !== 'heading' ||
    (!isNumberedHeading(text) && startsLowercase(next.lines[0]?.text ?? ''))
  );
}

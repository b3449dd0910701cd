/**
 * Splitting one blank-line-separated block into paragraphs. At a page top the extraction puts no
 * blank line, so a paragraph also ends after a short line that ends a sentence, and a numbered
 * section heading stands on its own.
 */
import type { Draft, DraftRole } from './draft.ts';
import type { SourceLine } from './source-lines.ts';
import { endsSentence, SHORT_LINE_SHARE } from './text-shape.ts';

const BULLET = /^[-•]\s+(?=\S)/u;
const NUMBERED_HEADING = /^\d{1,2}\.\s+[\p{Lu}\p{N}]/u;
const MAX_HEADING_LENGTH = 100;

/** True for a numbered section heading such as `6. A Re-Emerging of the Crisis`. */
export function isNumberedHeading(text: string, width?: number): boolean {
  const length = [...text].length;
  return (
    NUMBERED_HEADING.test(text) &&
    !/[.,;:!?]$/u.test(text) &&
    length <= MAX_HEADING_LENGTH &&
    (width === undefined || length < width * 0.8)
  );
}

/**
 * True for a line that can stand as an unnumbered heading when it is a block of its own: it
 * starts with a capital or digit, is at most 100 characters long and has no final punctuation.
 */
export function isHeadingLike(text: string): boolean {
  return (
    /^[\p{Lu}\p{N}]/u.test(text) &&
    [...text].length <= MAX_HEADING_LENGTH &&
    !/[.,;:!?]$/u.test(text)
  );
}

/**
 * Splits a block into drafts. A bullet line starts a list item (later unbulleted lines continue
 * it); a numbered heading is a draft of its own; when the line width is known, a line shorter than
 * 60% of it that ends a sentence closes its paragraph. Lines in `pageTops` start a printed page.
 */
export function splitSegments(
  lines: readonly SourceLine[],
  pageTops: ReadonlySet<SourceLine>,
  width: number | undefined,
): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let closed = true;
  for (const line of lines) {
    const bullet = BULLET.exec(line.text);
    const heading = !bullet && isNumberedHeading(line.text, width);
    const role: DraftRole = bullet ? 'item' : heading ? 'heading' : 'text';
    const text = bullet ? line.text.slice(bullet[0].length) : line.text;
    if (closed || bullet || heading || current?.role === 'heading' || !current) {
      current = { role, lines: [] };
      drafts.push(current);
    }
    current.lines.push({ text, pageStart: pageTops.has(line) });
    const short = width !== undefined && [...line.text].length < width * SHORT_LINE_SHARE;
    closed = short && endsSentence(line.text);
  }
  const only = drafts[0];
  if (lines.length === 1 && only?.role === 'text' && isHeadingLike(only.lines[0]?.text ?? '')) {
    only.role = 'heading';
  }
  return drafts;
}

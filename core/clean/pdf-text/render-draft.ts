/**
 * A draft's printed lines as one paragraph string: hard wraps undone, soft hyphens removed, and
 * a page mark on the exact character where each new page begins (inside a word if need be).
 */
import type { Draft } from './draft.ts';
import { joinFragments, type WordIndex } from '../text-rules/text-rules.ts';
import { PAGE_MARK } from './markers.ts';

/** Joins a draft's lines into one string, `PAGE_MARK` before the first character of each page. */
export function renderDraft(draft: Draft, index: WordIndex): string {
  let text = '';
  for (const [i, line] of draft.lines.entries()) {
    const mark = line.pageStart ? PAGE_MARK : '';
    text = i === 0 ? mark + line.text : joinFragments(text, line.text, index, mark);
  }
  return text;
}

/** Joins the lines of a footnote into one string (notes carry no page marks). */
export function renderNoteLines(lines: readonly string[], index: WordIndex): string {
  return lines.reduce((text, line, i) => (i === 0 ? line : joinFragments(text, line, index)), '');
}

/**
 * Text of an HTML page as runs of a block, the same way whichever reader found it: characters
 * normalised, "..." as "…", apostrophes curled, whitespace collapsed as a browser collapses it.
 */
import type { Inline, TextRun } from '../../corpus/model.ts';
import { normalizeApostrophes, normalizeCharacters, toEllipsis } from '../text-rules/text-rules.ts';

/** The emphasis and link a run of page text carries. */
export interface HtmlMarks {
  em: boolean;
  strong: boolean;
  href: string | undefined;
}

/** Links Apparatus keeps: http(s) and mailto; any other target is dropped, its text kept. */
export const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** A run of a page's text with its marks; undefined when nothing is left of it. */
export function htmlTextRun(raw: string, marks: HtmlMarks): TextRun | undefined {
  const text = normalizeApostrophes(toEllipsis(normalizeCharacters(raw))).replace(/[ \n\r\v]+/g, ' ');
  if (text === '') return undefined;
  const run: TextRun = { type: 'text', text };
  if (marks.em) run.em = true;
  if (marks.strong) run.strong = true;
  if (marks.href !== undefined) run.href = marks.href;
  return run;
}

/** Collapses spaces between runs and trims the block's ends; returns [] for a blank block. */
export function trimmedInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let previousEndsInSpace = true;
  for (const inline of inlines) {
    if (inline.type !== 'text') {
      out.push(inline);
      continue;
    }
    const text: string = previousEndsInSpace ? inline.text.replace(/^ +/, '') : inline.text;
    if (text === '') continue;
    out.push({ ...inline, text });
    previousEndsInSpace = text.endsWith(' ');
  }
  const last = out.findLastIndex((inline) => inline.type === 'text');
  const lastRun = out[last];
  if (lastRun?.type === 'text') {
    lastRun.text = lastRun.text.replace(/ +$/, '');
    if (lastRun.text === '') out.splice(last, 1);
  }
  return out.some((inline) => inline.type === 'text' && inline.text.trim() !== '') ? out : [];
}

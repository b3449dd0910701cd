import type { Token } from 'markdown-it';
import type { Inline } from '../../corpus/model.ts';
import { normalizeApostrophes, normalizeCharacters, toEllipsis } from '../text-rules/text-rules.ts';

/**
 * The inline tokens of one Markdown block as Source inlines: emphasis, strong and links become
 * marks; code and images degrade to their text; footnote references become note references.
 */

/** Turns a footnote label into one a cleaned file can hold (no spaces, brackets, `^` or `\`). */
export function safeNoteLabel(label: string): string {
  const safe = label.replace(/[\s[\]^\\]+/gu, '-');
  return safe === '' ? '-' : safe;
}

/** The label of a markdown-it-footnote reference or definition: its own label or its number. */
export function footnoteLabel(meta: unknown): string {
  const { id, label } = (meta ?? {}) as { id?: number; label?: string };
  return safeNoteLabel(label ?? String((id ?? 0) + 1));
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Typed text made typographic, keeping its outer spaces (it may sit between two runs). */
function typeset(text: string): string {
  return normalizeApostrophes(toEllipsis(normalizeCharacters(text))).replace(/[ \n]+/g, ' ');
}

/**
 * Converts inline tokens (`inline.children`) to inlines. Only http(s) and mailto links keep their
 * target; other links keep their text. An image becomes its alt text (or "[image]" without one),
 * so that nothing is dropped silently. Whitespace runs collapse to one space; the block's ends are
 * trimmed.
 */
export function toInlines(tokens: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  let em = 0;
  let strong = 0;
  let href: string | undefined;
  const push = (text: string): void => {
    const value = typeset(text);
    if (value === '') return;
    const run: Inline = { type: 'text', text: value };
    if (em > 0) run.em = true;
    if (strong > 0) run.strong = true;
    if (href !== undefined) run.href = href;
    out.push(run);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'em_open':
      case 'em_close':
        em += token.type === 'em_open' ? 1 : -1;
        break;
      case 'strong_open':
      case 'strong_close':
        strong += token.type === 'strong_open' ? 1 : -1;
        break;
      case 'link_open': {
        const target = String(token.attrGet('href') ?? '');
        href = SAFE_LINK.test(target) ? target : undefined;
        break;
      }
      case 'link_close':
        href = undefined;
        break;
      case 'softbreak':
      case 'hardbreak':
        push(' ');
        break;
      case 'image':
        push(token.content.trim() === '' ? '[image]' : token.content);
        break;
      case 'footnote_ref':
        out.push({ type: 'noteRef', label: footnoteLabel(token.meta) });
        break;
      case 'footnote_anchor':
        break;
      default:
        // text, code_inline, html_inline (raw HTML is off, so it is text), and anything a plugin adds.
        push(token.content);
    }
  }
  return trimEnds(out);
}

/** Removes the spaces at both ends of a block's text, across runs. */
function trimEnds(inlines: Inline[]): Inline[] {
  const first = inlines.findIndex((inline) => inline.type === 'text');
  const firstRun = inlines[first];
  if (firstRun?.type === 'text') firstRun.text = firstRun.text.replace(/^ +/, '');
  const lastIndex = inlines.findLastIndex((inline) => inline.type === 'text');
  const lastRun = inlines[lastIndex];
  if (lastRun?.type === 'text') lastRun.text = lastRun.text.replace(/ +$/, '');
  return inlines.filter((inline) => inline.type !== 'text' || inline.text !== '');
}

/**
 * A cleaned paragraph string as inline content: text runs (with emphasis and links), note
 * references, page milestones and gaps.
 */
import type { Inline, TextRun } from '../../corpus/model.ts';
import { isSuperscriptDigit, PAGE_MARK, superscriptToDigits } from './markers.ts';

/** What the parser needs to know beyond the string itself. */
export interface InlineContext {
  /** Labels of the notes that exist; a marker for any other label stays text. */
  noteLabels: ReadonlySet<string>;
  /** The label of the next page milestone, in reading order. */
  nextPageLabel: () => string;
}

const GAP = /\{\{gap(?::([^}]*))?\}\}/y;
const LINK = /<(https?:\/\/[^\s>]+)>/y;
// `*…*` is emphasis when the opening star follows no letter or digit and the closing one is
// followed by none; a star glued to the end of a word with no partner is a note marker.
const EMPHASIS = /(?<![\p{L}\p{N}*])\*([^\s*](?:[^*]*[^\s*])?)\*(?![\p{L}\p{N}*])/gu;

/**
 * Parses a paragraph string. Superscript digits become note references where a note of that label
 * exists; an unpaired `*` after a word becomes a reference to the `*` note if there is one;
 * `<https://…>` becomes a link whose text is the URL; `{{gap}}` or `{{gap:reason}}` becomes a gap;
 * `PAGE_MARK` becomes a page milestone. Adjacent runs with equal marks are merged.
 */
export function parseInlines(text: string, context: InlineContext): Inline[] {
  const { opens, closes } = emphasisDelimiters(text);
  const out: Inline[] = [];
  let buffer = '';
  let em = false;
  const flush = (): void => {
    if (buffer !== '') out.push(run(buffer, em));
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const gap = matchAt(GAP, text, i);
    const link = ch === '<' ? matchAt(LINK, text, i) : null;
    if (gap) {
      flush();
      out.push(gap[1] ? { type: 'gap', reason: gap[1].trim() } : { type: 'gap' });
      i += gap[0].length;
    } else if (link) {
      flush();
      out.push({ ...run(link[1] ?? '', em), href: link[1] ?? '' });
      i += link[0].length;
    } else if (ch === PAGE_MARK) {
      flush();
      out.push({ type: 'page', label: context.nextPageLabel() });
      i += 1;
    } else if (isSuperscriptDigit(ch)) {
      let end = i;
      while (isSuperscriptDigit(text[end] ?? '')) end += 1;
      const label = superscriptToDigits(text.slice(i, end));
      if (context.noteLabels.has(label)) {
        flush();
        out.push({ type: 'noteRef', label });
      } else {
        buffer += text.slice(i, end);
      }
      i = end;
    } else if (ch === '*' && (opens.has(i) || closes.has(i))) {
      flush();
      em = opens.has(i);
      i += 1;
    } else if (ch === '*' && context.noteLabels.has('*') && /\S/u.test(text[i - 1] ?? '')) {
      flush();
      out.push({ type: 'noteRef', label: '*' });
      i += 1;
    } else {
      buffer += ch;
      i += 1;
    }
  }
  flush();
  return mergeRuns(out);
}

function run(text: string, em: boolean): TextRun {
  return em ? { type: 'text', text, em: true } : { type: 'text', text };
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function emphasisDelimiters(text: string): { opens: Set<number>; closes: Set<number> } {
  const opens = new Set<number>();
  const closes = new Set<number>();
  for (const match of text.matchAll(EMPHASIS)) {
    opens.add(match.index);
    closes.add(match.index + match[0].length - 1);
  }
  return { opens, closes };
}

/** Merges adjacent text runs whose marks are equal; other inlines are kept as they are. */
export function mergeRuns(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (inline.type === 'text' && last?.type === 'text' && sameMarks(last, inline)) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else if (inline.type !== 'text' || inline.text !== '') {
      out.push(inline);
    }
  }
  return out;
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return a.em === b.em && a.strong === b.strong && a.href === b.href;
}

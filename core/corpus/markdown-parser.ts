import markdownIt from 'markdown-it';
import type { MarkdownIt, StateInline } from 'markdown-it';
import footnote from 'markdown-it-footnote';

/** The directives of the format, as written between `{{` and `}}`. */
export type DirectiveName = 'page' | 'gap' | 'marker';

/** Token types our inline rules add to markdown-it's stream. */
export const TOKEN = {
  page: 'apparatus_page',
  gap: 'apparatus_gap',
  marker: 'apparatus_marker',
  noteRef: 'apparatus_note_ref',
  error: 'apparatus_error',
} as const;

/**
 * A label of a note reference or definition: no whitespace, brackets, caret or backslash, so that
 * `[^label]` can neither be misread nor need escapes.
 */
export const NOTE_LABEL_PATTERN = /^[^\s[\]^\\]+$/u;

const NOTE_REF = /^\[\^([^\s[\]^\\]+)\]/u;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/**
 * The one markdown-it configuration that reads cleaned files: CommonMark without raw HTML,
 * linkify or typographer; footnote definitions from markdown-it-footnote (its end-of-document
 * reordering is switched off, so notes keep the order of their definitions); note references and
 * the `{{…}}` directives from our own inline rules. Link targets are kept exactly as written:
 * deciding which links may be opened is the reader's job, not the parser's.
 */
export function createMarkdownParser(): MarkdownIt {
  const md = new markdownIt('commonmark', { html: false, linkify: false, typographer: false });
  md.use(footnote);
  md.core.ruler.disable('footnote_tail');
  md.inline.ruler.disable(['footnote_inline', 'footnote_ref']);
  md.inline.ruler.before('link', 'apparatus_note_ref', noteRefRule);
  md.inline.ruler.before('link', 'apparatus_directive', directiveRule);
  md.normalizeLink = (url: string) => url;
  md.validateLink = () => true;
  return md;
}

let shared: MarkdownIt | undefined;

/** The parser of `createMarkdownParser`, created on first use and shared (it keeps no state). */
export function sharedMarkdownParser(): MarkdownIt {
  shared ??= createMarkdownParser();
  return shared;
}

function noteRefRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5e) {
    return false;
  }
  const match = NOTE_REF.exec(state.src.slice(state.pos, state.posMax));
  if (!match) return false;
  if (!silent) state.push(TOKEN.noteRef, '', 0).meta = { label: match[1] };
  state.pos += match[0].length;
  return true;
}

function directiveRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (start + 1 >= state.posMax || !state.src.startsWith('{{', start)) return false;
  const scan = scanDirective(state.src, start + 2, state.posMax);
  if (!silent) {
    if ('error' in scan) {
      state.push(TOKEN.error, '', 0).content = scan.error;
    } else if (scan.name === 'gap') {
      state.push(TOKEN.gap, '', 0).meta = scan.arg === undefined ? {} : { reason: scan.arg };
    } else {
      const type = scan.name === 'page' ? TOKEN.page : TOKEN.marker;
      state.push(type, '', 0).meta = { label: scan.arg };
    }
  }
  state.pos = scan.end;
  return true;
}

type Scan =
  | { name: DirectiveName; arg: string | undefined; end: number }
  | { error: string; end: number };

/** Reads `name}}` or `name:argument}}` from `pos`; `\\` escapes the ASCII punctuation after it. */
function scanDirective(src: string, pos: number, max: number): Scan {
  const nameMatch = /^[A-Za-z-]*/.exec(src.slice(pos, max));
  const name = nameMatch?.[0] ?? '';
  let i = pos + name.length;
  let arg: string | undefined;
  if (src.startsWith(':', i)) {
    arg = '';
    i++;
    for (; i < max && !src.startsWith('}}', i); i++) {
      const next = src[i + 1];
      if (src[i] === '\\' && next !== undefined && ASCII_PUNCT.test(next)) i++;
      arg += src[i];
    }
  }
  if (!src.startsWith('}}', i)) {
    const seen = src.slice(pos - 2, Math.min(max, pos + 30));
    return { error: `the directive \`${seen}\` is not closed by \`}}\``, end: pos };
  }
  const end = i + 2;
  const written = src.slice(pos - 2, end);
  if (name === 'gap') {
    if (arg === '') {
      return { error: `\`${written}\` has an empty description; write \`{{gap}}\``, end };
    }
    return { name, arg, end };
  }
  if (name === 'page' || name === 'marker') {
    if (!arg) return { error: `\`${written}\` needs a label, as in \`{{${name}:12}}\``, end };
    return { name, arg, end };
  }
  return {
    error:
      `unknown directive \`${written}\`; the directives are {{page:…}}, {{gap}}, {{gap:…}} ` +
      'and {{marker:…}} (write `\\{` for a literal brace)',
    end,
  };
}

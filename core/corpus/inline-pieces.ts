import { NOTE_LABEL_PATTERN } from './markdown-parser.ts';
import type { Inline, TextRun } from './model.ts';
import { SourceFormatError } from './source-format-error.ts';

/**
 * One piece of a serialized line: a character of text (possibly escaped), an atom (note
 * reference or directive), or a mark delimiter. Pieces stay separate until the line is joined so
 * that later passes can re-encode a character next to a delimiter.
 */
export type Piece =
  | { kind: 'char'; ch: string; out: string; encoded: boolean }
  | { kind: 'atom'; out: string; noteRef: boolean }
  | { kind: 'open' | 'close'; mark: string; out: string; marker: '*' | '_' | '' };

/** Characters escaped wherever they stand: Markdown or the directives read them as syntax. */
const ALWAYS_ESCAPED = new Set(['\\', '*', '_', '[', ']', '`', '<', '{']);
/**
 * Throws unless `value` can be written on one line of a cleaned file and read back unchanged: no
 * C0 or C1 control character other than tab (a one-line paragraph cannot hold them, and Markdown
 * normalises some away), no lone surrogate, no noncharacter (U+FFFE, U+FDD0 …).
 */
export function checkRepresentable(value: string, what: string): void {
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    const control = (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    const noncharacter = (code & 0xfffe) === 0xfffe || (code >= 0xfdd0 && code <= 0xfdef);
    if (control || surrogate || noncharacter) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      throw new SourceFormatError(
        'unrepresentable',
        `${what} contains the character U+${hex}, which a cleaned file cannot hold: ` +
          JSON.stringify(value.slice(0, 60)),
      );
    }
  }
}

/** A character as a numeric character reference, which Markdown reads back as the character. */
export function encodeChar(ch: string): string {
  return `&#${ch.codePointAt(0)};`;
}

/** The mark keys of a run: `em`, `strong`, and `link:<href>`. */
export function runMarks(run: TextRun): string[] {
  const marks: string[] = [];
  if (run.href !== undefined) marks.push(`link:${run.href}`);
  if (run.strong) marks.push('strong');
  if (run.em) marks.push('em');
  return marks;
}

/**
 * Lays out inlines as pieces, nesting marks so that delimiters balance: marks that last longer
 * open first (outside), a mark stays open across note references and directives when the next
 * run carries it (links excepted around note references, since CommonMark links cannot contain
 * bracketed tokens), and each emphasis gets a marker (`*` or `_`) that no neighbouring or
 * enclosing delimiter uses, so that every delimiter pairs with its own partner.
 */
export function layoutPieces(content: readonly Inline[]): Piece[] {
  const pieces: Piece[] = [];
  const stack: { mark: string; marker: '*' | '_' | '' }[] = [];
  const nextRun = (from: number): TextRun | undefined => {
    for (let i = from; i < content.length; i++) {
      const inline = content[i];
      if (inline?.type === 'text') return inline;
    }
    return undefined;
  };
  const closeUntil = (keep: ReadonlySet<string>): void => {
    while (stack.some((open) => !keep.has(open.mark))) {
      const open = stack.pop();
      if (open) pieces.push({ kind: 'close', ...open, out: closeOut(open) });
    }
  };

  content.forEach((inline, index) => {
    if (inline.type !== 'text') {
      const next = nextRun(index + 1);
      const keep = new Set(next ? runMarks(next) : []);
      if (inline.type === 'noteRef') {
        for (const mark of keep) if (mark.startsWith('link:')) keep.delete(mark);
      }
      closeUntil(keep);
      pieces.push({ kind: 'atom', out: atomOut(inline), noteRef: inline.type === 'noteRef' });
      return;
    }
    const wanted = runMarks(inline);
    closeUntil(new Set(wanted));
    const toOpen = wanted
      .filter((mark) => !stack.some((open) => open.mark === mark))
      .map((mark, order) => ({ mark, order, span: markSpan(content, index, mark) }))
      .sort((a, b) => b.span - a.span || a.order - b.order);
    const outer = stack.length;
    for (const { mark } of toOpen) {
      const marker = mark.startsWith('link:')
        ? ''
        : chooseMarker(pieces.at(-1), stack.slice(0, outer));
      stack.push({ mark, marker });
      pieces.push({ kind: 'open', mark, marker, out: openOut(mark, marker) });
    }
    checkRepresentable(inline.text, 'Text');
    for (const ch of inline.text) {
      const out = ALWAYS_ESCAPED.has(ch) ? `\\${ch}` : ch;
      pieces.push({ kind: 'char', ch, out, encoded: false });
    }
  });
  closeUntil(new Set());
  return pieces;
}

/** How many consecutive runs from `index` on carry `mark` (a note reference ends a link). */
function markSpan(content: readonly Inline[], index: number, mark: string): number {
  let span = 0;
  for (let i = index; i < content.length; i++) {
    const inline = content[i];
    if (inline === undefined) break;
    if (inline.type === 'noteRef' && mark.startsWith('link:')) break;
    if (inline.type !== 'text') continue;
    if (!runMarks(inline).includes(mark)) break;
    span++;
  }
  return span;
}

/**
 * `*` unless that could pair with the wrong delimiter: an emphasis still open outside uses it (so
 * nested em and strong never share a marker and every closer finds its own opener), or a
 * delimiter run of it has just closed (the two runs would merge). Emphasis opened together share
 * one run (`***both***`), which CommonMark pairs correctly since nothing outside uses the marker.
 */
function chooseMarker(
  previous: Piece | undefined,
  outer: readonly { marker: string }[],
): '*' | '_' {
  const taken = new Set(outer.map((open) => open.marker));
  if (previous?.kind === 'close') taken.add(previous.marker);
  if (previous?.kind === 'open' && previous.marker !== '' && !taken.has(previous.marker)) {
    return previous.marker;
  }
  if (!taken.has('*')) return '*';
  if (!taken.has('_')) return '_';
  throw new SourceFormatError('unrepresentable', 'could not choose an emphasis marker');
}

function openOut(mark: string, marker: '*' | '_' | ''): string {
  if (mark === 'em') return marker;
  if (mark === 'strong') return marker + marker;
  return '[';
}

function closeOut(open: { mark: string; marker: '*' | '_' | '' }): string {
  if (open.mark === 'em') return open.marker;
  if (open.mark === 'strong') return open.marker + open.marker;
  return `](${linkDestination(open.mark.slice('link:'.length))})`;
}

/** A link target written so that markdown-it reads back exactly `href`. */
function linkDestination(href: string): string {
  checkRepresentable(href, 'A link address');
  const needsAngles = href === '' || href.includes(' ');
  const escaped = href.replace(needsAngles ? /[\\<>]/g : /[\\<>()]/g, (c) => `\\${c}`);
  const safe = escapeEntityLike(escaped);
  return needsAngles ? `<${safe}>` : safe;
}

const ENTITY_LIKE = /^&(?:#(?:x[0-9a-f]{1,6}|[0-9]{1,7})|[a-z][a-z0-9]{1,31});/i;

/** Escapes each `&` that Markdown would otherwise read as the start of a character reference. */
export function escapeEntityLike(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    out += c === '&' && ENTITY_LIKE.test(text.slice(i, i + 42)) ? '\\&' : c;
  }
  return out;
}

/** Whether `text` begins with something Markdown reads as a character reference. */
export function startsEntityLike(text: string): boolean {
  return ENTITY_LIKE.test(text);
}

function directiveArg(value: string, what: string): string {
  checkRepresentable(value, what);
  // Brackets too: inside link text an unescaped ] would end the link's text early.
  return value.replace(/[\\}[\]]/g, (c) => `\\${c}`);
}

function atomOut(inline: Exclude<Inline, TextRun>): string {
  switch (inline.type) {
    case 'noteRef':
      if (!NOTE_LABEL_PATTERN.test(inline.label)) {
        throw new SourceFormatError(
          'unrepresentable',
          `the note label "${inline.label}" may not be empty or contain spaces, brackets, ^ or \\`,
        );
      }
      return `[^${inline.label}]`;
    case 'page':
    case 'marker':
      if (inline.label === '') {
        const what = inline.type === 'page' ? 'page milestone' : 'source marker';
        throw new SourceFormatError('unrepresentable', `a ${what} needs a label`);
      }
      return `{{${inline.type}:${directiveArg(inline.label, 'A label')}}}`;
    case 'gap':
      return inline.reason === undefined || inline.reason === ''
        ? '{{gap}}'
        : `{{gap:${directiveArg(inline.reason, 'A gap description')}}}`;
  }
}

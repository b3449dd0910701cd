/**
 * The rich-text model of a citation: runs of text with italics and URL marks. Every formatter
 * function builds `Rich` values; renderers (render.ts) turn them into HTML, Markdown or plain text.
 */

/** One stretch of citation text with uniform formatting. */
export interface Run {
  text: string;
  /** Set in italics (titles of books, journals, magazines, newspapers, reference works). */
  italic?: true;
  /** The text is a URL (or a DOI written as one), printed exactly as written. */
  url?: true;
}

/** Citation text: runs in reading order, adjacent runs with equal marks merged. */
export type Rich = Run[];

/** Anything the builders accept: rich text, roman text, or nothing (skipped). */
export type Piece = Rich | string | null | undefined;

/** Marks that American style sets inside closing quotation marks. */
const INSIDE_QUOTES = new Set(['.', ',']);

/** Roman text as rich text; the empty string gives an empty value. */
export function roman(text: string): Rich {
  return text ? [{ text }] : [];
}

/** Italic text as rich text; the empty string gives an empty value. */
export function italic(text: string): Rich {
  return text ? [{ text, italic: true }] : [];
}

/** A URL as rich text, kept apart so that no renderer ever escapes or re-types it. */
export function urlText(url: string): Rich {
  return url ? [{ text: url, url: true }] : [];
}

/** The characters of rich text without formatting. */
export function plainText(rich: Rich): string {
  return rich.map((run) => run.text).join('');
}

/** Concatenates pieces as they are, skipping empty ones; the result has merged runs. */
export function concat(...pieces: Piece[]): Rich {
  const out: Rich = [];
  for (const piece of pieces) {
    for (const run of toRich(piece)) pushRun(out, run);
  }
  return out;
}

/**
 * Joins the non-empty pieces with `separator`. A leading full stop or comma of the separator goes
 * inside a closing quotation mark and is dropped after a terminal mark (`n.d.`, `Who?`).
 */
export function join(pieces: Piece[], separator: string): Rich {
  let out: Rich = [];
  for (const piece of pieces) {
    const rich = toRich(piece);
    if (rich.length === 0) continue;
    out = out.length === 0 ? concat(rich) : concat(punctuate(out, separator), rich);
  }
  return out;
}

/**
 * Appends punctuation the American way: `.` and `,` go inside closing quotation marks; a full
 * stop after `.`, `?` or `!` and a comma after `?` or `!` are left out. Only the first character of
 * `mark` is treated as punctuation; the rest (usually a space) is appended as it is.
 */
export function punctuate(rich: Rich, mark: string): Rich {
  const head = mark.charAt(0);
  if (head === '' || !'.,;:'.includes(head)) return concat(rich, mark);
  const rest = mark.slice(1);
  const text = plainText(rich);
  let end = text.length;
  // A trailing ’ counts as a closing quote only when the text opens one; otherwise it is an
  // apostrophe (“Historians’”) and the mark goes after it.
  const closesSingle = text.includes('‘');
  while (end > 0 && (text[end - 1] === '”' || (text[end - 1] === '’' && closesSingle))) {
    end -= 1;
  }
  const last = text.charAt(end - 1);
  const redundant = head === '.' ? '.?!'.includes(last) : head === ',' && '?!'.includes(last);
  if (redundant && last !== '') return concat(rich, rest);
  if (INSIDE_QUOTES.has(head) && end < text.length) return concat(insertAt(rich, end, head), rest);
  return concat(rich, mark);
}

/** Wraps rich text in double quotation marks, turning double marks inside into single ones. */
export function quote(rich: Rich): Rich {
  const inner = rich.map((run) =>
    run.url ? run : { ...run, text: run.text.replaceAll('“', '‘').replaceAll('”', '’') },
  );
  return concat('“', inner, '”');
}

/**
 * Capitalizes the first letter of a note or entry, past any opening quotation mark or bracket
 * (CMOS: "Van Gogh" and "Ibid." at the start of a sentence). URLs are never changed.
 */
export function capitalizeStart(rich: Rich): Rich {
  const [first, ...rest] = rich;
  if (!first || first.url) return rich;
  const text = first.text.replace(
    /^([“‘"'([]*)(\p{Ll})/u,
    (_m, lead: string, letter: string) => lead + letter.toUpperCase(),
  );
  return [{ ...first, text }, ...rest];
}

function toRich(piece: Piece): Rich {
  if (piece === null || piece === undefined) return [];
  return typeof piece === 'string' ? roman(piece) : piece;
}

function pushRun(out: Rich, run: Run): void {
  if (run.text === '') return;
  const last = out.at(-1);
  if (last && last.italic === run.italic && last.url === run.url) {
    out[out.length - 1] = { ...last, text: last.text + run.text };
  } else {
    out.push({ ...run });
  }
}

/** Inserts roman text at a character offset, into the run that starts at or contains it. */
function insertAt(rich: Rich, offset: number, text: string): Rich {
  const out: Rich = [];
  let start = 0;
  let done = false;
  for (const run of rich) {
    const end = start + run.text.length;
    if (!done && offset >= start && offset < end) {
      const cut = offset - start;
      if (run.italic || run.url) {
        const head = { ...run, text: run.text.slice(0, cut) };
        out.push(head, { text }, { ...run, text: run.text.slice(cut) });
      } else {
        out.push({ ...run, text: run.text.slice(0, cut) + text + run.text.slice(cut) });
      }
      done = true;
    } else {
      out.push(run);
    }
    start = end;
  }
  if (!done) out.push({ text });
  return concat(out);
}

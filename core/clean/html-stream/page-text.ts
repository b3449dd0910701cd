/**
 * A page's text as a parser reads it: a piece at a time. A long page's text is kept as the file's
 * UTF-8 bytes and decoded piece by piece on each pass (see the import's `utf8PageText`), so it is
 * never one string: V8 keeps a string with a single character beyond Latin-1 (a curly apostrophe,
 * a dash) at two bytes a character, twice the size of the file, where most pages' bytes are one.
 */

/**
 * The length of the pieces a page is given to a parser in. A piece decoded from bytes is a new
 * string on each pass, alive while the parser reads it: a short one dies in V8's young generation,
 * where one of 32 KB lived through two collections while it was read and was moved to the old
 * generation, a 1 MB page's passes leaving 3 MB there until a full collection (256 KB pieces, past
 * V8's 128 KB for ordinary objects, go there at once).
 */
export const PIECE = 8 * 1024;

/** A page's text, given a piece at a time. */
export interface PageText {
  /** Its length in UTF-16 code units, the unit of the parser's positions. */
  readonly length: number;
  /** Its pieces in order, of about `size` code units each, each of whole characters. */
  pieces(size: number): Iterable<string>;
  /** The whole text as one string, for a page short enough to parse into a DOM. */
  whole(): string;
}

/** A page held as one string. */
export function pageTextOf(text: string): PageText {
  return {
    length: text.length,
    *pieces(size: number) {
      for (let at = 0; at < text.length; ) {
        let end = Math.min(text.length, at + size);
        // A piece never ends between the two halves of a character beyond the Basic Multilingual Plane.
        const last = text.charCodeAt(end - 1);
        if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
        yield text.slice(at, end);
        at = end;
      }
    },
    whole: () => text,
  };
}

/** Elements in a page, at most: its start tags (`<` and a letter), counted without parsing (`size`: of the pieces read). */
export function countStartTags(page: PageText, size = PIECE): number {
  let count = 0;
  // A `<` that ends one piece is followed by the first character of the next.
  let open = false;
  for (const piece of page.pieces(size)) {
    if (open && isLetter(piece.charCodeAt(0))) count += 1;
    for (let at = piece.indexOf('<'); at >= 0; at = piece.indexOf('<', at + 1)) {
      if (isLetter(piece.charCodeAt(at + 1))) count += 1;
    }
    open = piece.endsWith('<');
  }
  return count;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Gives a page to a parser a piece at a time, reporting how far it has come after each piece (the
 * reporter decides what is worth telling: `Progress`), and keeps the piece being read and the one
 * before it, so that a reader can look back at the tag the parser has just read (`charAt`) without
 * the whole page being held.
 */
export class PageFeed {
  readonly #page: PageText;
  readonly #report: ((fraction: number) => void) | undefined;
  readonly #size: number;
  #current = '';
  #currentStart = 0;
  #previous = '';
  #previousStart = 0;

  /** `size`: the pieces' length, `PIECE` but in tests. */
  constructor(page: PageText, report?: (fraction: number) => void, size = PIECE) {
    this.#page = page;
    this.#report = report;
    this.#size = size;
  }

  /** The page's length in UTF-16 code units. */
  get length(): number {
    return this.#page.length;
  }

  /** The character at `index` if it lies in the piece being read or the one before it; otherwise ''. */
  charAt(index: number): string {
    if (index >= this.#currentStart) return this.#current.charAt(index - this.#currentStart);
    if (index >= this.#previousStart) return this.#previous.charAt(index - this.#previousStart);
    return '';
  }

  /** Writes the whole page to the parser, piece by piece, and ends it. */
  write(parser: { write(piece: string): void; end(): void }): void {
    let at = 0;
    for (const piece of this.#page.pieces(this.#size)) {
      [this.#previous, this.#previousStart] = [this.#current, this.#currentStart];
      [this.#current, this.#currentStart] = [piece, at];
      parser.write(piece);
      at += piece.length;
      this.#report?.(Math.min(1, at / Math.max(1, this.#page.length)));
    }
    parser.end();
  }
}

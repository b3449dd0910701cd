/**
 * The block structure of a WikiText-103 article: one paragraph per line, headings written
 * `= = Title = =` (level = number of `=` on a side), blank lines between.
 */

/** A heading or paragraph of WikiText whose text is not cleaned yet. */
export interface RawWikiBlock {
  kind: 'heading' | 'paragraph';
  /** Heading level 1–6; absent for paragraphs. */
  level?: number;
  text: string;
}

const HEADING = /^(=(?:[ \t]*=)*)[ \t]*([^=\s](?:.*[^=\s])?)[ \t]*(=(?:[ \t]*=)*)$/;

/** Closing quotes, brackets and spaces that may follow a sentence's final punctuation. */
const CLOSING_TAIL = /["'”’)\]\s]+$/;

/**
 * Splits a WikiText-103 text into headings and paragraphs, one per non-blank line. A heading's
 * level is the larger of its two `=` counts, so `= = = Trade = =` (a sign lost on one side) is
 * level 3; levels beyond 6 are read as 6.
 */
export function splitWikiTextBlocks(raw: string): RawWikiBlock[] {
  const blocks: RawWikiBlock[] = [];
  for (const line of raw.split(/\r\n?|\n/)) {
    const text = line.trim();
    if (text === '') continue;
    const heading = HEADING.exec(text);
    if (heading) {
      const level = Math.max(countSigns(heading[1] as string), countSigns(heading[3] as string));
      blocks.push({ kind: 'heading', level: Math.min(level, 6), text: heading[2] as string });
    } else {
      blocks.push({ kind: 'paragraph', text });
    }
  }
  return blocks;
}

/**
 * Drops headings with nothing under them: no paragraph before the next heading of the same or a
 * higher level, or before the end (WikiText keeps a `Books` heading whose list it dropped).
 */
export function dropEmptyHeadings(blocks: readonly RawWikiBlock[]): RawWikiBlock[] {
  return blocks.filter((block, index) => block.kind !== 'heading' || hasContent(blocks, index));
}

/**
 * Rejoins paragraphs that a spurious blank line split inside a sentence, with one space: a
 * paragraph is continued by the next when it does not end in terminal punctuation (`.`, `!`, `?`,
 * `…`, `:`, optionally followed by closing quotes or brackets), or when the next paragraph starts
 * with a lower-case letter, `(` or `[`. A paragraph that ends in a gap directive is never
 * continued: its end is lost, so nothing is known about what followed.
 */
export function rejoinBrokenParagraphs(blocks: readonly RawWikiBlock[]): RawWikiBlock[] {
  const joined: RawWikiBlock[] = [];
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    if (previous && continues(previous, block)) {
      joined[joined.length - 1] = { ...previous, text: `${previous.text} ${block.text}` };
    } else {
      joined.push(block);
    }
  }
  return joined;
}

function continues(previous: RawWikiBlock, next: RawWikiBlock): boolean {
  if (previous.kind !== 'paragraph' || next.kind !== 'paragraph') return false;
  if (/\{\{gap(?::[^}]*)?\}\}$/.test(previous.text)) return false;
  const unfinished = !/[.!?…:]$/.test(previous.text.replace(CLOSING_TAIL, ''));
  return unfinished || /^[\p{Ll}([]/u.test(next.text);
}

function hasContent(blocks: readonly RawWikiBlock[], headingIndex: number): boolean {
  const level = blocks[headingIndex]?.level ?? 1;
  for (const block of blocks.slice(headingIndex + 1)) {
    if (block.kind === 'paragraph') return true;
    if ((block.level ?? 1) <= level) return false;
  }
  return false;
}

function countSigns(signs: string): number {
  return signs.replace(/[^=]/g, '').length;
}

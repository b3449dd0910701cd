/**
 * The raw text as lines and blank-line-separated blocks, the units every later rule works on.
 */

/** One non-blank line of the raw text: its trimmed text and how many spaces preceded it. */
export interface SourceLine {
  text: string;
  /** Leading spaces in the raw line; PDF extraction marks the first line of a page with one. */
  indent: number;
}

/**
 * Splits a raw text into lines (any line ending), NFC-normalised, with private-use characters
 * removed so they cannot be mistaken for the cleaner's own markers. Blank lines are `null`.
 */
export function splitSourceLines(raw: string): (SourceLine | null)[] {
  return raw
    .normalize('NFC')
    .replace(/[\uE000-\uF8FF]/g, '')
    .split(/\r\n?|\n/)
    .map((line) => {
      const text = line.trim();
      if (text === '') return null;
      return { text, indent: /^ */.exec(line)?.[0].length ?? 0 };
    });
}

/** Groups lines into blocks: maximal runs of non-blank lines, in order; no block is empty. */
export function groupBlocks(lines: readonly (SourceLine | null)[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (line) {
      current.push(line);
    } else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * End-of-line hyphens in typeset text. The document's own words decide first (`lineJoin`: a
 * compound printed elsewhere keeps its hyphen, a word printed whole elsewhere is rejoined, a
 * hyphen before a capital or between digits stays). Where the document gives no evidence, a
 * break between two lower-case parts is the typesetter's unless both parts are words the
 * document uses on their own (`nineteenth-`/`century`) or the first is a prefix that forms
 * compounds (`self-`, `anti-`, `pro-`, `non-`, `well-`).
 */
import { buildWordIndex, lineJoin, type LineJoin, type WordIndex } from '../clean/text-rules/text-rules.ts';

const COMPOUND_PREFIXES = new Set(['self', 'anti', 'pro', 'non', 'well', 'post', 'pre', 'semi', 'quasi', 'neo', 'pan', 'ill', 'half', 'all', 'cross']);

/** How `left` continues into `right` across a line end. */
export function joinAcrossLines(left: string, right: string, index: WordIndex): LineJoin {
  const decided = lineJoin(left, right, index);
  if (decided !== 'keep-hyphen') return decided;
  const head = /(\p{Ll}+)-$/u.exec(left)?.[1];
  const tail = /^\p{Ll}+/u.exec(right)?.[0];
  if (head === undefined || tail === undefined) return decided;
  // A compound printed with its hyphen somewhere else in the text was already kept by lineJoin.
  if (COMPOUND_PREFIXES.has(head) && (head.length > 3 || index.words.has(tail))) return 'keep-hyphen';
  if (head.length > 2 && index.words.has(head) && index.words.has(tail)) return 'keep-hyphen';
  return 'drop-hyphen';
}

/**
 * The words of a document's lines (each list in reading order), without the parts of words broken
 * across a line end, which are not evidence of anything.
 */
export function lineWordIndex(sequences: Iterable<readonly string[]>): WordIndex {
  const texts: string[] = [];
  for (const lines of sequences) {
    let broken = false;
    for (const line of lines) {
      let text = broken ? line.replace(/^\s*[\p{L}\p{N}]+/u, '') : line;
      broken = /[\p{L}\p{N}][-\u00AD]$/u.test(line);
      if (broken) text = text.replace(/[\p{L}\p{N}]+[-\u00AD]$/u, '');
      texts.push(text);
    }
  }
  return buildWordIndex(texts);
}

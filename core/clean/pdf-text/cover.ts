/**
 * Removal of a journal cover or offprint masthead printed before the article itself.
 */
import type { SourceLine } from './source-lines.ts';

/**
 * True for a line that belongs to a masthead rather than to prose: no lower-case letter (names of
 * academies, volume numerals, years, `UDC …`), an ISSN line, a bare URL, a contents line of
 * bullet-separated titles, or an ornament.
 */
export function isMastheadLine(text: string): boolean {
  return !/\p{Ll}/u.test(text) || /^e?ISSN\b/i.test(text) || isCoverSignal(text);
}

/**
 * Drops the leading blocks that form a cover. The cover runs up to the last block carrying an
 * unmistakable cover signal (an ISSN, a bare URL, a bulleted contents line, a fleuron), and only
 * if every block up to there is masthead-like; otherwise nothing is dropped, so an article that
 * merely opens with a capitalised title keeps it.
 */
export function dropCover(blocks: readonly SourceLine[][]): SourceLine[][] {
  let end = -1;
  for (const [i, block] of blocks.entries()) {
    if (!block.every((line) => isMastheadLine(line.text))) break;
    if (block.some((line) => isCoverSignal(line.text) || /^e?ISSN\b/i.test(line.text))) end = i;
  }
  return blocks.slice(end + 1);
}

function isCoverSignal(text: string): boolean {
  const bullets = text.match(/•/g)?.length ?? 0;
  return (
    /^<?https?:\/\/\S+>?$/.test(text) ||
    bullets >= 2 ||
    text.includes('❧') ||
    !/[\p{L}\p{N}]/u.test(text)
  );
}

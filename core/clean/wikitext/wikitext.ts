import type { Block, Gap, Inline } from '../../corpus/model.ts';
import type { CleanedBody } from '../cleaned-body.ts';
import {
  attachSpacedPunctuation,
  inlinesFromSlots,
  joinSpacedDashes,
  normalizeApostrophes,
  normalizeSpaces,
  pairDoubleQuotes,
  pairSingleQuotes,
  SLOT,
  spaceEllipses,
  stripSlots,
  toEllipsisCharacter,
} from '../text-rules/text-rules.ts';
import type { RawWikiBlock } from './blocks.ts';
import {
  dropEmptyHeadings,
  rejoinBrokenParagraphs,
  splitWikiTextBlocks,
} from './blocks.ts';
import { detokeniseWikiText } from './tokens.ts';

/**
 * A gap directive as the corpus format writes it (`{{gap}}`, `{{gap:what is known}}`); a recipe's
 * correction inserts one into the raw text where words are lost.
 */
const GAP_DIRECTIVE = /\{\{gap(?::([^}]*))?\}\}/g;

/**
 * Cleans a WikiText-103 article into headings and paragraphs: WikiText headings become heading
 * blocks at their level (empty trailing sections dropped), paragraphs split by a spurious blank
 * line are rejoined, and the tokenisation is undone (`@-@` tokens, spaced punctuation and dashes,
 * split apostrophes, straight quotes paired into curly ones per paragraph, spaced ellipses).
 * `{{gap}}` directives become gap inlines. Already-clean text passes through unchanged, so the
 * cleaner applied to the text of its own output returns the same blocks. Block ids are left empty.
 */
export function cleanWikiText(raw: string): CleanedBody {
  const blocks = rejoinBrokenParagraphs(dropEmptyHeadings(splitWikiTextBlocks(stripSlots(raw))));
  return { blocks: blocks.map(toBlock), notes: [] };
}

function toBlock(raw: RawWikiBlock): Block {
  const gaps: Gap[] = [];
  const slotted = raw.text.replace(GAP_DIRECTIVE, (_directive, reason: string | undefined) => {
    gaps.push(reason === undefined ? { type: 'gap' } : { type: 'gap', reason });
    return SLOT;
  });
  const content: Inline[] = inlinesFromSlots(cleanWikiTextLine(slotted), gaps);
  return raw.kind === 'heading'
    ? { type: 'heading', id: '', level: raw.level ?? 2, content }
    : { type: 'paragraph', id: '', content };
}

/**
 * One line through the text rules, each working on what the one before leaves: the WikiText
 * tokens are undone first, then dashes and spaced punctuation closed up; apostrophes inside words
 * are settled before quotation marks are paired, so that `'s` is not taken for a quote; ellipses
 * are spaced last, once the quotation marks beside them face their way.
 */
function cleanWikiTextLine(text: string): string {
  let clean = detokeniseWikiText(text);
  clean = joinSpacedDashes(clean);
  clean = attachSpacedPunctuation(toEllipsisCharacter(clean));
  clean = normalizeApostrophes(clean);
  clean = pairSingleQuotes(pairDoubleQuotes(clean));
  return normalizeSpaces(spaceEllipses(clean));
}

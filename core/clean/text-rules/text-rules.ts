/**
 * The text rules every form's cleaner shares: characters and typography, spacing around
 * punctuation, apostrophes, quotation-mark pairing, line joins across hyphens, and slots that hold
 * a non-text inline's place while the rules run. Code outside this folder imports them from here.
 */
export { backticksToApostrophes, normalizeApostrophes } from './apostrophes.ts';
export { buildWordIndex, joinFragments, lineJoin, type LineJoin, type WordIndex } from './hyphens.ts';
export { pairDoubleQuotes, pairSingleQuotes } from './quotes.ts';
export { SLOT, inlinesFromSlots, stripSlots } from './slots.ts';
export {
  attachSpacedPunctuation,
  joinSpacedDashes,
  normalizeSpaces,
  spaceEllipses,
  toEllipsisCharacter,
} from './spacing.ts';
export { normalizeCharacters, toEllipsis, typesetParagraph } from './typography.ts';

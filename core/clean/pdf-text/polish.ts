/**
 * The character-level rules applied to every rejoined paragraph and note, in order: ordinal
 * suffixes first (they need the straight `"` that quote curling would turn), then apostrophes,
 * quotation marks, ornaments and spacing.
 */
import { repairOrdinals } from './ordinals.ts';
import { curlQuotes, repairApostrophes } from './quotes.ts';

// Ornaments that close a section or a contents line in print; never text.
const ORNAMENTS = /\s*[❧☙❦]\s*/gu;

/** Applies the character rules to one paragraph string; page marks pass through unchanged. */
export function polishText(text: string): string {
  const repaired = curlQuotes(repairApostrophes(repairOrdinals(text)));
  return repaired.replace(ORNAMENTS, ' ').replace(/[ \t\u00A0]{2,}/gu, ' ').trim();
}

import type { Inline } from '../../corpus/model.ts';

/**
 * A private-use character that holds the place of a non-text inline (a gap, a source marker) while
 * the text rules run over the whole paragraph, so that quote pairing can span it.
 */
export const SLOT = '\uE000';

/** Removes any slot character a raw text happens to contain, so slots are ours alone. */
export function stripSlots(text: string): string {
  return text.replaceAll(SLOT, '');
}

/**
 * Splits cleaned paragraph text at its slot characters into text runs and the given inlines, in
 * order. A slot binds to the text before it (`sentence.[63] Next`), so spaces before a slot are
 * dropped; the result has no empty runs and no spaces at either end. Slots beyond `inlines` are
 * dropped.
 */
export function inlinesFromSlots(text: string, inlines: readonly Inline[]): Inline[] {
  const parts = text.replace(/[ \t]+(?=\uE000)/g, '').split(SLOT);
  const content: Inline[] = [];
  parts.forEach((part, index) => {
    const first = !content.some((inline) => inline.type === 'text');
    const last = index === parts.length - 1;
    const run = last ? part.trimEnd() : part;
    if ((first ? run.trimStart() : run) !== '') {
      content.push({ type: 'text', text: first ? run.trimStart() : run });
    }
    const inline = inlines[index];
    if (!last && inline !== undefined) content.push(inline);
  });
  return content;
}

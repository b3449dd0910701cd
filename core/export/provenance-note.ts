/**
 * What a reader of an export should know about the words of a quotation: that they come from a
 * derivative of another text (a paraphrase, a translation), or that the source's text was
 * corrected by hand in the passage while it was cleaned (its cleaning log says how and why).
 */
import type { Annotation } from '../annotate/model.ts';
import type { Correction, Source } from '../corpus/model.ts';

/** Spaces do not count when a correction is looked for: the cleaner may have respaced it ("Soviet – Albanian" printed "Soviet–Albanian"). */
function squeezed(text: string): { text: string; origin: number[] } {
  const origin: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text.charAt(i))) continue;
    out += text.charAt(i);
    origin.push(i);
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** A correction's replacement as the reading text shows it: no directives (a gap, a page break), no spaces. */
function readingForm(correction: Correction): string {
  return squeezed(correction.replacement.replace(/\{\{[^}]*\}\}/g, '')).text;
}

/** True when the replacement of `correction` lies, at one of its occurrences, within or across `[start, end)`. */
function touches(text: { text: string; origin: number[] }, correction: Correction, start: number, end: number): boolean {
  const wanted = readingForm(correction);
  if (wanted === '') return false;
  for (let at = text.text.indexOf(wanted); at >= 0; at = text.text.indexOf(wanted, at + 1)) {
    const from = text.origin[at]!;
    const to = text.origin[at + wanted.length - 1]! + 1;
    if (from < end && to > start) return true;
  }
  return false;
}

const squeezedTexts = new WeakMap<Source, { text: string; origin: number[] }>();

/**
 * The notes an export prints under the quotation of `annotation`: one when its source derives
 * from another (`originalTitle` names it), one for each correction of the cleaning log whose
 * words lie in the quoted passage of `text` (the source's reading text). Empty for an orphan,
 * whose words are no longer found in the text.
 */
export function provenanceNotes(source: Source, text: string, annotation: Annotation, originalTitle: string | null): string[] {
  const notes: string[] = [];
  const { derivativeOf, derivation } = source.meta;
  if (derivativeOf) {
    const original = originalTitle ? `“${originalTitle}”` : derivativeOf;
    notes.push(`Quoted from a ${derivation ?? 'derivative of'} ${original}, not from the original text.`);
  }
  if (annotation.anchor === 'orphaned' || source.meta.cleaning.length === 0) return notes;
  let squeezedText = squeezedTexts.get(source);
  if (!squeezedText) {
    squeezedText = squeezed(text);
    squeezedTexts.set(source, squeezedText);
  }
  const { start, end } = annotation.position;
  for (const correction of source.meta.cleaning) {
    if (!touches(squeezedText, correction, start, end)) continue;
    const shown = correction.replacement.replace(/\{\{gap(?::[^}]*)?\}\}/g, '[…]').replace(/\{\{[^}]*\}\}/g, '');
    notes.push(`The source’s text was corrected here in cleaning: “${correction.original}” became “${shown}” (${correction.reason}).`);
  }
  return notes;
}

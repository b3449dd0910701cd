import type { Annotation } from '../annotate/model.ts';
import { citeDocument } from '../cite/cite-document.ts';
import { toHtml, toPlainText } from '../cite/render.ts';
import type { CiteOptions } from '../cite/style.ts';
import type { Source } from '../corpus/model.ts';
import { locatorFor } from './locator.ts';

/** One citation, ready for the clipboard: plain text and HTML (italics as <i>). */
export interface Citation {
  text: string;
  html: string;
}

/**
 * The full Chicago note for one highlight, with its page (or section) as locator. With
 * `original`, the note cites the source the highlighted one derives from instead (a paraphrase's
 * or translation's original), without a locator, since its pages are not known from here.
 */
export function citeAnnotation(source: Source, annotation: Annotation, options: CiteOptions = {}, original?: Source): Citation {
  const cited = original ?? source;
  const locator = original ? null : locatorFor(source, annotation);
  const item = locator ? { id: cited.id, locator: locator.locator, label: locator.label } : { id: cited.id };
  const { notes } = citeDocument([cited.meta.csl], [{ items: [item], noteIndex: 1 }], options);
  const rich = notes[0]?.rich ?? [];
  return { text: toPlainText(rich), html: toHtml(rich) };
}

/**
 * The Copy citation action: one highlight's full note, citing either its own source or, on
 * request, the original that source derives from.
 */
import type { Annotation } from '../annotate/model.ts';
import { citeDocument } from '../cite/cite-document.ts';
import type { ClusterItem } from '../cite/cite-document.ts';
import { toHtml, toPlainText } from '../cite/render.ts';
import type { CiteOptions } from '../cite/style.ts';
import type { Source } from '../corpus/model.ts';
import { locatorFor } from './locator.ts';
import { isTranslation, originalPagesOf, translationOriginals } from './translations.ts';

/** One citation, ready for the clipboard: plain text and HTML (italics as <i>). */
export interface Citation {
  text: string;
  html: string;
}

/** The source a highlighted one derives from (when the corpus has it), and which one to cite. */
export interface Derivation {
  /** The source named by the highlighted source's `derivative_of`. */
  original?: Source | undefined;
  /** Cite `original` instead of the highlighted source. */
  citeOriginal?: boolean;
}

/**
 * The full Chicago note for one highlight, with its page, note or section as locator. With
 * `citeOriginal`, the note cites the original instead (a paraphrase's or translation's): a
 * translation's passage at the original's page(s) it translates where the two texts can be
 * aligned, else at the pages a partial translation covers; a paraphrase's without a locator. A
 * translation cited as itself ends with "originally published as" and its original, at those
 * pages, when `original` is given.
 */
export function citeAnnotation(
  source: Source,
  annotation: Annotation,
  options: CiteOptions = {},
  derivation: Derivation = {},
): Citation {
  const { original } = derivation;
  const cited = derivation.citeOriginal && original ? original : source;
  const translated = original && isTranslation(source) && source.meta.derivativeOf === original.id;
  const pages = translated ? originalPagesOf(source, original, annotation) : null;
  const locator = cited === source ? locatorFor(source, annotation) : pages ? { locator: pages, label: 'page' } : null;
  const item: ClusterItem = locator ? { id: cited.id, locator: locator.locator, label: locator.label } : { id: cited.id };
  if (cited === source && pages) item.originalLocator = pages;
  const originals = translationOriginals(original ? [source, original] : [source]);
  const cluster = { items: [item], noteIndex: 1 };
  const { notes } = citeDocument([cited.meta.csl], [cluster], options, originals);
  const rich = notes[0]?.rich ?? [];
  return { text: toPlainText(rich), html: toHtml(rich) };
}

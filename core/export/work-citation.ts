/**
 * Citing a whole work, not a passage: its full note, its shortened note and its bibliography
 * entry, as "Copy citation" offers them for a reference without text (or a source).
 */
import { citeDocument, type Cluster, type Originals } from '../cite/cite-document.ts';
import { toHtml, toPlainText } from '../cite/render.ts';
import type { CiteOptions } from '../cite/style.ts';
import type { CslItem } from '../corpus/model.ts';
import type { Citation } from './annotation-citation.ts';
import type { CitationForm } from './citation-form.ts';

/**
 * `item` cited in `form`. The shortened note is the form a second citation takes: it is formatted
 * as a later note with a note between, so no style turns it into "Ibid.". `originals` names the
 * original of a translation, which its full note and entry then end with.
 */
export function citeWork(item: CslItem, form: CitationForm, options: CiteOptions = {}, originals?: Originals): Citation {
  const first: Cluster = { items: [{ id: item.id }], noteIndex: 1 };
  const clusters = form === 'short' ? [first, { items: [{ id: item.id }], noteIndex: 3 }] : [first];
  const cited = citeDocument([item], clusters, options, originals);
  const rich = form === 'bibliography' ? (cited.bibliography[0]?.rich ?? []) : (cited.notes.at(-1)?.rich ?? []);
  return { text: toPlainText(rich), html: toHtml(rich) };
}

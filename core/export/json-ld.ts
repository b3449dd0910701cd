/**
 * The W3C Web Annotation writer (JSON-LD, http://www.w3.org/ns/anno.jsonld): an
 * AnnotationCollection whose one page lists every highlight once, with a TextQuoteSelector and a
 * TextPositionSelector (in Unicode code points) into the source's reading text, the note as a
 * commenting body, each tag as a tagging body, the colour as a CSS class of the target (with the
 * annotation's stylesheet defining it), and the citation as a describing body (with a second
 * describing body stating the words highlighted, and `WORDING_CHANGED`, for a passage whose wording
 * changed; both selectors then select the current wording). The target
 * is the source as the world knows it (its DOI, else its URL), in the scope of Apparatus's text of
 * it, which the offsets count in; a source with neither is named by its Apparatus id alone.
 */
import { toPlainText } from '../cite/render.ts';
import type { CslItem } from '../corpus/model.ts';
import type { Color } from '../annotate/palette.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';
import { quotationMark } from './labels.ts';

/** The JSON-LD context every Web Annotation document names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The property (an absolute IRI, so JSON-LD keeps it) set to true on a highlight whose source's
 * wording changed since it was highlighted.
 */
export const WORDING_CHANGED = 'urn:apparatus:wordingChanged';

/**
 * Each highlight colour as CSS, the reader's colours (renderer/styles.css, `.hl-*`), for the
 * stylesheet a highlight's colour is stated in.
 */
const HIGHLIGHT_CSS: Record<Color, string> = {
  yellow: 'rgb(250 204 21)',
  green: 'rgb(74 222 128)',
  blue: 'rgb(96 165 250)',
  pink: 'rgb(244 114 182)',
  purple: 'rgb(167 139 250)',
  orange: 'rgb(251 146 60)',
};

/** The JSON-LD text of `doc` (two-space indented, ending in a newline). */
export function writeJsonLd(doc: ExportDocument): string {
  // Grouped by tag, a highlight is listed under each of its tags; an annotation is listed once.
  const seen = new Set<string>();
  const entries = doc.entries.filter((entry) => !seen.has(entry.annotation.id) && seen.add(entry.annotation.id));
  const id = collectionId(doc.title, entries);
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: doc.title,
    total: entries.length,
    first: {
      id: `${id}:page:1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: entries.map(annotationOf),
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

function annotationOf(entry: ExportEntry): Record<string, unknown> {
  const a = entry.annotation;
  const body: Record<string, unknown>[] = [];
  if (entry.note.trim() !== '') {
    body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: entry.note });
  }
  for (const tag of entry.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  body.push({
    type: 'TextualBody',
    purpose: 'describing',
    format: 'text/plain',
    value: toPlainText(entry.fullCitation),
  });
  const mark = quotationMark(entry.quotation);
  if (mark) body.push({ type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: mark.text });
  // Several selectors of one target are alternatives, each selecting the same segment (W3C Web
  // Annotation Data Model, 4.2 Selectors): both name the current wording, and a changed wording's
  // old words are stated in the describing body above. An orphan has only the quote as saved.
  const quote = entry.textQuote ?? a.quote;
  const selector: Record<string, unknown>[] = [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ];
  if (entry.codePoints) selector.push({ type: 'TextPositionSelector', ...entry.codePoints });
  const local = localIri(entry.item);
  const published = publishedIri(entry.item);
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: entry.note.trim() !== '' ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    // The colour in the model's own terms (4.4 Styles): a CSS stylesheet on the annotation and its
    // class on the target, named after our colour, so any W3C client can paint it and our import
    // reads it back; a property of our own would need a namespace other clients ignore.
    stylesheet: { type: 'CssStylesheet', value: `.${a.color} { background-color: ${HIGHLIGHT_CSS[a.color]}; }` },
    ...(entry.quotation.changed ? { [WORDING_CHANGED]: true } : {}),
    body,
    target: {
      type: 'SpecificResource',
      source: published ?? local,
      ...(published ? { scope: local } : {}),
      styleClass: a.color,
      selector,
    },
  };
}

/** The URN of Apparatus's text of the source, which the selectors' offsets count in. */
function localIri(item: CslItem): string {
  return `urn:apparatus:source:${encodeURIComponent(item.id)}`;
}

/** The source's DOI as a https://doi.org/ IRI, else its http(s) URL; null when it has neither. */
function publishedIri(item: CslItem): string | null {
  const doi = typeof item.DOI === 'string' ? item.DOI.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '') : '';
  if (doi !== '') return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
  const url = typeof item.URL === 'string' ? item.URL.trim() : '';
  return /^https?:\/\/\S+$/i.test(url) ? url : null;
}

/**
 * An IRI naming this collection: the same export of the same highlights gets the same id, so
 * writing it again yields the same file.
 */
function collectionId(title: string, entries: readonly ExportEntry[]): string {
  return `urn:apparatus:collection:${hash([title, ...entries.map((e) => e.annotation.id)].join('\n'))}`;
}

/** A 64-bit FNV-1a hash of the text's UTF-16 units, as 16 hex digits. */
function hash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i += 1) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

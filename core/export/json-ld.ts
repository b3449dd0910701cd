/**
 * The W3C Web Annotation writer (JSON-LD, http://www.w3.org/ns/anno.jsonld): an
 * AnnotationCollection whose one page lists every highlight with a TextQuoteSelector and a
 * TextPositionSelector into the source's reading text, the note as a commenting body and each tag
 * as a tagging body.
 */
import { toPlainText } from '../cite/render.ts';
import type { ExportDocument, ExportEntry } from './export-document.ts';

/** The JSON-LD context every Web Annotation document names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The JSON-LD text of `doc` (two-space indented, ending in a newline). */
export function writeJsonLd(doc: ExportDocument): string {
  const collection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: doc.title,
    total: doc.entries.length,
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: doc.entries.map(annotationOf),
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
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: entry.note.trim() !== '' ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    body,
    target: {
      source: sourceIri(entry),
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
  };
}

/**
 * A URN naming the corpus source: the selectors count offsets in Apparatus's reading text, not in
 * the page at the source's URL, so the URL would be the wrong target.
 */
function sourceIri(entry: ExportEntry): string {
  return `urn:apparatus:source:${encodeURIComponent(entry.item.id)}`;
}

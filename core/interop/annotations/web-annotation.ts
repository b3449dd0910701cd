/**
 * Reading W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/): an
 * AnnotationCollection with its first AnnotationPage embedded (as our own export writes it), an
 * AnnotationPage, one Annotation, or a list of them. The target's source (and `scope`, where our
 * export names our text of a source) says which document; a TextQuoteSelector gives the words, a
 * TextPositionSelector (Unicode code points) a hint, a `styleClass` naming one of our colours the
 * highlight's colour. Bodies with purpose `tagging` become tags,
 * `commenting` ones (and bodies without a purpose) the note; `describing` bodies, such as the
 * citation our export adds, are left out.
 */
import { isColor, type Color } from '../../annotate/palette.ts';
import type { ExternalAnnotation, ExternalAnnotations, SkippedRecord } from './external.ts';
import { apparatusIdOf, datesOf, targetOf } from './external.ts';
import { isNumber, isRecord, stringOr } from '../json-values.ts';

/** The annotations of a Web Annotation document; `null` if it holds none. */
export function readWebAnnotations(value: unknown): ExternalAnnotations | null {
  const items = annotationItems(value);
  if (items === null) return null;
  const annotations: ExternalAnnotation[] = [];
  const skipped: SkippedRecord[] = [];
  items.forEach((item, index) => {
    const label = isRecord(item) && typeof item.id === 'string' ? `annotation ${item.id}` : `annotation no. ${index + 1}`;
    const read = readOne(item, label);
    if ('reason' in read) skipped.push(read);
    else annotations.push(read);
  });
  return { format: 'W3C Web Annotations', annotations, skipped };
}

function annotationItems(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value.flatMap((item) => annotationItems(item) ?? []);
  if (!isRecord(value)) return null;
  const type = types(value);
  if (type.includes('Annotation')) return [value];
  if (type.includes('AnnotationPage')) return Array.isArray(value.items) ? value.items : [];
  if (type.includes('AnnotationCollection')) {
    const pages: unknown[] = [];
    // Pages are linked by `next`; an export holds them embedded, a page named only by its IRI
    // would have to be fetched, which an import from a file does not do.
    for (let page: unknown = value.first; isRecord(page); page = page.next) pages.push(page);
    return pages.flatMap((page) => annotationItems(page) ?? []);
  }
  return null;
}

function readOne(item: unknown, label: string): ExternalAnnotation | SkippedRecord {
  if (!isRecord(item) || !types(item).includes('Annotation')) return { label, reason: 'it is not an Annotation' };
  const targets = (Array.isArray(item.target) ? item.target : [item.target]).filter(isRecord);
  const target = targets.find((t) => selectorsOf(t).some((s) => s.type === 'TextQuoteSelector'));
  if (!target) return { label, reason: 'its target quotes no words (a TextQuoteSelector is needed to find the passage)' };
  const selectors = selectorsOf(target);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as Record<string, unknown>;
  if (typeof quote.exact !== 'string' || quote.exact.trim() === '') return { label, reason: 'its quoted words are empty' };
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const page = selectors.find((s) => s.type === 'PageSelector');
  const iris = [target.source, target.scope, target.id].flatMap((iri) => (typeof iri === 'string' ? [iri] : isRecord(iri) && typeof iri.id === 'string' ? [iri.id] : []));
  const { note, tags } = bodies(item);
  return {
    label,
    apparatusId: apparatusIdOf(item.id),
    target: targetOf(iris),
    quote: { exact: quote.exact, prefix: stringOr(quote.prefix), suffix: stringOr(quote.suffix) },
    position: isNumber(position?.start) && isNumber(position?.end) ? { start: position.start, end: position.end } : null,
    pageLabel: page && typeof page.label === 'string' ? page.label : null,
    pageOffset: null,
    note,
    tags,
    color: colorOf(target),
    ...datesOf(item.created, item.modified),
  };
}

// Our export names a highlight's colour as a CSS class of the target (the model's styleClass); a
// class that is none of our colours, as another tool may write, leaves the default colour.
function colorOf(target: Record<string, unknown>): Color | null {
  const classes = Array.isArray(target.styleClass) ? target.styleClass : [target.styleClass];
  return classes.find(isColor) ?? null;
}

function selectorsOf(target: Record<string, unknown>): Record<string, unknown>[] {
  const selector = target.selector;
  return (Array.isArray(selector) ? selector : [selector]).filter(isRecord);
}

function bodies(item: Record<string, unknown>): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if (typeof item.bodyValue === 'string' && item.bodyValue.trim() !== '') notes.push(item.bodyValue);
  const list = Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body];
  for (const body of list) {
    if (!isRecord(body) || typeof body.value !== 'string' || body.value.trim() === '') continue;
    const purpose = typeof body.purpose === 'string' ? body.purpose : item.motivation === 'tagging' ? 'tagging' : 'commenting';
    if (purpose === 'tagging') tags.push(body.value.trim());
    else if (purpose === 'commenting' || purpose === 'replying' || purpose === 'editing') {
      notes.push(body.format === 'text/html' ? htmlText(body.value) : body.value);
    }
  }
  return { note: notes.join('\n\n'), tags };
}

// A note in HTML keeps its words; Apparatus notes are Markdown and never hold markup.
function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function types(value: Record<string, unknown>): string[] {
  const type = value.type ?? value['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^oa:/, ''));
}

/**
 * The fields of a search document as text, analysed into indexed terms and stop words, with the
 * spelling each term was written in: what both the Lunr shard and the compact segment are made of.
 */
import { analyze, type Term } from './analysis.ts';
import type { SearchDocument } from './documents.ts';
import type { SearchField } from './fields.ts';
import { isStopWord } from './stop-words.ts';

/** Terms of each field of one document. */
export type FieldTerms = Partial<Record<SearchField, Term[]>>;

/** A document's fields split into indexed terms and stop words (kept for phrases). */
export interface AnalysedFields {
  terms: FieldTerms;
  stops: FieldTerms;
}

type FieldValues = Partial<Record<SearchField, string | readonly string[]>>;

/** The text of each field of a document (lists for tags). */
export function fieldValues(doc: SearchDocument): FieldValues {
  return doc.kind === 'block'
    ? { title: doc.title, author: doc.author, heading: doc.heading, body: doc.body }
    : { quote: doc.quote, note: doc.note, tags: doc.tags, parentTags: doc.parentTags ?? [] };
}

/** Splits each field's words into indexed terms and stop words. */
export function analyseFields(doc: SearchDocument): AnalysedFields {
  const terms: FieldTerms = {};
  const stops: FieldTerms = {};
  const values = Object.entries(fieldValues(doc)) as [SearchField, string | readonly string[]][];
  for (const [field, value] of values) {
    const words = analyze(value, { keepStopWords: true });
    const indexed: Term[] = [];
    const stopped: Term[] = [];
    for (const word of words) (isStopWord(word.term) ? stopped : indexed).push(word);
    terms[field] = indexed;
    stops[field] = stopped;
  }
  return { terms, stops };
}

/** How often each term was written in each way ("Khrushchev", "KHRUSHCHEV"), over documents. */
export type SurfaceCounts = Map<string, Map<string, number>>;

/**
 * Counts the spellings of a document's indexed terms that differ from the term itself, so that a
 * suggestion can show "Khrushchev" rather than the folded "khrushchev".
 */
export function countSurfaces(doc: SearchDocument, fields: AnalysedFields, into: SurfaceCounts): void {
  const values = fieldValues(doc);
  for (const [field, terms] of Object.entries(fields.terms) as [SearchField, Term[]][]) {
    const value = values[field];
    if (value === undefined || terms.length === 0) continue;
    const text = typeof value === 'string' ? value : value.join('\n');
    for (const { term, start, end } of terms) {
      const surface = text.slice(start, end);
      if (surface === term) continue;
      let forms = into.get(term);
      if (forms === undefined) {
        forms = new Map();
        into.set(term, forms);
      }
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
    }
  }
}

/** The most frequent spelling of each term (ties: the first in code-unit order) with its count. */
export function commonestSurfaces(counts: SurfaceCounts): Map<string, { form: string; count: number }> {
  const chosen = new Map<string, { form: string; count: number }>();
  for (const [term, forms] of counts) {
    let best: { form: string; count: number } | undefined;
    for (const [form, count] of forms) {
      if (!best || count > best.count || (count === best.count && form < best.form)) best = { form, count };
    }
    if (best) chosen.set(term, best);
  }
  return chosen;
}

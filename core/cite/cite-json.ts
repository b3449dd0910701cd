/**
 * The JSON face of the formatter, behind
 * `apparatus cite --items ITEMS.json --clusters CLUSTERS.json`: untrusted JSON in, checked with
 * valibot, and plain text plus HTML out for every note and bibliography entry.
 */
import * as v from 'valibot';
import { citeDocument } from './cite-document.ts';
import { CitationError } from './errors.ts';
import { ClustersSchema, ItemsSchema } from './input-schema.ts';
import type { Originals } from './original.ts';
import { toHtml, toPlainText } from './render.ts';
import type { Rich } from './rich.ts';
import { isStyleName, STYLE_NAMES, STYLE_OPTIONS } from './style.ts';

/** A formatted text in both renderings. */
export interface RenderedText {
  text: string;
  html: string;
}

/** What `runCite` returns: exactly these fields, ready for `JSON.stringify`. */
export interface CiteJsonResult {
  notes: ({ noteIndex: number } & RenderedText)[];
  bibliography: { entries: ({ id: string } & RenderedText)[] };
}

/**
 * Validates the items and clusters and formats them in the named style; `originals` (translated
 * id → original, from the corpus, never from the JSON files) is passed on to `citeDocument`.
 * Throws `CitationError` (`unknown-style`, `invalid-input`, or any error of `citeDocument`) with a
 * message naming the file, the entry and the field at fault.
 */
export function runCite(
  itemsJson: unknown,
  clustersJson: unknown,
  style: string,
  originals?: Originals,
): CiteJsonResult {
  if (!isStyleName(style)) {
    throw new CitationError(
      'unknown-style',
      `“${style}” is not a citation style Apparatus knows. ` +
        `Use ${STYLE_NAMES.join(', ')}.`,
    );
  }
  const options = STYLE_OPTIONS[style];
  const items = parse(ItemsSchema, itemsJson, 'items', 'item');
  const clusters = parse(ClustersSchema, clustersJson, 'clusters', 'cluster');
  const doc = citeDocument(items, clusters, options, originals);
  return {
    notes: doc.notes.map((note) => ({ noteIndex: note.noteIndex, ...rendered(note.rich) })),
    bibliography: {
      entries: doc.bibliography.map((entry) => ({ id: entry.id, ...rendered(entry.rich) })),
    },
  };
}

function rendered(rich: Rich): RenderedText {
  return { text: toPlainText(rich), html: toHtml(rich) };
}

function parse<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  file: string,
  entry: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const lines = result.issues.slice(0, 5).map((issue) => describeIssue(issue, input, file, entry));
  const more = result.issues.length > 5 ? ` (and ${result.issues.length - 5} more problems)` : '';
  throw new CitationError('invalid-input', lines.join('; ') + more);
}

/** "The items, item 3 (“griffith1963”), field “issued.date-parts.0.0”: number expected, …". */
function describeIssue(
  issue: v.BaseIssue<unknown>,
  input: unknown,
  file: string,
  entry: string,
): string {
  const path = (issue.path ?? []).map((p) => p.key);
  const [index, ...rest] = path;
  if (typeof index !== 'number') {
    const expected = issue.expected ?? 'array';
    return `The ${file} must be a JSON list (${expected} expected, ${issue.received} received)`;
  }
  const record: unknown = Array.isArray(input) ? input[index] : undefined;
  const id = idOf(record);
  const where = rest.length > 0 ? `, field “${rest.join('.')}”` : '';
  const custom = issue.type === 'check' || issue.type === 'regex';
  const what = custom ? issue.message : describeExpected(issue);
  return `The ${file}, ${entry} ${index + 1}${id}${where}: ${what}`;
}

function idOf(record: unknown): string {
  if (!record || typeof record !== 'object') return '';
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' ? ` (“${id}”)` : '';
}

function describeExpected(issue: v.BaseIssue<unknown>): string {
  if (issue.received === 'undefined') return `missing (${issue.expected ?? 'a value'} expected)`;
  return `${issue.expected ?? 'another value'} expected, ${issue.received} received`;
}

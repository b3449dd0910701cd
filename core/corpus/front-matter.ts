import * as v from 'valibot';
import { Document, isMap, isSeq } from 'yaml';
import { frontMatterSchema, toSourceMeta } from './front-matter-schema.ts';
import type { SourceMeta } from './model.ts';
import { isMapping, readYaml } from './read-yaml.ts';
import { describeIssues } from './schema-issues.ts';
import { SourceFormatError } from './source-format-error.ts';

/** A cleaned file cut in two: the YAML between the `---` lines and the Markdown body after them. */
export interface FileParts {
  yaml: string;
  body: string;
  /** Lines of the file before the body: body line i (0-based) is file line `bodyOffset + i + 1`. */
  bodyOffset: number;
}

/**
 * Cuts a cleaned file into front matter and body. The file must open with a `---` line and the
 * front matter must be closed by another `---` line; otherwise a `SourceFormatError` says so.
 * A byte-order mark and Windows line endings are tolerated.
 */
export function splitFile(text: string): FileParts {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0] !== '---') {
    throw new SourceFormatError(
      'front-matter',
      'a cleaned file must begin with a `---` line that opens its YAML front matter',
      1,
    );
  }
  const close = lines.indexOf('---', 1);
  if (close < 0) {
    throw new SourceFormatError(
      'front-matter',
      'the front matter opened here is never closed by a `---` line',
      1,
    );
  }
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    bodyOffset: close + 1,
  };
}

/**
 * Reads and validates front matter (the YAML text of `splitFile`) into `SourceMeta`. Errors name
 * the field and the line of the file it is on (the YAML starts on line 2).
 */
export function parseFrontMatter(yaml: string): SourceMeta {
  const read = readYaml(yaml);
  if (!read.ok) {
    throw new SourceFormatError(
      'front-matter',
      `the front matter is not valid YAML: ${read.message}`,
      read.line === undefined ? undefined : read.line + 1,
    );
  }
  if (!isMapping(read.data)) {
    throw new SourceFormatError(
      'metadata',
      'the front matter must be a mapping of fields (`key: value` lines) ' +
        'with at least id, type, title and reliability',
      1,
    );
  }
  const result = v.safeParse(frontMatterSchema, read.data);
  if (!result.success) {
    const [problem] = describeIssues(result.issues);
    const line = problem ? read.lineOf(problem.path) : undefined;
    throw new SourceFormatError(
      'metadata',
      `front matter: ${problem?.message ?? 'invalid'}`,
      line === undefined ? 1 : line + 1,
    );
  }
  return toSourceMeta(result.output, result.output.cleaning ?? []);
}

const CSL_ORDER = [
  'id',
  'type',
  'title',
  'title-short',
  'author',
  'editor',
  'translator',
  'container-title',
  'collection-title',
  'volume',
  'issue',
  'page',
  'issued',
  'accessed',
  'publisher',
  'publisher-place',
  'DOI',
  'ISSN',
  'URL',
  'language',
  'genre',
  'part',
  'note',
];
const NAME_ORDER = [
  'family',
  'given',
  'non-dropping-particle',
  'dropping-particle',
  'suffix',
  'literal',
];
const DATE_ORDER = ['date-parts', 'circa', 'literal', 'raw'];
const NAME_KEYS = ['author', 'editor', 'translator'];
const DATE_KEYS = ['issued', 'accessed'];

/**
 * Writes `SourceMeta` as front-matter YAML (without the `---` lines, ending in a newline) in a
 * fixed key order: the CSL variables in bibliographic order, other CSL variables alphabetically,
 * then `reliability`, `derivative_of`, `derivation`, `rights`, `caveats`, and `cleaning` last.
 * Names and dates are written on one line each. Metadata that would not read back identically
 * throws a `SourceFormatError`.
 */
export function serializeFrontMatter(meta: SourceMeta): string {
  const data = frontMatterData(meta);
  const check = v.safeParse(frontMatterSchema, data);
  if (!check.success) {
    const [problem] = describeIssues(check.issues);
    throw new SourceFormatError('unrepresentable', `metadata: ${problem?.message ?? 'invalid'}`);
  }
  const doc = new Document(data);
  for (const key of NAME_KEYS) {
    const seq = doc.get(key, true);
    if (isSeq(seq)) for (const item of seq.items) if (isMap(item)) item.flow = true;
  }
  for (const key of DATE_KEYS) {
    const date = doc.get(key, true);
    if (isMap(date)) date.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function frontMatterData(meta: SourceMeta): Record<string, unknown> {
  const data = ordered(meta.csl as Record<string, unknown>, CSL_ORDER, (key, value) => {
    if (NAME_KEYS.includes(key) && Array.isArray(value)) {
      return value.map((name: unknown) => orderedIfObject(name, NAME_ORDER));
    }
    if (DATE_KEYS.includes(key)) return orderedIfObject(value, DATE_ORDER);
    return value;
  });
  data.reliability = meta.reliability;
  if (meta.derivativeOf !== undefined) data.derivative_of = meta.derivativeOf;
  if (meta.derivation !== undefined) data.derivation = meta.derivation;
  if (meta.rights !== undefined) data.rights = meta.rights;
  if (meta.caveats !== undefined) data.caveats = [...meta.caveats];
  data.cleaning = meta.cleaning.map((c) => ({
    original: c.original,
    replacement: c.replacement,
    reason: c.reason,
  }));
  return data;
}

function ordered(
  object: Record<string, unknown>,
  order: readonly string[],
  mapValue: (key: string, value: unknown) => unknown = (_key, value) => value,
): Record<string, unknown> {
  const keys = Object.keys(object).filter((key) => object[key] !== undefined);
  const known = order.filter((key) => keys.includes(key));
  const rest = keys.filter((key) => !order.includes(key)).sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...rest]) out[key] = mapValue(key, object[key]);
  return out;
}

function orderedIfObject(value: unknown, order: readonly string[]): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? ordered(value as Record<string, unknown>, order)
    : value;
}

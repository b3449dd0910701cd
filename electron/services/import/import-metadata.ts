import * as v from 'valibot';
import { RELIABILITIES, type CslItem, type CslName, type Reliability } from '../../../core/corpus/model.ts';
import { SOURCE_ID_PATTERN } from '../../../core/corpus/front-matter-schema.ts';
import { parseDateText, parseNameText } from '../../../core/corpus/names-and-dates.ts';
import type { DetectedForm } from '../../../core/clean/detect-form.ts';
import { ImportError } from './import-error.ts';

/** What the user says about a source being imported; it wins over what the file states. */
export interface ImportMetadata {
  title: string;
  /** Each "Family, Given" for a person, or the name of an institution as written. */
  authors?: string[];
  /** A year ("1961") or an ISO date ("1961-12-03"). */
  issued?: string;
  /** A CSL type Apparatus can cite; by default `webpage` for a web page, `document` otherwise. */
  type?: string;
  containerTitle?: string;
  url?: string;
  reliability: Reliability;
  /** The source id; by default derived from the first author and year. */
  id?: string;
  /** Where a journal article appeared, as a PDF's first page may print it. */
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  ISSN?: string;
  /** CSL variables the user emptied in the import form: what the file states for them is not kept. */
  clear?: ClearableVariable[];
}

/**
 * The CSL variables a form field can empty, by the field that shows them. (Not the type: every
 * source has one, and "Choose a type…" leaves it to the file or the default.)
 */
const CLEARABLE = {
  authors: 'author',
  issued: 'issued',
  containerTitle: 'container-title',
  url: 'URL',
  volume: 'volume',
  issue: 'issue',
  page: 'page',
  DOI: 'DOI',
  ISSN: 'ISSN',
} as const;

/** A CSL variable the user can empty in the import form. */
export type ClearableVariable = (typeof CLEARABLE)[keyof typeof CLEARABLE];

/**
 * The metadata an import form gives, where every field comes as typed, blank ones included:
 * blank fields left out, every name and value trimmed. A field the form sent blank is one the user
 * emptied (perhaps of what the file suggested): the file's value for it is not kept either.
 */
export function metadataFromForm(form: ImportMetadata): ImportMetadata {
  const given = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value.trim() : undefined);
  const blank = (value: string | string[] | undefined) =>
    value !== undefined && (Array.isArray(value) ? value.every((item) => item.trim() === '') : value.trim() === '');
  const clear = (Object.keys(CLEARABLE) as (keyof typeof CLEARABLE)[]).filter((field) => blank(form[field])).map((field) => CLEARABLE[field]);
  return {
    ...(clear.length > 0 ? { clear } : {}),
    title: form.title,
    authors: form.authors?.map((name) => name.trim()).filter((name) => name !== ''),
    issued: given(form.issued),
    type: given(form.type),
    containerTitle: given(form.containerTitle),
    url: given(form.url),
    reliability: form.reliability,
    id: given(form.id),
    // What a PDF's first pages state, as the user confirmed it.
    ...Object.fromEntries(
      (['volume', 'issue', 'page', 'DOI', 'ISSN'] as const).flatMap((key) => {
        const value = given(form[key]);
        return value === undefined ? [] : [[key, value]];
      }),
    ),
  };
}

/** The CSL types the Chicago formatter supports (core/cite/item.ts). */
export const IMPORT_TYPES = [
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'book',
  'chapter',
  'entry',
  'entry-encyclopedia',
  'entry-dictionary',
  'webpage',
  'post-weblog',
  'manuscript',
  'letter',
  'document',
  'thesis',
] as const;

const text = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.trim(), v.nonEmpty(`${what} must not be empty`));

const metadataSchema = v.object({
  title: text('The title'),
  authors: v.optional(v.array(text('An author’s name'), 'The authors must be a list of names')),
  issued: v.optional(
    v.pipe(
      v.string('The date must be text'),
      v.trim(),
      v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'The date must be a year (1961) or a date written 1961-12-03'),
      v.check((value) => parseDateText(value) !== undefined, 'The date is not a real date'),
    ),
  ),
  type: v.optional(v.picklist(IMPORT_TYPES, `The type must be one of: ${IMPORT_TYPES.join(', ')}`)),
  containerTitle: v.optional(text('The journal, book or site title')),
  url: v.optional(
    v.pipe(v.string('The URL must be text'), v.trim(), v.regex(/^https?:\/\/\S+$/i, 'The URL must start with http:// or https://')),
  ),
  volume: v.optional(text('The volume')),
  issue: v.optional(text('The issue')),
  page: v.optional(text('The page range')),
  DOI: v.optional(v.pipe(v.string('The DOI must be text'), v.trim(), v.regex(/^10\.\d{4,9}\/\S+$/u, 'The DOI must look like 10.1080/14682745.2012.123456'))),
  ISSN: v.optional(v.pipe(v.string('The ISSN must be text'), v.trim(), v.regex(/^\d{4}-\d{3}[\dX]$/u, 'The ISSN must look like 1468-2745'))),
  reliability: v.picklist(RELIABILITIES, `The reliability must be one of: ${RELIABILITIES.join(', ')}`),
  clear: v.optional(v.array(v.picklist(Object.values(CLEARABLE)))),
  id: v.optional(
    v.pipe(
      v.string('The id must be text'),
      v.regex(SOURCE_ID_PATTERN, 'The id must be lower-case letters, digits and “-” (for example hoxha-1961)'),
    ),
  ),
});

/** Checked metadata: every field trimmed and valid. */
export type CheckedMetadata = v.InferOutput<typeof metadataSchema>;

/**
 * Checks the user's metadata; throws an `ImportError` (`invalid-metadata`) that lists every
 * problem in words ("The title must not be empty"). Returns the trimmed values.
 */
export function checkImportMetadata(input: unknown): CheckedMetadata {
  const result = v.safeParse(metadataSchema, input);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) =>
    issue.path === undefined && issue.expected === 'Object'
      ? 'The details must be given as a set of fields'
      : issue.input === undefined && issue.path?.[0]?.key === 'title'
        ? 'The title is missing: every source needs one'
        : issue.input === undefined && issue.path?.[0]?.key === 'reliability'
          ? 'The reliability is missing: say whether the source is primary, secondary, tertiary or derivative'
          : issue.message,
  );
  throw new ImportError('invalid-metadata', `The details for this source need fixing:\n- ${problems.join('\n- ')}`);
}

/** The default CSL type for a form: a web page for HTML, a generic document for anything else. */
export function defaultType(form: DetectedForm): string {
  return form === 'html' ? 'webpage' : 'document';
}

/**
 * The CSL item for a source: what the file states (`found`) but what the user emptied, overlaid by
 * what the user gave.
 * `accessed` is today's date for web pages that state none. The id is filled in by the caller.
 */
export function toCslItem(
  found: Partial<CslItem>,
  metadata: CheckedMetadata,
  form: DetectedForm,
  now: Date,
): Omit<CslItem, 'id'> {
  const csl: Record<string, unknown> = { ...found };
  delete csl.id;
  for (const variable of metadata.clear ?? []) delete csl[variable];
  csl.type = metadata.type ?? (typeof csl.type === 'string' ? csl.type : defaultType(form));
  csl.title = metadata.title;
  if (metadata.authors && metadata.authors.length > 0) {
    csl.author = metadata.authors
      .map((name) => parseNameText(name, 'inverted'))
      .filter((name): name is CslName => name !== undefined);
  }
  if (metadata.issued) csl.issued = parseDateText(metadata.issued);
  if (metadata.containerTitle) csl['container-title'] = metadata.containerTitle;
  if (metadata.url) csl.URL = metadata.url;
  for (const key of ['volume', 'issue', 'page', 'DOI', 'ISSN'] as const) if (metadata[key]) csl[key] = metadata[key];
  if (form === 'html' && csl.accessed === undefined) {
    csl.accessed = { 'date-parts': [[now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()]] };
  }
  return csl as Omit<CslItem, 'id'>;
}

/**
 * Runtime validation of annotations and tags that arrive from outside the process (IPC, imported
 * files, the database), with messages a historian can act on.
 */
import * as v from 'valibot';
import {
  formatLimit,
  MAX_CONTEXT_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_TAG_NAME_LENGTH,
  MAX_TAGS_PER_ANNOTATION,
} from './limits.ts';
import type { Annotation, Tag } from './model.ts';
import { ANCHOR_STATUSES } from './model.ts';
import { checkOmissions, MAX_OMISSIONS } from './omissions.ts';
import { COLORS } from './palette.ts';

const colorList = COLORS.join(', ');

const offset = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'cannot be negative'),
);

const timestamp = v.pipe(
  v.string('must be a date and time'),
  v.isoTimestamp('must be an ISO 8601 date and time, e.g. 2026-03-01T14:05:00Z'),
);

const id = v.pipe(v.string('must be text'), v.minLength(1, 'cannot be empty'));

const omission = v.object({ start: offset, end: offset }, 'must hold a start and an end');

/** The shape of a valid `Annotation`; the output of parsing is an `Annotation`. */
export const annotationSchema = v.pipe(
  v.object(
  {
    id: v.pipe(v.string('must be text'), v.uuid('must be a UUID')),
    sourceId: id,
    quote: v.object(
      {
        exact: v.pipe(
          v.string('must be text'),
          v.minLength(1, 'cannot be empty'),
          v.maxLength(MAX_QUOTE_LENGTH, `must hold at most ${formatLimit(MAX_QUOTE_LENGTH)} characters`),
        ),
        prefix: v.pipe(v.string('must be text'), v.maxLength(MAX_CONTEXT_LENGTH, `must hold at most ${formatLimit(MAX_CONTEXT_LENGTH)} characters`)),
        suffix: v.pipe(v.string('must be text'), v.maxLength(MAX_CONTEXT_LENGTH, `must hold at most ${formatLimit(MAX_CONTEXT_LENGTH)} characters`)),
      },
      'must hold the highlighted text and its context',
    ),
    position: v.pipe(
      v.object({ start: offset, end: offset }, 'must hold a start and an end'),
      v.check((p) => p.end > p.start, 'must end after it starts'),
    ),
    color: v.picklist(COLORS, `must be one of ${colorList}`),
    tags: v.pipe(
      v.array(id, 'must be a list of tag ids'),
      v.check((tags) => new Set(tags).size === tags.length, 'must not name a tag twice'),
      v.maxLength(MAX_TAGS_PER_ANNOTATION, `must name at most ${MAX_TAGS_PER_ANNOTATION} tags`),
    ),
    note: v.pipe(v.string('must be text (Markdown)'), v.maxLength(MAX_NOTE_LENGTH, `must hold at most ${formatLimit(MAX_NOTE_LENGTH)} characters`)),
    // Older saved annotations have no cuts: a full quotation.
    omissions: v.optional(
      v.pipe(
        v.array(omission, 'must be a list of cuts'),
        v.maxLength(MAX_OMISSIONS, `must have at most ${MAX_OMISSIONS} cuts`),
      ),
      [],
    ),
    created: timestamp,
    modified: timestamp,
    anchor: v.picklist(ANCHOR_STATUSES, `must be one of ${ANCHOR_STATUSES.join(', ')}`),
  },
  'is not an annotation',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = checkOmissions(dataset.value.quote.exact, dataset.value.omissions);
    if (problem !== null) addIssue({ message: `has an invalid cut in its quotation: ${problem}` });
  }),
);

/** The shape of a valid `Tag` (its hierarchy is checked by `validateTags`, not here). */
export const tagSchema = v.object(
  {
    id,
    name: v.pipe(
      v.string('must be text'),
      v.minLength(1, 'cannot be empty'),
      v.maxLength(MAX_TAG_NAME_LENGTH, `must hold at most ${MAX_TAG_NAME_LENGTH} characters`),
    ),
    color: v.picklist(COLORS, `must be one of ${colorList}`),
    parent: v.optional(id),
  },
  'is not a tag',
);

/** Either the validated value or the list of problems found, each one sentence. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Validates an annotation from outside. On success `value` holds only the known fields (unknown
 * ones are dropped); on failure every problem is named with its field, e.g. "Annotation colour
 * must be one of yellow, …".
 */
export function parseAnnotation(input: unknown): Parsed<Annotation> {
  const result = v.safeParse(annotationSchema, input);
  if (result.success) return { ok: true, value: result.output satisfies Annotation };
  return { ok: false, problems: result.issues.map((issue) => describeIssue('Annotation', issue)) };
}

/** Validates a tag from outside, as `parseAnnotation` does for annotations. */
export function parseTag(input: unknown): Parsed<Tag> {
  const result = v.safeParse(tagSchema, input);
  if (result.success) {
    const { parent, ...rest } = result.output;
    const tag: Tag = parent === undefined ? rest : { ...rest, parent };
    return { ok: true, value: tag };
  }
  return { ok: false, problems: result.issues.map((issue) => describeIssue('Tag', issue)) };
}

const FIELD_NAMES: Record<string, string> = {
  id: 'id',
  sourceId: 'source',
  quote: 'quote',
  'quote.exact': 'highlighted text',
  'quote.prefix': 'text before the highlight',
  'quote.suffix': 'text after the highlight',
  position: 'position',
  'position.start': 'start position',
  'position.end': 'end position',
  color: 'colour',
  tags: 'tag list',
  note: 'note',
  omissions: 'cuts in the quotation',
  created: 'creation date',
  modified: 'modification date',
  anchor: 'anchoring status',
  name: 'name',
  parent: 'parent tag',
};

function describeIssue(what: string, issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  if (path === null) return `${what} ${issue.message}.`;
  const field = FIELD_NAMES[path] ?? FIELD_NAMES[path.replace(/\.\d+$/, '')] ?? path;
  return `${what} ${field} ${issue.message}.`;
}

/**
 * What the store accepts, checked at its boundary with valibot. A failed check throws a
 * `StoreError('invalid-input')` before any SQL runs, so bad input never changes the project.
 */
import * as v from 'valibot';
import * as limits from '../../../core/annotate/limits.ts';
import { ANCHOR_STATUSES } from '../../../core/annotate/model.ts';
import { MAX_OMISSIONS } from '../../../core/annotate/omissions.ts';
import { COLORS } from '../../../core/annotate/palette.ts';
import { StoreError } from './store-errors.ts';

// Ids are made by the store; the bound only refuses runaway input.
const MAX_ID_LENGTH = 200;

const colorList = COLORS.join(', ');

/** An id: a non-empty string of reasonable length. */
export const IdSchema = v.pipe(
  v.string('an id must be text'),
  v.nonEmpty('an id must not be empty'),
  v.maxLength(MAX_ID_LENGTH, 'an id is too long'),
);

/** One of the named highlight colours. */
export const ColorSchema = v.picklist(COLORS, `the colour must be one of ${colorList}`);

const AnchorSchema = v.picklist(
  ANCHOR_STATUSES,
  'the anchor status must be anchored, moved or orphaned',
);

const NoteSchema = v.pipe(
  v.string('the note must be text'),
  v.maxLength(limits.MAX_NOTE_LENGTH, `the note is longer than ${limits.formatLimit(limits.MAX_NOTE_LENGTH)} characters`),
);

const QuoteSchema = v.strictObject(
  {
    exact: v.pipe(
      v.string('the highlighted text must be text'),
      v.nonEmpty('the highlighted text is empty'),
      v.maxLength(limits.MAX_QUOTE_LENGTH, 'the highlighted passage is too long'),
    ),
    prefix: v.pipe(v.string('the text before the highlight must be text'), v.maxLength(limits.MAX_CONTEXT_LENGTH, 'the text before the highlight is too long')),
    suffix: v.pipe(v.string('the text after the highlight must be text'), v.maxLength(limits.MAX_CONTEXT_LENGTH, 'the text after the highlight is too long')),
  },
  'the quote has unexpected fields',
);

const OffsetSchema = v.pipe(
  v.number('a text position must be a number'),
  v.integer('a text position must be a whole number'),
  v.minValue(0, 'a text position cannot be negative'),
);

const PositionSchema = v.pipe(
  v.strictObject({ start: OffsetSchema, end: OffsetSchema }, 'the position has unexpected fields'),
  v.check(
    (position) => position.end > position.start,
    'the highlight must cover at least one character',
  ),
);

const TagIdsSchema = v.pipe(
  v.array(IdSchema, 'the tags must be a list of tag ids'),
  v.maxLength(limits.MAX_TAGS_PER_ANNOTATION, `a highlight can carry at most ${limits.MAX_TAGS_PER_ANNOTATION} tags`),
);

const TimestampSchema = v.pipe(
  v.string('a date and time must be text'),
  v.isoTimestamp('a date and time must be in ISO 8601 form, e.g. 2026-03-01T14:05:00.000Z'),
);

/** A new highlight, before the store gives it an id (and, unless it was made elsewhere, its timestamps). */
export const AnnotationInputSchema = v.strictObject(
  {
    sourceId: IdSchema,
    quote: QuoteSchema,
    position: PositionSchema,
    color: v.optional(ColorSchema),
    tags: v.optional(TagIdsSchema),
    note: v.optional(NoteSchema),
    anchor: v.optional(AnchorSchema),
    created: v.optional(TimestampSchema),
    modified: v.optional(TimestampSchema),
  },
  'the highlight has unexpected fields',
);

const OmissionsSchema = v.pipe(
  v.array(
    v.strictObject({ start: OffsetSchema, end: OffsetSchema }, 'a cut has unexpected fields'),
    'the cuts must be a list',
  ),
  v.maxLength(MAX_OMISSIONS, `a quotation can have at most ${MAX_OMISSIONS} cuts`),
);

/**
 * What `update` may change: the note, the colour, the tags and the cuts in the quotation, nothing
 * else. Whether the cuts fit the quote is checked against the saved annotation.
 */
export const AnnotationPatchSchema = v.strictObject(
  {
    note: v.optional(NoteSchema),
    color: v.optional(ColorSchema),
    tags: v.optional(TagIdsSchema),
    omissions: v.optional(OmissionsSchema),
  },
  'only the note, the colour, the tags and the cuts in the quotation of a highlight can be changed',
);

/** Re-anchoring results for several annotations. */
export const AnchorUpdatesSchema = v.array(
  v.strictObject(
    { id: IdSchema, position: PositionSchema, anchor: AnchorSchema },
    'a re-anchoring result has unexpected fields',
  ),
  're-anchoring results must be a list',
);

/** Where a restored annotation now sits. */
export const PlacementSchema = v.strictObject(
  { position: PositionSchema, anchor: AnchorSchema },
  'a placement has unexpected fields',
);

/** Which annotations `list` returns. */
export const ListFilterSchema = v.strictObject(
  {
    sourceId: v.optional(IdSchema),
    tagId: v.optional(IdSchema),
    includeChildTags: v.optional(v.boolean('includeChildTags must be true or false')),
  },
  'the filter has unexpected fields',
);

/** A tag name as typed, before normalisation. */
export const TagNameSchema = v.pipe(
  v.string('a tag name must be text'),
  v.maxLength(limits.MAX_TAG_NAME_LENGTH, `a tag name can have at most ${limits.MAX_TAG_NAME_LENGTH} characters`),
);

/** A settings key. */
export const SettingKeySchema = v.pipe(
  v.string('a setting name must be text'),
  v.nonEmpty('a setting name must not be empty'),
  v.maxLength(200, 'a setting name is too long'),
);

/**
 * `value` checked against `schema`. On failure throws `StoreError('invalid-input')` whose message
 * starts with `refusal` (e.g. "The highlight was not saved") and names the first problem; `issues`
 * lists every problem with where it was found.
 */
export function parseInput<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  refusal: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issues = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new StoreError('invalid-input', `${refusal}: ${result.issues[0].message}.`, { issues });
}

/** New selectors for an annotation re-attached by the user to another passage. */
export const ReattachSchema = v.strictObject({ quote: QuoteSchema, position: PositionSchema });

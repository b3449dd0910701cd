/**
 * The searchable fields of the two kinds of document, and their ranking boosts.
 */

/** Fields of a block document (a heading, paragraph, quote, list item or footnote paragraph). */
export type BlockField = 'title' | 'author' | 'heading' | 'body';

/**
 * Fields of an annotation document. `parentTags` holds the names of the tags that contain the
 * annotation's own tags, so that `tag:purges` also lists passages filed under a child of it.
 */
export type AnnotationField = 'quote' | 'note' | 'tags' | 'parentTags';

/** Any searchable field. */
export type SearchField = BlockField | AnnotationField;

/** Block fields in index order. */
export const BLOCK_FIELDS: readonly BlockField[] = ['title', 'author', 'heading', 'body'];

/** Annotation fields in index order. */
export const ANNOTATION_FIELDS: readonly AnnotationField[] = ['quote', 'note', 'tags', 'parentTags'];

/** Every field in a canonical order, so that scores are summed alike whatever the shard. */
export const FIELD_ORDER: readonly SearchField[] = [...BLOCK_FIELDS, ...ANNOTATION_FIELDS];

/** Number of fields; a field's number is its place in `FIELD_ORDER`. */
export const FIELD_COUNT: number = FIELD_ORDER.length;

/** The number of each field (its place in `FIELD_ORDER`), for bit masks and tables. */
export const FIELD_NUMBER: Readonly<Record<SearchField, number>> = Object.fromEntries(
  FIELD_ORDER.map((field, i) => [field, i]),
) as Record<SearchField, number>;

/**
 * Multipliers on a field's BM25 contribution. Headings and titles name what a passage is about,
 * so a word there outranks the same word in running text; the user's own tags and notes
 * outrank the quoted words, which the passage itself already supplies.
 */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  title: 2,
  author: 1.5,
  heading: 2,
  body: 1,
  quote: 1,
  note: 1.5,
  tags: 2,
  parentTags: 1,
};

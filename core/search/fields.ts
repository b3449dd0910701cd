/**
 * The searchable fields of the two kinds of document, and their ranking boosts.
 */

/** Fields of a block document (a heading, paragraph, quote, list item or footnote paragraph). */
export type BlockField = 'title' | 'author' | 'heading' | 'body';

/** Fields of an annotation document. */
export type AnnotationField = 'quote' | 'note' | 'tags';

/** Any searchable field. */
export type SearchField = BlockField | AnnotationField;

/** Block fields in index order. */
export const BLOCK_FIELDS: readonly BlockField[] = ['title', 'author', 'heading', 'body'];

/** Annotation fields in index order. */
export const ANNOTATION_FIELDS: readonly AnnotationField[] = ['quote', 'note', 'tags'];

/** Every field in a canonical order, so that scores are summed alike whatever the shard. */
export const FIELD_ORDER: readonly SearchField[] = [...BLOCK_FIELDS, ...ANNOTATION_FIELDS];

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
};

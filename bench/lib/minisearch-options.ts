/** MiniSearch's settings in the benchmark: the same fields and folding as Apparatus. */

/** A document as MiniSearch indexes it: a block's fields, or an annotation's. */
export interface MiniDocument {
  id: string;
  title?: string;
  author?: string;
  heading?: string;
  body?: string;
  quote?: string;
  note?: string;
  tags?: string;
}

/** Fields of blocks and annotations; the same folding as ours (NFD, marks stripped, lower case). */
export const MINISEARCH_OPTIONS = {
  fields: ['title', 'author', 'heading', 'body', 'quote', 'note', 'tags'],
  processTerm: (term: string) => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
};

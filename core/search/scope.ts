/**
 * What `in:` means: which documents, and which of their fields, a search looks at. Documents
 * come in three kinds (a block of running text, a footnote paragraph, an annotation); for each
 * kind a query allows a set of fields, as a bit mask over `FIELD_ORDER`.
 */
import { ANNOTATION_FIELDS, BLOCK_FIELDS, FIELD_NUMBER, type SearchField } from './fields.ts';
import type { SearchScope } from './query.ts';
import { DOC_ANNOTATION, DOC_IN_NOTE } from './segment.ts';

/** Kind 0: a block of running text; 1: a footnote paragraph; 2: an annotation. */
export type DocKind = 0 | 1 | 2;

/** The kind of a document from its flags. */
export function docKind(flags: number): DocKind {
  return flags & DOC_ANNOTATION ? 2 : flags & DOC_IN_NOTE ? 1 : 0;
}

interface ScopeRule {
  kinds: readonly DocKind[];
  fields: readonly SearchField[];
}

// `notes` are the user's own notes on annotations (the panel calls them notes); the footnotes
// of a source are `footnotes`. A tag's parents count as its tags.
const RULES: Readonly<Record<SearchScope, ScopeRule>> = {
  text: { kinds: [0, 1], fields: BLOCK_FIELDS },
  footnotes: { kinds: [1], fields: BLOCK_FIELDS },
  headings: { kinds: [0, 1], fields: ['heading'] },
  annotations: { kinds: [2], fields: ANNOTATION_FIELDS },
  notes: { kinds: [2], fields: ['note'] },
  quotes: { kinds: [2], fields: ['quote'] },
  tags: { kinds: [2], fields: ['tags', 'parentTags'] },
};

/** The scopes a query included and excluded with `in:` and `-in:`. */
export interface Scopes {
  include: readonly SearchScope[];
  exclude: readonly SearchScope[];
}

function maskOf(fields: readonly SearchField[]): number {
  let mask = 0;
  for (const field of fields) mask |= 1 << FIELD_NUMBER[field];
  return mask;
}

const OWN: readonly number[] = [maskOf(BLOCK_FIELDS), maskOf(BLOCK_FIELDS), maskOf(ANNOTATION_FIELDS)];

/** Fields of the tags, which `tag:` words look in. */
export const TAG_FIELDS_MASK: number = maskOf(['tags', 'parentTags']);

/**
 * For each kind of document, the fields words may match in under `scopes`: with no `in:`, all
 * of the document's fields; otherwise the union over the included scopes that accept it, minus
 * the fields of excluded scopes that accept it. Zero means such documents are out of scope.
 */
export function scopeMasks(scopes: Scopes): [number, number, number] {
  const masks: [number, number, number] = [0, 0, 0];
  for (const kind of [0, 1, 2] as const) {
    let mask = 0;
    if (scopes.include.length === 0) mask = OWN[kind] as number;
    for (const scope of scopes.include) if (RULES[scope].kinds.includes(kind)) mask |= maskOf(RULES[scope].fields);
    for (const scope of scopes.exclude) if (RULES[scope].kinds.includes(kind)) mask &= ~maskOf(RULES[scope].fields);
    masks[kind] = mask & (OWN[kind] as number);
  }
  return masks;
}

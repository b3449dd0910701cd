/**
 * What `in:` means: which documents, and which of their fields, a search looks at.
 */
import { ANNOTATION_FIELDS, BLOCK_FIELDS, type SearchField } from './fields.ts';
import type { SearchScope } from './query.ts';
import type { ShardDocument } from './shard.ts';

interface ScopeRule {
  accepts(doc: ShardDocument): boolean;
  fields: readonly SearchField[];
}

const isBlock = (doc: ShardDocument) => doc.kind === 'block';
const isAnnotation = (doc: ShardDocument) => doc.kind === 'annotation';

// `notes` are the user's own notes on annotations (the panel calls them notes); the footnotes
// of a source are `footnotes`.
const RULES: Readonly<Record<SearchScope, ScopeRule>> = {
  text: { accepts: isBlock, fields: BLOCK_FIELDS },
  footnotes: { accepts: (doc) => isBlock(doc) && doc.inNote === true, fields: BLOCK_FIELDS },
  headings: { accepts: isBlock, fields: ['heading'] },
  annotations: { accepts: isAnnotation, fields: ANNOTATION_FIELDS },
  notes: { accepts: isAnnotation, fields: ['note'] },
  quotes: { accepts: isAnnotation, fields: ['quote'] },
  tags: { accepts: isAnnotation, fields: ['tags'] },
};

/** The scopes a query included and excluded with `in:` and `-in:`. */
export interface Scopes {
  include: readonly SearchScope[];
  exclude: readonly SearchScope[];
}

/**
 * The fields of `doc` that words may match under `scopes`: with no `in:`, all of the document's
 * fields; otherwise the union over the included scopes that accept it, minus the fields of
 * excluded scopes that accept it. Empty means the document is out of scope.
 */
export function searchableFields(doc: ShardDocument, scopes: Scopes): SearchField[] {
  const own = doc.kind === 'block' ? BLOCK_FIELDS : ANNOTATION_FIELDS;
  const fields = new Set<SearchField>(
    scopes.include.length === 0
      ? own
      : scopes.include.flatMap((scope) => (RULES[scope].accepts(doc) ? RULES[scope].fields : [])),
  );
  for (const scope of scopes.exclude) {
    if (RULES[scope].accepts(doc)) for (const field of RULES[scope].fields) fields.delete(field);
  }
  return own.filter((field) => fields.has(field));
}

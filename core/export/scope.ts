/**
 * Which highlights an export holds: all of them, those of one source (`source:ID`), or those
 * carrying one tag or any tag below it (`tag:NAME`).
 */
import type { Annotation, Tag } from '../annotate/model.ts';
import { tagNameKey } from '../annotate/tag-names.ts';
import { ExportError } from './errors.ts';

/** A parsed scope. */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'source'; sourceId: string }
  | { kind: 'tag'; tag: string };

/** Reads `all`, `source:ID` or `tag:NAME`; throws `ExportError` (`invalid-scope`) otherwise. */
export function parseScope(text: string): ExportScope {
  const trimmed = text.trim();
  if (trimmed === 'all') return { kind: 'all' };
  const m = /^(source|tag):(.+)$/s.exec(trimmed);
  const value = m?.[2]?.trim() ?? '';
  if (m && value !== '') {
    return m[1] === 'source' ? { kind: 'source', sourceId: value } : { kind: 'tag', tag: value };
  }
  throw new ExportError(
    'invalid-scope',
    `“${text}” is not a scope: use all, source:ID (one source) or tag:NAME (one tag).`,
  );
}

/**
 * The annotations in `scope`, in their input order. A tag is found by name (ignoring case) or id
 * and includes every tag below it. Throws `ExportError` (`unknown-tag`) for a tag that does not
 * exist; an unknown source simply has no annotations (the caller checks sources).
 */
export function selectAnnotations(
  annotations: readonly Annotation[],
  tags: readonly Tag[],
  scope: ExportScope,
): Annotation[] {
  if (scope.kind === 'all') return [...annotations];
  if (scope.kind === 'source') return annotations.filter((a) => a.sourceId === scope.sourceId);
  const root = findTag(tags, scope.tag);
  const ids = descendants(tags, root.id);
  return annotations.filter((a) => a.tags.some((id) => ids.has(id)));
}

/** The tag named `nameOrId` (case-insensitive) or with that id; throws `unknown-tag`. */
export function findTag(tags: readonly Tag[], nameOrId: string): Tag {
  const key = tagNameKey(nameOrId);
  const tag = tags.find((t) => tagNameKey(t.name) === key) ?? tags.find((t) => t.id === nameOrId);
  if (!tag) {
    throw new ExportError('unknown-tag', `There is no tag called “${nameOrId}” in this project.`);
  }
  return tag;
}

function descendants(tags: readonly Tag[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  // Parents never loop (the store guarantees it), so this settles after at most depth rounds.
  for (let grew = true; grew; ) {
    grew = false;
    for (const tag of tags) {
      if (tag.parent !== undefined && ids.has(tag.parent) && !ids.has(tag.id)) {
        ids.add(tag.id);
        grew = true;
      }
    }
  }
  return ids;
}

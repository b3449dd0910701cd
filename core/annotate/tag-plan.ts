/**
 * Renaming, moving and merging tags, as pure plans. A plan lists every row that changes; the
 * store applies one plan in one transaction, which is what makes these operations global (every
 * annotation carrying the tag) and atomic (all or nothing; see docs/architecture.md §10).
 */
import { AnnotateError } from './errors.ts';
import type { Annotation, Tag } from './model.ts';
import { checkTagName } from './tag-names.ts';
import { isAncestor } from './tag-tree.ts';

/** The tag list of one annotation, the only part of an annotation a tag plan touches. */
export type TaggedAnnotation = Pick<Annotation, 'id' | 'tags'>;

/**
 * The changes of one tag operation: tags to overwrite (whole new values), tag ids to delete, and
 * the new tag list of every annotation whose list changes. Anything not listed is unchanged.
 */
export interface TagPlan {
  updated: Tag[];
  removed: string[];
  annotations: { id: string; tags: string[] }[];
}

/**
 * Renames tag `id` to the normalised `name`. Annotations refer to tags by id, so none changes.
 * Throws `AnnotateError`: `unknown-tag`, `empty-tag-name`, or `tag-name-taken` (another tag has
 * the name in any capitalisation; merging is then the user's explicit choice).
 */
export function planRename(tags: readonly Tag[], id: string, name: string): TagPlan {
  const tag = requireTag(tags, id);
  const normalized = checkTagName(tags, name, id);
  const updated = normalized === tag.name ? [] : [{ ...tag, name: normalized }];
  return { updated, removed: [], annotations: [] };
}

/**
 * Files tag `id` under `parentId`, or at the top level when `parentId` is undefined. Throws
 * `AnnotateError` `unknown-tag` for a missing tag or parent and `tag-cycle` when the parent is
 * the tag itself or one of its descendants.
 */
export function planMove(tags: readonly Tag[], id: string, parentId: string | undefined): TagPlan {
  const tag = requireTag(tags, id);
  if (parentId !== undefined) {
    const parent = requireTag(tags, parentId);
    if (parentId === id || isAncestor(tags, id, parentId)) {
      throw new AnnotateError(
        'tag-cycle',
        `“${tag.name}” cannot be filed under “${parent.name}”, which is inside it.`,
      );
    }
  }
  if (tag.parent === parentId) return { updated: [], removed: [], annotations: [] };
  return { updated: [withParent(tag, parentId)], removed: [], annotations: [] };
}

/**
 * Merges the tags `sourceIds` into `targetId`: the sources disappear, every annotation carrying
 * one of them carries the target instead (once, at the place of its first tag of the merge), and
 * the sources' sub-tags move under the target. When the target itself sits below a source, it
 * first takes that source's place in the hierarchy, so no cycle can arise. The target keeps its
 * name and colour. Throws `AnnotateError` `unknown-tag` or `merge-into-itself`.
 */
export function planMerge(
  tags: readonly Tag[],
  annotations: readonly TaggedAnnotation[],
  sourceIds: readonly string[],
  targetId: string,
): TagPlan {
  requireTag(tags, targetId);
  const sources = [...new Set(sourceIds)];
  for (const sourceId of sources) {
    const source = requireTag(tags, sourceId);
    if (sourceId === targetId) {
      const message = `“${source.name}” cannot be merged into itself.`;
      throw new AnnotateError('merge-into-itself', message);
    }
  }
  let work = tags.slice();
  for (const sourceId of sources) {
    const source = requireTag(work, sourceId);
    const liftTarget = isAncestor(work, sourceId, targetId);
    work = work
      .filter((tag) => tag.id !== sourceId)
      .map((tag) => {
        if (tag.id === targetId) return liftTarget ? withParent(tag, source.parent) : tag;
        return tag.parent === sourceId ? withParent(tag, targetId) : tag;
      });
  }
  const before = new Map(tags.map((tag) => [tag.id, tag] as const));
  const updated = work.filter((tag) => before.get(tag.id)?.parent !== tag.parent);
  const merged = new Set(sources);
  const changed: TagPlan['annotations'] = [];
  for (const annotation of annotations) {
    if (!annotation.tags.some((tagId) => merged.has(tagId))) continue;
    const next = annotation.tags.map((tagId) => (merged.has(tagId) ? targetId : tagId));
    changed.push({ id: annotation.id, tags: [...new Set(next)] });
  }
  return { updated, removed: sources, annotations: changed };
}

/** `tags` after `plan`: updated tags replaced in place, removed ones gone, order otherwise kept. */
export function applyTagPlan(tags: readonly Tag[], plan: TagPlan): Tag[] {
  const updated = new Map(plan.updated.map((tag) => [tag.id, tag] as const));
  const removed = new Set(plan.removed);
  return tags.filter((tag) => !removed.has(tag.id)).map((tag) => updated.get(tag.id) ?? tag);
}

function requireTag(tags: readonly Tag[], id: string): Tag {
  const tag = tags.find((candidate) => candidate.id === id);
  if (tag === undefined) {
    throw new AnnotateError('unknown-tag', 'That tag no longer exists; reload the tag list.');
  }
  return tag;
}

function withParent(tag: Tag, parent: string | undefined): Tag {
  const next: Tag = { id: tag.id, name: tag.name, color: tag.color };
  if (parent !== undefined) next.parent = parent;
  return next;
}

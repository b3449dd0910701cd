/**
 * The tag hierarchy: checking it, and walking it for "filter by tag including its children".
 */
import type { Tag } from './model.ts';
import { normalizeTagName, tagNameKey } from './tag-names.ts';

/** Every way a list of tags can be inconsistent. */
export type TagProblemCode =
  | 'duplicate-id'
  | 'empty-name'
  | 'untidy-name'
  | 'duplicate-name'
  | 'missing-parent'
  | 'cycle';

/** One inconsistency, naming the tag it concerns. */
export interface TagProblem {
  code: TagProblemCode;
  tagId: string;
  message: string;
}

/**
 * All problems of `tags` as a whole, in tag order (an empty list means consistent): ids unique,
 * names non-empty, normalised and unique ignoring case, every parent an existing tag, and no tag
 * its own ancestor.
 */
export function validateTags(tags: readonly Tag[]): TagProblem[] {
  const problems: TagProblem[] = [];
  const byId = new Map<string, Tag>();
  const byKey = new Map<string, Tag>();
  for (const tag of tags) {
    if (byId.has(tag.id)) {
      problems.push(problem('duplicate-id', tag, `Two tags share the id ${tag.id}.`));
    } else {
      byId.set(tag.id, tag);
    }
    const key = tagNameKey(tag.name);
    if (key === '') {
      problems.push(problem('empty-name', tag, `Tag ${tag.id} has no name.`));
      continue;
    }
    if (normalizeTagName(tag.name) !== tag.name) {
      problems.push(problem('untidy-name', tag, `Tag “${tag.name}” has stray spacing.`));
    }
    const twin = byKey.get(key);
    if (twin !== undefined) {
      const message = `Tags “${twin.name}” and “${tag.name}” have the same name.`;
      problems.push(problem('duplicate-name', tag, message));
    } else {
      byKey.set(key, tag);
    }
  }
  for (const tag of tags) {
    if (tag.parent === undefined) continue;
    if (!byId.has(tag.parent)) {
      const message = `Tag “${tag.name}” is filed under a tag that does not exist.`;
      problems.push(problem('missing-parent', tag, message));
    } else if (isOwnAncestor(byId, tag)) {
      problems.push(problem('cycle', tag, `Tag “${tag.name}” is filed under itself.`));
    }
  }
  return problems;
}

/**
 * Ids of every tag below `id` (children, grandchildren, …), nearest generations first; `id`
 * itself is not included. Terminates even on inconsistent tags with cycles.
 */
export function descendants(tags: readonly Tag[], id: string): string[] {
  const children = new Map<string, string[]>();
  for (const tag of tags) {
    if (tag.parent === undefined) continue;
    const siblings = children.get(tag.parent);
    if (siblings === undefined) children.set(tag.parent, [tag.id]);
    else siblings.push(tag.id);
  }
  const seen = new Set<string>([id]);
  const found: string[] = [];
  for (let i = -1; i < found.length; i++) {
    const parent = i < 0 ? id : (found[i] as string);
    for (const child of children.get(parent) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      found.push(child);
    }
  }
  return found;
}

/** True when `ancestorId` lies on the chain of parents above the tag `id` (never loops). */
export function isAncestor(tags: readonly Tag[], ancestorId: string, id: string): boolean {
  const byId = new Map(tags.map((tag) => [tag.id, tag] as const));
  const seen = new Set<string>();
  let tag = byId.get(id);
  while (tag?.parent !== undefined && !seen.has(tag.id)) {
    if (tag.parent === ancestorId) return true;
    seen.add(tag.id);
    tag = byId.get(tag.parent);
  }
  return false;
}

function isOwnAncestor(byId: ReadonlyMap<string, Tag>, start: Tag): boolean {
  const seen = new Set<string>();
  for (let tag: Tag | undefined = start; tag?.parent !== undefined; tag = byId.get(tag.parent)) {
    if (tag.parent === start.id) return true;
    // A loop higher up that does not pass through `start` is reported on its own members.
    if (seen.has(tag.id)) return false;
    seen.add(tag.id);
  }
  return false;
}

function problem(code: TagProblemCode, tag: Tag, message: string): TagProblem {
  return { code, tagId: tag.id, message };
}

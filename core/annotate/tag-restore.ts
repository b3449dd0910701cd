/**
 * Undoing the deletion or merge of a tag, as a pure plan: the record of what the removal changed
 * (kept by the store) and the tags and annotations as they are now give the tag back, on exactly
 * the annotations that carried it, with its sub-tags under it again.
 */
import * as v from 'valibot';
import { AnnotateError } from './errors.ts';
import type { Tag } from './model.ts';
import { COLORS } from './palette.ts';
import { checkTagName } from './tag-names.ts';
import type { TaggedAnnotation, TagPlan } from './tag-plan.ts';
import { isAncestor } from './tag-tree.ts';

/** What deleting or merging away one tag changed, kept so that it can be undone. */
export interface TagRemoval {
  /** The tag as it was. */
  tag: Tag;
  /** Every annotation that carried the tag, with its whole tag list before the removal. */
  carriers: TaggedAnnotation[];
  /** Every other tag whose parent the removal changed, with the parent it had before (absent: top level). */
  moved: { id: string; parent?: string }[];
  /** For a merge: the tag it was merged into. */
  mergedInto?: string;
}

/**
 * The record of removing `tagId` from `tags` (the state before): its carriers as given, and the
 * tags `updated` by the removal as they were before it.
 */
export function recordRemoval(
  tags: readonly Tag[],
  tagId: string,
  carriers: readonly TaggedAnnotation[],
  updated: readonly Tag[],
  mergedInto?: string,
): TagRemoval {
  const before = new Map(tags.map((tag) => [tag.id, tag] as const));
  const tag = before.get(tagId);
  if (tag === undefined) throw new AnnotateError('unknown-tag', 'That tag no longer exists; reload the tag list.');
  const moved = updated.flatMap((changed) => {
    const was = before.get(changed.id);
    if (was === undefined || was.parent === changed.parent) return [];
    return [was.parent === undefined ? { id: was.id } : { id: was.id, parent: was.parent }];
  });
  return {
    tag: copyTag(tag),
    carriers: carriers.map((carrier) => ({ id: carrier.id, tags: [...carrier.tags] })),
    moved,
    ...(mergedInto === undefined ? {} : { mergedInto }),
  };
}

/**
 * Puts a removed tag back: the tag to insert (same id, name, colour; under its old parent if that
 * still exists) and the plan that follows (its sub-tags under it again, its annotations carrying it
 * again). `current` holds the tag lists of the carriers that still exist. An annotation left as the
 * removal left it gets its tag list back exactly; one changed since gets the tag back at its old
 * place. After a merge, an annotation that did not carry the target before loses it again. Throws
 * `AnnotateError` `tag-name-taken` when another tag has taken the name meanwhile.
 */
export function planRestore(
  tags: readonly Tag[],
  current: readonly TaggedAnnotation[],
  removal: TagRemoval,
): { tag: Tag; plan: TagPlan } {
  const { id } = removal.tag;
  let name: string;
  try {
    name = checkTagName(tags, removal.tag.name, id);
  } catch (error) {
    if (!(error instanceof AnnotateError)) throw error;
    throw new AnnotateError(
      'tag-name-taken',
      `The tag “${removal.tag.name}” cannot be brought back: another tag is now called that. Rename that tag first.`,
    );
  }
  const exists = new Set(tags.map((tag) => tag.id));
  const parent = removal.tag.parent !== undefined && exists.has(removal.tag.parent) ? removal.tag.parent : undefined;
  const tag: Tag = { id, name, color: removal.tag.color, ...(parent === undefined ? {} : { parent }) };
  exists.add(id);

  let work: Tag[] = [...tags, tag];
  const updated: Tag[] = [];
  for (const move of removal.moved) {
    const child = work.find((candidate) => candidate.id === move.id);
    if (child === undefined || (move.parent !== undefined && !exists.has(move.parent))) continue;
    if (move.parent !== undefined && (move.parent === child.id || isAncestor(work, child.id, move.parent))) continue;
    const next: Tag = { id: child.id, name: child.name, color: child.color, ...(move.parent === undefined ? {} : { parent: move.parent }) };
    work = work.map((candidate) => (candidate.id === child.id ? next : candidate));
    updated.push(next);
  }

  const now = new Map(current.map((annotation) => [annotation.id, annotation.tags] as const));
  const annotations: TagPlan['annotations'] = [];
  for (const carrier of removal.carriers) {
    const tagsNow = now.get(carrier.id);
    if (tagsNow === undefined) continue;
    const next = restoredList(carrier.tags, tagsNow, id, removal.mergedInto).filter((tagId) => exists.has(tagId));
    if (next.join('\u0000') !== tagsNow.join('\u0000')) annotations.push({ id: carrier.id, tags: next });
  }
  return { tag, plan: { updated, removed: [], annotations } };
}

/** The tag list of one carrier after the restore. */
function restoredList(before: readonly string[], now: readonly string[], id: string, into: string | undefined): string[] {
  // Untouched since the removal: exactly the list it had.
  if (sameList(now, afterRemoval(before, id, into))) return [...before];
  const kept = into !== undefined && !before.includes(into) ? now.filter((tagId) => tagId !== into) : [...now];
  if (!kept.includes(id)) kept.splice(Math.min(Math.max(before.indexOf(id), 0), kept.length), 0, id);
  return kept;
}

/** What a deletion (or a merge into `into`) made of a tag list. */
function afterRemoval(before: readonly string[], id: string, into: string | undefined): string[] {
  if (into === undefined) return before.filter((tagId) => tagId !== id);
  return [...new Set(before.map((tagId) => (tagId === id ? into : tagId)))];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function copyTag(tag: Tag): Tag {
  return { id: tag.id, name: tag.name, color: tag.color, ...(tag.parent === undefined ? {} : { parent: tag.parent }) };
}

const idList = v.array(v.string());

/** The shape of a stored `TagRemoval`, checked when it is read back. */
export const tagRemovalSchema = v.object({
  tag: v.object({ id: v.string(), name: v.string(), color: v.picklist(COLORS), parent: v.optional(v.string()) }),
  carriers: v.array(v.object({ id: v.string(), tags: idList })),
  moved: v.array(v.object({ id: v.string(), parent: v.optional(v.string()) })),
  mergedInto: v.optional(v.string()),
});

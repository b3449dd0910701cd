/**
 * What the local store must do so that its tags say what the group's vocabulary says: tags the
 * group made or changed are written with their own ids, tags merged elsewhere are merged here
 * (their annotations carry the tag they now count as), tags deleted elsewhere are deleted here.
 * Tags the vocabulary does not know yet (made before the project joined, and not yet published)
 * stay, unless the group already has a tag of that name: then they count as that one.
 */
import type { Tag } from '../annotate/model.ts';
import { tagNameKey } from '../annotate/tag-names.ts';
import type { SharedVocabulary } from './model.ts';

/** The changes to the local tags, in the order the store applies them. */
export interface TagSyncPlan {
  /** Tags to write as given (inserted when missing), parents before their children. */
  upserts: Tag[];
  /** Local tags that now count as another: their annotations carry `into` instead. */
  merges: { from: string; into: string }[];
  /** Local tags the group deleted. */
  deletes: string[];
}

/** True when the plan changes nothing. */
export function isEmptyTagPlan(plan: TagSyncPlan): boolean {
  return plan.upserts.length === 0 && plan.merges.length === 0 && plan.deletes.length === 0;
}

/** The plan that brings `local` in line with `vocabulary`. */
export function planTagSync(local: readonly Tag[], vocabulary: SharedVocabulary): TagSyncPlan {
  const live = new Map(vocabulary.tags.map((tag) => [tag.id, plainTag(tag)]));
  const liveByName = new Map([...live.values()].map((tag) => [tagNameKey(tag.name), tag.id]));
  const localById = new Map(local.map((tag) => [tag.id, tag]));
  const merges: TagSyncPlan['merges'] = [];
  const deletes: string[] = [];
  for (const tag of local) {
    if (live.has(tag.id)) continue;
    if (Object.hasOwn(vocabulary.aliases, tag.id)) {
      const into = vocabulary.aliases[tag.id];
      if (into === null || into === undefined) deletes.push(tag.id);
      else merges.push({ from: tag.id, into });
      continue;
    }
    const namesake = liveByName.get(tagNameKey(tag.name));
    if (namesake !== undefined) merges.push({ from: tag.id, into: namesake });
  }
  const upserts = parentsFirst([...live.values()]).filter((tag) => {
    const mine = localById.get(tag.id);
    return !mine || mine.name !== tag.name || mine.color !== tag.color || (mine.parent ?? null) !== (tag.parent ?? null);
  });
  return { upserts, merges, deletes };
}

function plainTag(tag: Tag): Tag {
  const plain: Tag = { id: tag.id, name: tag.name, color: tag.color };
  if (tag.parent !== undefined) plain.parent = tag.parent;
  return plain;
}

// The vocabulary's tree has no cycles, so every tag is reached from the top level.
function parentsFirst(tags: readonly Tag[]): Tag[] {
  const children = new Map<string | undefined, Tag[]>();
  const ids = new Set(tags.map((tag) => tag.id));
  for (const tag of tags) {
    const parent = tag.parent !== undefined && ids.has(tag.parent) ? tag.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(tag);
    children.set(parent, list);
  }
  const ordered: Tag[] = [];
  const queue = [...(children.get(undefined) ?? [])];
  while (queue.length > 0) {
    const tag = queue.shift() as Tag;
    ordered.push(tag);
    queue.push(...(children.get(tag.id) ?? []));
  }
  return ordered;
}

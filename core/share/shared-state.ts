/**
 * Reading a group's annotations documents together: each member's annotations with their tags
 * resolved against the vocabulary, and the tags other members put on them.
 */
import type * as Y from 'yjs';
import type { SharedAnnotation, SharedVocabulary } from './model.ts';
import { readAnnotations, readTaggings, type StoredAnnotation } from './annotation-doc.ts';
import type { TagMark } from './tag-marks.ts';

/** One member's annotations document. */
export interface AuthorDoc {
  author: string;
  doc: Y.Doc;
}

/**
 * The annotations of every member (or only those with an id in `only`), sorted by source, place
 * and id. An id found in two members' documents is read from the first member by name only: ids
 * are UUIDs, so a second copy can only be someone else's imitation.
 */
export function readSharedAnnotations(
  docs: readonly AuthorDoc[],
  vocabulary: SharedVocabulary,
  only?: ReadonlySet<string>,
): SharedAnnotation[] {
  const live = new Set(vocabulary.tags.map((tag) => tag.id));
  const meaning = (id: string): string | null => (live.has(id) ? id : (vocabulary.aliases[id] ?? null));
  const sorted = [...docs].sort((a, b) => a.author.localeCompare(b.author));
  const taggings = new Map<string, { tagger: string; marks: TagMark[] }[]>();
  for (const { author, doc } of sorted) {
    for (const [id, marks] of readTaggings(doc)) {
      if (only && !only.has(id)) continue;
      const list = taggings.get(id) ?? [];
      list.push({ tagger: author, marks });
      taggings.set(id, list);
    }
  }
  const result = new Map<string, SharedAnnotation>();
  for (const { author, doc } of sorted) {
    for (const stored of readAnnotations(doc, only)) {
      if (result.has(stored.id)) continue;
      const others = (taggings.get(stored.id) ?? []).filter((tagging) => tagging.tagger !== author);
      result.set(stored.id, shared(stored, author, others, meaning));
    }
  }
  return [...result.values()].sort(
    (a, b) => a.sourceId.localeCompare(b.sourceId) || a.position.start - b.position.start || a.id.localeCompare(b.id),
  );
}

function shared(
  stored: StoredAnnotation,
  author: string,
  others: { tagger: string; marks: TagMark[] }[],
  meaning: (id: string) => string | null,
): SharedAnnotation {
  const tags: string[] = [];
  const taggedBy: Record<string, string> = {};
  const add = (marks: TagMark[], by: string) => {
    for (const mark of marks) {
      const id = meaning(mark.id);
      if (id === null || Object.hasOwn(taggedBy, id)) continue;
      tags.push(id);
      taggedBy[id] = by;
    }
  };
  add(stored.marks, author);
  for (const { tagger, marks } of others) add(marks, tagger);
  return {
    id: stored.id,
    sourceId: stored.sourceId,
    author,
    quote: stored.selectors.quote,
    position: stored.selectors.position,
    color: stored.color,
    tags,
    taggedBy,
    note: stored.note,
    omissions: stored.omissions,
    created: stored.created,
    modified: stored.modified,
    status: stored.status,
    history: stored.history,
  };
}

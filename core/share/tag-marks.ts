/**
 * A set of tags on one annotation that merges as an add-wins set: each time a tag is added it gets
 * a mark of its own (a fresh key in a `Y.Map`), and removing a tag removes the marks this replica
 * has seen. So an add made on one replica survives a removal made concurrently on another.
 *
 * Tags whose vocabulary entry was merged or deleted are resolved when read, never rewritten here,
 * so restoring a deleted tag brings it back on every annotation that carried it.
 */
import type * as Y from 'yjs';
import { asRecord } from './values.ts';

/**
 * Where a tag id stands in the vocabulary: the id of the live tag it now means, null when it was
 * deleted, undefined when the vocabulary does not know it (yet).
 */
export type TagResolver = (id: string) => string | null | undefined;

/** One tag on an annotation, with the order it was added in. */
export interface TagMark {
  id: string;
  at: string;
  order: number;
}

interface StoredMark extends TagMark {
  key: string;
}

/** The tag a raw id counts as: unknown ids count as themselves. */
export function countsAs(resolve: TagResolver, id: string): string | null {
  const resolved = resolve(id);
  return resolved === undefined ? id : resolved;
}

/**
 * The tags of a set, each once, in the order they were first added. A set is the entries of
 * `marks` whose keys start with `prefix` (several sets can share one map: a nested map made
 * concurrently on two replicas would keep only one replica's marks).
 */
export function readMarks(marks: Y.Map<unknown>, prefix = ''): TagMark[] {
  const seen = new Set<string>();
  return storedMarks(marks, prefix)
    .filter((mark) => !seen.has(mark.id) && seen.add(mark.id))
    .map(({ id, at, order }) => ({ id, at, order }));
}

/**
 * Makes the set hold the tags `desired` (compared as the tags they count as): removes the marks of
 * live tags no longer wanted; adds a mark for each wanted tag not yet there. Returns what it did.
 */
export function setMarks(
  marks: Y.Map<unknown>,
  desired: readonly string[],
  resolve: TagResolver,
  at: string,
  prefix = '',
): { added: string[]; removed: string[] } {
  const wanted = new Set(desired.map((id) => countsAs(resolve, id)).filter((id) => id !== null));
  const current = storedMarks(marks, prefix);
  const gone = current.filter((mark) => {
    const meaning = countsAs(resolve, mark.id);
    return meaning !== null && !wanted.has(meaning);
  });
  for (const mark of gone) marks.delete(mark.key);
  const present = new Set(current.filter((mark) => !gone.includes(mark)).map((mark) => countsAs(resolve, mark.id)));
  let order = current.reduce((max, mark) => Math.max(max, mark.order + 1), 0);
  const added: string[] = [];
  for (const id of desired) {
    const meaning = countsAs(resolve, id);
    if (meaning === null || present.has(meaning)) continue;
    marks.set(markKey(marks, `${prefix}${id}`, order), { tag: id, at, order });
    order += 1;
    present.add(meaning);
    added.push(id);
  }
  return { added, removed: [...new Set(gone.map((mark) => mark.id))] };
}

// A key no other replica can produce: the tag, this replica's Yjs client id and a count.
function markKey(marks: Y.Map<unknown>, id: string, order: number): string {
  // `id` here already carries the set's prefix.
  const client = marks.doc?.clientID ?? 0;
  let key = `${id}\u0000${client}.${order}`;
  for (let n = 1; marks.has(key); n += 1) key = `${id}\u0000${client}.${order}.${n}`;
  return key;
}

function storedMarks(marks: Y.Map<unknown>, prefix: string): StoredMark[] {
  const list: StoredMark[] = [];
  for (const [key, value] of marks.entries()) {
    if (!key.startsWith(prefix)) continue;
    const record = asRecord(value);
    if (!record || typeof record.tag !== 'string' || record.tag === '') continue;
    const at = typeof record.at === 'string' ? record.at : '';
    const order = typeof record.order === 'number' ? record.order : 0;
    list.push({ key, id: record.tag, at, order });
  }
  return list.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order || a.key.localeCompare(b.key));
}

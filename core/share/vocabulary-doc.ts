/**
 * The group's tag vocabulary (`GROUP/tags`), shaped by every editor. A tag is a `Y.Map` whose
 * name, colour and parent are settled by last writer wins, with a history recording each rename
 * (old and new name), move, merge and deletion and who made it. Merged and deleted tags stay as
 * tombstones so annotations that carry them resolve to the merge's target or lose them on reading,
 * and get them back if the tag is restored.
 *
 * Reading resolves what concurrent edits can leave behind: merge chains and merge cycles, two
 * tags given the same name on two replicas (the older one stays, the other counts as merged into
 * it), parents that were deleted or merged, and parent cycles from concurrent moves.
 */
import * as Y from 'yjs';
import type { Tag } from '../annotate/model.ts';
import { isColor, type Color } from '../annotate/palette.ts';
import { tagNameKey } from '../annotate/tag-names.ts';
import type { SharedTag, SharedVocabulary, TagAction, TagHistoryEntry } from './model.ts';
import type { TagResolver } from './tag-marks.ts';
import { asRecord, isId, isText } from './values.ts';

const TAGS = 'tags';

type TagState = { status: 'live' } | { status: 'merged'; into: string } | { status: 'deleted' };

interface StoredTag {
  id: string;
  name: string;
  color: Color;
  parent: string | null;
  created: string;
  createdBy: string;
  state: TagState;
  history: TagHistoryEntry[];
}

/** Which service action a tag write stands for. */
export type TagWriteKind = 'created' | 'updated' | 'restored';

/** The tags map of the vocabulary document. */
export function vocabularyOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TAGS);
}

/** Writes a tag as the local store now has it; returns whether the document changed. */
export function writeTag(doc: Y.Doc, kind: TagWriteKind, tag: Tag, by: string, at: string): boolean {
  let changed = false;
  doc.transact(() => {
    const root = vocabularyOf(doc);
    const existing = root.get(tag.id);
    if (!(existing instanceof Y.Map)) {
      const entry = new Y.Map<unknown>();
      root.set(tag.id, entry);
      entry.set('id', tag.id);
      entry.set('name', tag.name);
      entry.set('color', tag.color);
      entry.set('parent', tag.parent ?? null);
      entry.set('created', at);
      entry.set('createdBy', by);
      entry.set('state', { status: 'live' });
      entry.set('history', new Y.Array<unknown>());
      appendHistory(entry, { at, by, action: 'created', to: tag.name });
      changed = true;
      return;
    }
    const entry = existing as Y.Map<unknown>;
    const record = (item: Omit<TagHistoryEntry, 'at' | 'by'>) => {
      appendHistory(entry, { at, by, ...item });
      changed = true;
    };
    if (entry.get('name') !== tag.name) changed = settleNamesakes(doc, tag.id, by, at) || changed;
    if (kind === 'restored' && readState(entry).status !== 'live') {
      entry.set('state', { status: 'live' });
      record({ action: 'restored' });
    }
    const name = entry.get('name');
    if (name !== tag.name) {
      entry.set('name', tag.name);
      record({ action: 'renamed', from: isText(name) ? name : null, to: tag.name });
    }
    if (entry.get('color') !== tag.color) {
      entry.set('color', tag.color);
      record({ action: 'recolored', to: tag.color });
    }
    const parent = entry.get('parent');
    if ((parent ?? null) !== (tag.parent ?? null)) {
      entry.set('parent', tag.parent ?? null);
      record({ action: 'moved', from: isText(parent) ? parent : null, to: tag.parent ?? null });
    }
  });
  return changed;
}

/** Records that tag `from` was merged into `into`; returns whether the document changed. */
export function mergeTag(doc: Y.Doc, from: string, into: string, by: string, at: string): boolean {
  const entry = vocabularyOf(doc).get(from);
  if (!(entry instanceof Y.Map)) return false;
  const state = readState(entry);
  if (state.status === 'merged' && state.into === into) return false;
  doc.transact(() => {
    settleNamesakes(doc, from, by, at);
    entry.set('state', { status: 'merged', into });
    appendHistory(entry, { at, by, action: 'merged', to: into });
  });
  return true;
}

/** Records that tag `id` was deleted; returns whether the document changed. */
export function deleteTag(doc: Y.Doc, id: string, by: string, at: string): boolean {
  const entry = vocabularyOf(doc).get(id);
  if (!(entry instanceof Y.Map) || readState(entry).status === 'deleted') return false;
  doc.transact(() => {
    settleNamesakes(doc, id, by, at);
    entry.set('state', { status: 'deleted' });
    appendHistory(entry, { at, by, action: 'deleted' });
  });
  return true;
}

/** The vocabulary resolved: live tags with unique names and an acyclic tree, and aliases. */
export function readVocabulary(doc: Y.Doc): SharedVocabulary {
  const stored = new Map<string, StoredTag>();
  for (const [id, entry] of vocabularyOf(doc).entries()) {
    const tag = entry instanceof Y.Map ? readEntry(id, entry) : undefined;
    if (tag) stored.set(id, tag);
  }
  const target = new Map<string, string | null>();
  for (const id of stored.keys()) target.set(id, followMerges(stored, id));
  dedupeNames(stored, target);
  const live = [...stored.values()].filter((tag) => target.get(tag.id) === tag.id);
  const parents = new Map(live.map((tag) => [tag.id, liveParent(stored, target, tag)]));
  breakParentCycles(parents);
  const tags: SharedTag[] = live
    .map((tag) => {
      const shared: SharedTag = { id: tag.id, name: tag.name, color: tag.color, created: tag.created, createdBy: tag.createdBy, history: tag.history };
      const parent = parents.get(tag.id);
      if (parent) shared.parent = parent;
      return shared;
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const aliases: Record<string, string | null> = {};
  for (const [id, to] of [...target].sort(([a], [b]) => a.localeCompare(b))) if (to !== id) aliases[id] = to;
  return { tags, aliases };
}

/** The resolver of a resolved vocabulary: live id, null for deleted, undefined for unknown. */
export function tagResolver(vocabulary: SharedVocabulary): TagResolver {
  const live = new Set(vocabulary.tags.map((tag) => tag.id));
  return (id) => (live.has(id) ? id : Object.hasOwn(vocabulary.aliases, id) ? vocabulary.aliases[id] : undefined);
}

// Where a chain of merges starting at `id` ends: a live tag, null (deleted, or a target nobody
// knows), or in a cycle of merges made concurrently, the cycle's smallest id.
function followMerges(stored: Map<string, StoredTag>, id: string): string | null {
  const path: string[] = [];
  let current = id;
  for (;;) {
    const tag = stored.get(current);
    if (!tag) return null;
    const seen = path.indexOf(current);
    if (seen >= 0) return path.slice(seen).sort()[0] ?? null;
    path.push(current);
    if (tag.state.status === 'deleted') return null;
    if (tag.state.status === 'live') return current;
    current = tag.state.into;
  }
}

// Two live tags named alike (made on two replicas before they met): the older one keeps the name
// and the other counts as merged into it, as a merge by hand would.
function dedupeNames(stored: Map<string, StoredTag>, target: Map<string, string | null>): void {
  const keepers = new Map<string, StoredTag>();
  const live = [...stored.values()].filter((tag) => target.get(tag.id) === tag.id);
  live.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  const renamed = new Map<string, string>();
  for (const tag of live) {
    const key = tagNameKey(tag.name);
    const keeper = keepers.get(key);
    if (keeper) renamed.set(tag.id, keeper.id);
    else keepers.set(key, tag);
  }
  for (const [id, to] of target) {
    if (to !== null && renamed.has(to)) target.set(id, renamed.get(to) ?? to);
  }
}

// Tags named alike on two replicas count as one only while their names agree: once the one kept
// (`id`) is renamed, merged or deleted, the others would come back under the old name on the
// highlights that carry them. Recording them as merged into it, before it changes, makes them
// follow it (and come back with it if it is restored). Returns whether the document changed.
function settleNamesakes(doc: Y.Doc, id: string, by: string, at: string): boolean {
  const root = vocabularyOf(doc);
  let changed = false;
  for (const [other, into] of Object.entries(readVocabulary(doc).aliases)) {
    const entry = root.get(other);
    if (into !== id || !(entry instanceof Y.Map) || readState(entry).status !== 'live') continue;
    entry.set('state', { status: 'merged', into: id });
    appendHistory(entry, { at, by, action: 'merged', to: id });
    changed = true;
  }
  return changed;
}

// A tag's parent among live tags: a merged parent means its target; a deleted parent hands its
// children to its own parent, as deleting a tag does in the store.
function liveParent(stored: Map<string, StoredTag>, target: Map<string, string | null>, tag: StoredTag): string | undefined {
  const visited = new Set<string>();
  let parent = tag.parent;
  while (parent !== null && !visited.has(parent)) {
    visited.add(parent);
    const resolved = target.get(parent);
    if (resolved === undefined) return undefined;
    if (resolved !== null) return resolved === tag.id ? undefined : resolved;
    parent = stored.get(parent)?.parent ?? null;
  }
  return undefined;
}

// Concurrent moves can make a loop of parents; the smallest id of each loop goes to the top level.
function breakParentCycles(parents: Map<string, string | undefined>): void {
  for (const start of [...parents.keys()].sort()) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !path.includes(current)) {
      path.push(current);
      current = parents.get(current);
    }
    if (current === undefined) continue;
    const cycle = path.slice(path.indexOf(current));
    const cut = [...cycle].sort()[0];
    if (cut !== undefined) parents.set(cut, undefined);
  }
}

function appendHistory(entry: Y.Map<unknown>, item: TagHistoryEntry): void {
  let history = entry.get('history');
  if (!(history instanceof Y.Array)) {
    history = new Y.Array<unknown>();
    entry.set('history', history);
  }
  (history as Y.Array<unknown>).push([item]);
}

function readState(entry: Y.Map<unknown>): TagState {
  const state = asRecord(entry.get('state'));
  if (state?.status === 'merged' && isId(state.into)) return { status: 'merged', into: state.into };
  if (state?.status === 'deleted') return { status: 'deleted' };
  return { status: 'live' };
}

const ACTIONS: ReadonlySet<string> = new Set(['created', 'renamed', 'recolored', 'moved', 'merged', 'deleted', 'restored']);

function readHistory(entry: Y.Map<unknown>): TagHistoryEntry[] {
  const history = entry.get('history');
  if (!(history instanceof Y.Array)) return [];
  const list: TagHistoryEntry[] = [];
  for (const item of history.toArray()) {
    const record = asRecord(item);
    if (!record || !isText(record.at) || !isText(record.by) || !isText(record.action) || !ACTIONS.has(record.action)) continue;
    const entryItem: TagHistoryEntry = { at: record.at, by: record.by, action: record.action as TagAction };
    if (isText(record.from) || record.from === null) entryItem.from = record.from;
    if (isText(record.to) || record.to === null) entryItem.to = record.to;
    list.push(entryItem);
  }
  return list;
}

function readEntry(id: string, entry: Y.Map<unknown>): StoredTag | undefined {
  const name = entry.get('name');
  const color = entry.get('color');
  const parent = entry.get('parent');
  if (!isText(name) || tagNameKey(name) === '' || !isColor(color)) return undefined;
  const created = entry.get('created');
  const createdBy = entry.get('createdBy');
  return {
    id,
    name,
    color,
    parent: isId(parent) ? parent : null,
    created: isText(created) ? created : '',
    createdBy: isText(createdBy) ? createdBy : '',
    state: readState(entry),
    history: readHistory(entry),
  };
}

/**
 * One member's annotations document (`GROUP/annotations/USER`): their annotations, and the tags
 * they put on other members' annotations. Only that member writes it, so "only the author edits
 * or deletes an annotation" is a matter of who may write which document, checked by the server.
 *
 * An annotation is a `Y.Map`: plain fields settled by last writer wins (Yjs picks the same winner
 * on every replica), the note a `Y.Text` (concurrent edits both kept), tags a set, and a history
 * that every change appends to, with the value it set. Deletion is a flag that records how many
 * edits the deleting replica had seen: an edit it had not seen turns the deletion into `review`.
 */
import * as Y from 'yjs';
import type { Annotation, Omission, Selectors } from '../annotate/model.ts';
import { isColor, type Color } from '../annotate/palette.ts';
import type { AnnotationAction, AnnotationHistoryEntry, SharedStatus } from './model.ts';
import { readMarks, setMarks, type TagMark, type TagResolver } from './tag-marks.ts';
import { setText } from './text-edit.ts';
import {
  asRecord,
  isId,
  isOmissions,
  isSelectors,
  isText,
  plainOmissions,
  plainSelectors,
  sameOmissions,
  sameSelectors,
} from './values.ts';

const ANNOTATIONS = 'annotations';
const TAGGINGS = 'taggings';

/** Which service action a write stands for: only a re-attachment moves the anchor. */
export type AnnotationWriteKind = 'created' | 'updated' | 'reattached' | 'restored';

/** One annotation written by its author. */
export interface AnnotationWrite {
  kind: AnnotationWriteKind;
  annotation: Annotation;
  by: string;
  at: string;
  resolve: TagResolver;
}

/** An annotation as stored, before its tags are resolved against the vocabulary. */
export interface StoredAnnotation {
  id: string;
  sourceId: string;
  selectors: Selectors;
  color: Color;
  note: string;
  omissions: Omission[];
  created: string;
  modified: string;
  marks: TagMark[];
  status: SharedStatus;
  history: AnnotationHistoryEntry[];
}

interface Deletion {
  deleted: boolean;
  seenEdits: number;
}

/** The annotations map of a member's document. */
export function annotationsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ANNOTATIONS);
}

/** The tags this member put on others' annotations, one flat map for all of them. */
export function taggingsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(TAGGINGS);
}

/** Writes an annotation its author created or changed; returns whether the document changed. */
export function writeAnnotation(doc: Y.Doc, write: AnnotationWrite): boolean {
  let changed = false;
  doc.transact(() => {
    const existing = annotationsOf(doc).get(write.annotation.id);
    changed = existing instanceof Y.Map ? updateEntry(existing, write) : (createEntry(doc, write), true);
  });
  return changed;
}

/**
 * Marks an annotation deleted, remembering how many edits this replica had seen; deleting one
 * that is in review confirms the deletion. Returns whether the document changed.
 */
export function deleteAnnotation(doc: Y.Doc, id: string, by: string, at: string): boolean {
  const entry = annotationsOf(doc).get(id);
  if (!(entry instanceof Y.Map)) return false;
  const edits = editCount(entry);
  const deletion = readDeletion(entry);
  if (deletion?.deleted && edits <= deletion.seenEdits) return false;
  doc.transact(() => {
    entry.set('deletion', { deleted: true, seenEdits: edits, at, by });
    appendHistory(entry, { at, by, action: 'deleted' });
  });
  return true;
}

/** Sets the tags this member puts on another member's annotation; returns what changed. */
export function writeTagging(
  doc: Y.Doc,
  annotationId: string,
  tags: readonly string[],
  resolve: TagResolver,
  at: string,
): { added: string[]; removed: string[] } {
  let result = { added: [] as string[], removed: [] as string[] };
  doc.transact(() => {
    result = setMarks(taggingsOf(doc), tags, resolve, at, taggingPrefix(annotationId));
  });
  return result;
}

// All taggings share one flat map, keyed by annotation id and mark.
function taggingPrefix(annotationId: string): string {
  return `${annotationId}\u0001`;
}

/** Every well-formed annotation of a member's document; malformed entries are skipped. */
export function readAnnotations(doc: Y.Doc, ids?: ReadonlySet<string>): StoredAnnotation[] {
  const root = annotationsOf(doc);
  const entries: Iterable<[string, unknown]> = ids ? [...ids].map((id) => [id, root.get(id)]) : root.entries();
  const list: StoredAnnotation[] = [];
  for (const [id, entry] of entries) {
    const stored = entry instanceof Y.Map ? readEntry(id, entry) : undefined;
    if (stored) list.push(stored);
  }
  return list;
}

/** The tags this member put on others' annotations: annotation id → marks in the order added. */
export function readTaggings(doc: Y.Doc): Map<string, TagMark[]> {
  const taggings = taggingsOf(doc);
  const ids = new Set<string>();
  for (const key of taggings.keys()) {
    const cut = key.indexOf('\u0001');
    if (cut > 0) ids.add(key.slice(0, cut));
  }
  const result = new Map<string, TagMark[]>();
  for (const id of ids) {
    const marks = readMarks(taggings, taggingPrefix(id));
    if (marks.length > 0) result.set(id, marks);
  }
  return result;
}

function createEntry(doc: Y.Doc, write: AnnotationWrite): void {
  const { annotation: a, by, at } = write;
  const entry = new Y.Map<unknown>();
  annotationsOf(doc).set(a.id, entry);
  entry.set('id', a.id);
  entry.set('sourceId', a.sourceId);
  entry.set('created', a.created);
  entry.set('modified', a.modified);
  entry.set('selectors', plainSelectors(a));
  entry.set('color', a.color);
  entry.set('omissions', plainOmissions(a.omissions));
  const note = new Y.Text();
  entry.set('note', note);
  note.insert(0, a.note);
  const marks = new Y.Map<unknown>();
  entry.set('tags', marks);
  setMarks(marks, a.tags, write.resolve, at);
  entry.set('history', new Y.Array<unknown>());
  appendHistory(entry, { at, by, action: 'created' });
}

function updateEntry(entry: Y.Map<unknown>, write: AnnotationWrite): boolean {
  const { annotation: a, by, at, kind } = write;
  let changed = false;
  const record = (action: AnnotationAction, value?: AnnotationHistoryEntry['value']) => {
    appendHistory(entry, value === undefined ? { at, by, action } : { at, by, action, value });
    changed = true;
  };
  if (kind === 'restored' && readDeletion(entry)?.deleted) {
    entry.set('deletion', { deleted: false, seenEdits: editCount(entry), at, by });
    record('restored');
  }
  if (kind === 'reattached') {
    const current = entry.get('selectors');
    const next = plainSelectors(a);
    if (!isSelectors(current) || !sameSelectors(current, next)) {
      entry.set('selectors', next);
      record('selectors', next);
    }
  }
  if (setText(noteOf(entry), a.note)) record('note');
  if (entry.get('color') !== a.color) {
    entry.set('color', a.color);
    record('color', a.color);
  }
  const omissions = entry.get('omissions');
  if (!isOmissions(omissions) || !sameOmissions(omissions, a.omissions)) {
    entry.set('omissions', plainOmissions(a.omissions));
    record('omissions', plainOmissions(a.omissions));
  }
  const tags = setMarks(marksOf(entry), a.tags, write.resolve, at);
  if (tags.added.length > 0 || tags.removed.length > 0) record('tags', tags);
  if (changed) entry.set('modified', a.modified);
  return changed;
}

function noteOf(entry: Y.Map<unknown>): Y.Text {
  const note = entry.get('note');
  if (note instanceof Y.Text) return note;
  const fresh = new Y.Text();
  entry.set('note', fresh);
  return fresh;
}

function marksOf(entry: Y.Map<unknown>): Y.Map<unknown> {
  const marks = entry.get('tags');
  if (marks instanceof Y.Map) return marks;
  const fresh = new Y.Map<unknown>();
  entry.set('tags', fresh);
  return fresh;
}

function historyOf(entry: Y.Map<unknown>): Y.Array<unknown> {
  const history = entry.get('history');
  if (history instanceof Y.Array) return history;
  const fresh = new Y.Array<unknown>();
  entry.set('history', fresh);
  return fresh;
}

function appendHistory(entry: Y.Map<unknown>, item: AnnotationHistoryEntry): void {
  historyOf(entry).push([item]);
}

const NOT_EDITS: ReadonlySet<string> = new Set(['deleted', 'restored']);

// Edits are only ever appended, so the count a deletion saw grows into the count after a merge
// exactly by the edits it had not seen.
function editCount(entry: Y.Map<unknown>): number {
  const history = entry.get('history');
  if (!(history instanceof Y.Array)) return 0;
  let count = 0;
  for (const item of history.toArray()) {
    const action = asRecord(item)?.action;
    if (typeof action === 'string' && !NOT_EDITS.has(action)) count += 1;
  }
  return count;
}

function readDeletion(entry: Y.Map<unknown>): Deletion | undefined {
  const value = asRecord(entry.get('deletion'));
  if (!value || typeof value.deleted !== 'boolean') return undefined;
  return { deleted: value.deleted, seenEdits: typeof value.seenEdits === 'number' ? value.seenEdits : 0 };
}

const ACTIONS: ReadonlySet<string> = new Set(['created', 'note', 'color', 'tags', 'omissions', 'selectors', 'deleted', 'restored']);

function readHistory(entry: Y.Map<unknown>): AnnotationHistoryEntry[] {
  const history = entry.get('history');
  if (!(history instanceof Y.Array)) return [];
  const list: AnnotationHistoryEntry[] = [];
  for (const item of history.toArray()) {
    const record = asRecord(item);
    if (!record || !isText(record.at) || !isText(record.by) || !isText(record.action) || !ACTIONS.has(record.action)) continue;
    const entryItem: AnnotationHistoryEntry = { at: record.at, by: record.by, action: record.action as AnnotationAction };
    if (record.value !== undefined) entryItem.value = record.value as AnnotationHistoryEntry['value'];
    list.push(entryItem);
  }
  return list;
}

function readEntry(id: string, entry: Y.Map<unknown>): StoredAnnotation | undefined {
  const sourceId = entry.get('sourceId');
  const selectors = entry.get('selectors');
  const color = entry.get('color');
  const created = entry.get('created');
  const modified = entry.get('modified');
  const omissions = entry.get('omissions');
  const note = entry.get('note');
  const marks = entry.get('tags');
  if (!isId(sourceId) || !isSelectors(selectors) || !isColor(color) || !isText(created) || !isText(modified)) return undefined;
  const deletion = readDeletion(entry);
  const status: SharedStatus = !deletion?.deleted ? 'live' : editCount(entry) > deletion.seenEdits ? 'review' : 'deleted';
  return {
    id,
    sourceId,
    selectors: plainSelectors(selectors),
    color,
    note: note instanceof Y.Text ? note.toString() : '',
    omissions: isOmissions(omissions) ? plainOmissions(omissions) : [],
    created,
    modified,
    marks: marks instanceof Y.Map ? readMarks(marks) : [],
    status,
    history: readHistory(entry),
  };
}

/**
 * Writing one local change into the group's documents, under the group's rules: readers write
 * nothing; a member writes only their own annotations, and on another member's annotation may
 * only add tags (which go into their own document). A refused change is a `ShareError` whose
 * message names the rule, so the app can refuse the action before it changes the local store.
 */
import type * as Y from 'yjs';
import type { Annotation } from '../annotate/model.ts';
import { annotationsOf, deleteAnnotation, readAnnotations, readTaggings, writeAnnotation, writeTagging } from './annotation-doc.ts';
import { ShareError } from './errors.ts';
import type { LocalChange } from './model.ts';
import { canWrite, type Role } from './roles.ts';
import { readSharedAnnotations, type AuthorDoc } from './shared-state.ts';
import { countsAs, type TagResolver } from './tag-marks.ts';
import { sameOmissions, sameSelectors } from './values.ts';
import { deleteTag, mergeTag, readVocabulary, tagResolver, writeTag } from './vocabulary-doc.ts';

/** The documents a replica writes into, and who it writes as. */
export interface ShareDocs {
  me: string;
  /** The member's role, or undefined before the member list was ever received. */
  role: Role | undefined;
  vocabulary: Y.Doc;
  /** Every member's annotations document, this member's included. */
  authors: readonly AuthorDoc[];
}

/** Why `change` would be refused, or null when it may be written. Writes nothing. */
export function checkLocalChange(docs: ShareDocs, change: LocalChange): ShareError | null {
  try {
    plan(docs, change);
    return null;
  } catch (error) {
    if (error instanceof ShareError) return error;
    throw error;
  }
}

/** Writes `change`, made at time `at`, into the documents; returns whether any document changed. */
export function applyLocalChange(docs: ShareDocs, change: LocalChange, at: string): boolean {
  return plan(docs, change)(at);
}

function plan(docs: ShareDocs, change: LocalChange): (at: string) => boolean {
  if (docs.role !== undefined && !canWrite(docs.role)) {
    throw new ShareError('read-only', 'You are a reader in this group: you can read its sources and annotations but not change them.');
  }
  const mine = docs.authors.find((entry) => entry.author === docs.me)?.doc;
  if (!mine) throw new ShareError('not-found', 'Your annotations are not open for sharing yet.');
  const { vocabulary, me } = docs;
  switch (change.type) {
    case 'tag.created':
    case 'tag.updated':
    case 'tag.restored': {
      const kind = change.type === 'tag.created' ? 'created' : change.type === 'tag.updated' ? 'updated' : 'restored';
      return (at) => writeTag(vocabulary, kind, change.tag, me, at);
    }
    case 'tag.merged':
      return (at) => mergeTag(vocabulary, change.from, change.into, me, at);
    case 'tag.deleted':
      return (at) => deleteTag(vocabulary, change.id, me, at);
    case 'annotation.deleted': {
      const author = authorOf(docs, change.id);
      if (author !== undefined && author !== me) {
        if (isDeletedBy(docs, author, change.id)) return () => false;
        throw notAuthor(author, 'delete it');
      }
      return (at) => deleteAnnotation(mine, change.id, me, at);
    }
    default: {
      const { annotation } = change;
      const author = authorOf(docs, annotation.id);
      const resolve = tagResolver(readVocabulary(vocabulary));
      if (author === undefined || author === me) {
        const kind = change.type.slice('annotation.'.length) as 'created' | 'updated' | 'reattached' | 'restored';
        const own = { ...annotation, tags: ownTags(docs, annotation, resolve) };
        return (at) => writeAnnotation(mine, { kind, annotation: own, by: me, at, resolve });
      }
      const tags = taggingFor(docs, author, annotation, change.type, resolve);
      return (at) => {
        const result = writeTagging(mine, annotation.id, tags, resolve, at);
        return result.added.length > 0 || result.removed.length > 0;
      };
    }
  }
}

function authorOf(docs: ShareDocs, id: string): string | undefined {
  const own = docs.authors.find((entry) => entry.author === docs.me);
  if (own && annotationsOf(own.doc).has(id)) return docs.me;
  return [...docs.authors].sort((a, b) => a.author.localeCompare(b.author)).find((entry) => annotationsOf(entry.doc).has(id))?.author;
}

// The local store lists every tag of an annotation; those other members added stay theirs (the
// author cannot take them away), so the author's own tags are the rest.
function ownTags(docs: ShareDocs, annotation: Annotation, resolve: TagResolver): string[] {
  const view = readSharedAnnotations(docs.authors, readVocabulary(docs.vocabulary), new Set([annotation.id]))[0];
  if (!view) return annotation.tags;
  const wanted = new Set(annotation.tags.map((id) => countsAs(resolve, id)));
  const others = new Set<string>();
  for (const id of view.tags) {
    const by = view.taggedBy[id];
    if (by === undefined || by === docs.me) continue;
    if (!wanted.has(id)) throw new ShareError('not-author', `Only ${by}, who added that tag, can remove it.`);
    others.add(id);
  }
  return annotation.tags.filter((id) => {
    const meaning = countsAs(resolve, id);
    return meaning === null || !others.has(meaning);
  });
}

function isDeletedBy(docs: ShareDocs, author: string, id: string): boolean {
  const doc = docs.authors.find((entry) => entry.author === author)?.doc;
  const stored = doc ? readAnnotations(doc, new Set([id]))[0] : undefined;
  return stored !== undefined && stored.status !== 'live';
}

function notAuthor(author: string, what: string): ShareError {
  return new ShareError('not-author', `Only ${author}, who made this highlight, can ${what}. You can add your own tags to it.`);
}

// On another member's annotation only tags may change, and this member's tagging holds the tags
// the annotation should carry that this member added, or that nobody else holds. A tag others
// hold stays theirs to remove; this member's own mark of a tag stays even when others hold it
// too, so that removing theirs later does not take this member's tag away.
function taggingFor(
  docs: ShareDocs,
  author: string,
  annotation: Annotation,
  type: LocalChange['type'],
  resolve: TagResolver,
): string[] {
  const authorDoc = docs.authors.find((entry) => entry.author === author);
  const stored = authorDoc ? readAnnotations(authorDoc.doc, new Set([annotation.id]))[0] : undefined;
  if (!stored) return [];
  if (type === 'annotation.restored' && stored.status !== 'live') throw notAuthor(author, 'restore it');
  if (type === 'annotation.reattached' && !sameSelectors(stored.selectors, annotation)) throw notAuthor(author, 'attach it to another passage');
  if (stored.note !== annotation.note) throw notAuthor(author, 'change its note');
  if (stored.color !== annotation.color) throw notAuthor(author, 'change its colour');
  if (!sameOmissions(stored.omissions, annotation.omissions)) throw notAuthor(author, 'change its cuts');
  const meaning = (id: string) => countsAs(resolve, id);
  const heldBy = new Map<string, string>();
  for (const mark of stored.marks) {
    const tag = meaning(mark.id);
    if (tag !== null && !heldBy.has(tag)) heldBy.set(tag, author);
  }
  const mine = new Set<string>();
  for (const entry of [...docs.authors].sort((a, b) => a.author.localeCompare(b.author))) {
    for (const mark of readTaggings(entry.doc).get(annotation.id) ?? []) {
      const tag = meaning(mark.id);
      if (tag === null) continue;
      if (entry.author === docs.me) mine.add(tag);
      else if (entry.author !== author && !heldBy.has(tag)) heldBy.set(tag, entry.author);
    }
  }
  const wanted = new Set(annotation.tags.map(meaning));
  for (const [tag, by] of heldBy) {
    if (wanted.has(tag) || mine.has(tag)) continue;
    throw new ShareError('not-author', by === author ? `Only ${author}, who made this highlight, can remove the tags they gave it.` : `Only ${by}, who added that tag, can remove it.`);
  }
  return annotation.tags.filter((id) => {
    const tag = meaning(id);
    return tag !== null && (mine.has(tag) || !heldBy.has(tag));
  });
}

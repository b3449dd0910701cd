/**
 * The shared model as plain data: what a group's documents say once read, and the local changes
 * written into them. Everything here is JSON-serialisable, so it crosses IPC unchanged.
 */
import type { Annotation, Omission, Selectors, Tag } from '../annotate/model.ts';
import type { Color } from '../annotate/palette.ts';
import type { Role } from './roles.ts';

/** What happened to an annotation, one entry per change, in the order the replicas merged them. */
export type AnnotationAction = 'created' | 'note' | 'color' | 'tags' | 'omissions' | 'selectors' | 'deleted' | 'restored';

/**
 * One change in an annotation's history. For a field settled by last writer wins, `value` is the
 * value this change set, so the value that lost a concurrent race is still here to review.
 */
export interface AnnotationHistoryEntry {
  at: string;
  by: string;
  action: AnnotationAction;
  value?: Color | Omission[] | Selectors | { added: string[]; removed: string[] } | string;
}

/**
 * `live`; `deleted`; or `review`: deleted on one replica while another edited it, so the edit
 * resurfaces instead of vanishing with the annotation (keep it or delete it again).
 */
export type SharedStatus = 'live' | 'deleted' | 'review';

/**
 * A member's annotation as the group sees it. There is no anchoring status: each replica anchors
 * the quote in its own copy of the source text.
 */
export interface SharedAnnotation {
  id: string;
  sourceId: string;
  /** The member who made it: the owner of the document it lives in, never a field anyone can set. */
  author: string;
  quote: Selectors['quote'];
  position: Selectors['position'];
  color: Color;
  /** Live tag ids (merged tags replaced by their target): the author's, then other members'. */
  tags: string[];
  /** Who added each tag in `tags`. */
  taggedBy: Record<string, string>;
  note: string;
  omissions: Omission[];
  created: string;
  modified: string;
  status: SharedStatus;
  history: AnnotationHistoryEntry[];
}

/** What happened to a tag of the vocabulary. */
export type TagAction = 'created' | 'renamed' | 'recolored' | 'moved' | 'merged' | 'deleted' | 'restored';

/** One change in a tag's history; renames keep the old and the new name. */
export interface TagHistoryEntry {
  at: string;
  by: string;
  action: TagAction;
  from?: string | null;
  to?: string | null;
}

/** A live tag of the group's vocabulary, with who made it and what became of it. */
export interface SharedTag extends Tag {
  created: string;
  createdBy: string;
  history: TagHistoryEntry[];
}

/**
 * The group's tag vocabulary, resolved: live tags with unique names and a parent tree without
 * cycles, and where every other known id now points (`null`: deleted).
 */
export interface SharedVocabulary {
  tags: SharedTag[];
  aliases: Record<string, string | null>;
}

/** A member of the group. */
export interface Member {
  name: string;
  role: Role;
}

/** A source in the group's corpus index. */
export interface SharedSourceEntry {
  id: string;
  title: string;
  /** A hash of the cleaned text (the `<id>.md` file), to notice a changed text without loading it. */
  hash: string;
  by: string;
  at: string;
  raw?: { name: string; hash: string; size: number };
}

/** A change made on this replica, as the app's services announce it, to write into the documents. */
export type LocalChange =
  | { type: 'annotation.created' | 'annotation.updated' | 'annotation.reattached' | 'annotation.restored'; annotation: Annotation }
  | { type: 'annotation.deleted'; id: string }
  | { type: 'tag.created' | 'tag.updated' | 'tag.restored'; tag: Tag }
  | { type: 'tag.merged'; from: string; into: string }
  | { type: 'tag.deleted'; id: string };

/**
 * The checks the store makes inside a transaction before changing anything: that the things an
 * action names exist, and that a tag name is usable. Each failure is a `StoreError` whose message
 * begins with the action's refusal ("The tag was not renamed: …").
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Annotation, Tag } from '../../../core/annotate/model.ts';
import * as rows from './annotation-table.ts';
import { StoreError } from './store-errors.ts';
import * as tags from './tag-table.ts';
import type { TagWithUsage } from './tag-table.ts';

/** Tag `id` with its usage, or `unknown-tag`. */
export function requireTag(db: DatabaseSync, id: string, refusal: string): TagWithUsage {
  const tag = tags.selectTag(db, id);
  if (!tag) {
    const message = `${refusal}: the tag ${id} does not exist (it may have been deleted).`;
    throw new StoreError('unknown-tag', message);
  }
  return tag;
}

/** Throws `unknown-tag` naming every id in `ids` that is not a tag. */
export function requireTags(db: DatabaseSync, ids: readonly string[], refusal: string): void {
  const missing = tags.missingTags(db, ids);
  if (missing.length === 1) {
    throw new StoreError('unknown-tag', `${refusal}: the tag ${missing[0]} no longer exists.`);
  }
  if (missing.length > 1) {
    const message = `${refusal}: the tags ${missing.join(', ')} no longer exist.`;
    throw new StoreError('unknown-tag', message);
  }
}

/** Annotation `id`, or `not-found`. */
export function requireAnnotation(db: DatabaseSync, id: string, refusal: string): Annotation {
  const annotation = rows.selectAnnotation(db, id);
  if (!annotation) {
    throw new StoreError('not-found', `${refusal}: it no longer exists in this project.`);
  }
  return annotation;
}

/** Annotation `id`, just written in this transaction. */
export function mustRead(db: DatabaseSync, id: string): Annotation {
  return requireAnnotation(db, id, 'The highlight could not be read back');
}

/** `tag` without its usage count. */
export function plainTag(tag: TagWithUsage): Tag {
  const { usage: _usage, ...plain } = tag;
  return plain;
}

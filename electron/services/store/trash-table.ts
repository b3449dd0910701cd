/**
 * SQL for the trash: what deleting or re-attaching a highlight, and deleting or merging a tag,
 * took away. Each id's records form a stack (the newest is undone first); only the most recent
 * `TRASH_KEPT` records of each table are kept. Callers run these inside a transaction.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Annotation } from '../../../core/annotate/model.ts';
import type { TagRemoval } from '../../../core/annotate/tag-restore.ts';

/** How many records each trash table keeps: far more steps than anyone undoes in one sitting. */
export const TRASH_KEPT = 1000;

/** Why a highlight's earlier state was kept. */
export type AnnotationTrashReason = 'deleted' | 'reattached';

/** The newest record of one id: its row number, and the stored JSON, parsed but not yet checked. */
export interface TrashRecord {
  seq: number;
  record: unknown;
}

/** Keeps `annotation` as it was before it was deleted or re-attached. */
export function pushAnnotation(db: DatabaseSync, reason: AnnotationTrashReason, annotation: Annotation, at: string): void {
  db.prepare('INSERT INTO annotation_trash (id, reason, record, at) VALUES (?, ?, ?, ?)').run(
    annotation.id,
    reason,
    JSON.stringify(annotation),
    at,
  );
  prune(db, 'annotation_trash');
}

/** The newest record of annotation `id`, with why it was kept, or undefined. */
export function latestAnnotation(db: DatabaseSync, id: string): (TrashRecord & { reason: AnnotationTrashReason }) | undefined {
  const row = db.prepare('SELECT seq, reason, record FROM annotation_trash WHERE id = ? ORDER BY seq DESC LIMIT 1').get(id) as
    | { seq: number; reason: AnnotationTrashReason; record: string }
    | undefined;
  return row ? { seq: row.seq, reason: row.reason, record: JSON.parse(row.record) as unknown } : undefined;
}

/** Keeps what removing a tag changed. */
export function pushTag(db: DatabaseSync, removal: TagRemoval, at: string): void {
  db.prepare('INSERT INTO tag_trash (id, record, at) VALUES (?, ?, ?)').run(removal.tag.id, JSON.stringify(removal), at);
  prune(db, 'tag_trash');
}

/** The newest record of tag `id`, or undefined. */
export function latestTag(db: DatabaseSync, id: string): TrashRecord | undefined {
  const row = db.prepare('SELECT seq, record FROM tag_trash WHERE id = ? ORDER BY seq DESC LIMIT 1').get(id) as
    | { seq: number; record: string }
    | undefined;
  return row ? { seq: row.seq, record: JSON.parse(row.record) as unknown } : undefined;
}

/** Removes one record once it has been undone. */
export function dropRecord(db: DatabaseSync, table: 'annotation_trash' | 'tag_trash', seq: number): void {
  db.prepare(`DELETE FROM ${table} WHERE seq = ?`).run(seq);
}

function prune(db: DatabaseSync, table: 'annotation_trash' | 'tag_trash'): void {
  db.prepare(`DELETE FROM ${table} WHERE seq <= (SELECT seq FROM ${table} ORDER BY seq DESC LIMIT 1 OFFSET ?)`).run(TRASH_KEPT);
}

/**
 * SQL for bringing the project in line with a group it shares a corpus with: tags written with
 * the ids the group gave them, merges and deletions made elsewhere, and annotations inserted,
 * updated or removed as other members (or this user on another computer) changed them, keeping
 * their ids, timestamps and authors. Callers validate and run these inside a transaction.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { TextPositionSelector } from '../../../core/annotate/model.ts';
import { planMerge } from '../../../core/annotate/tag-plan.ts';
import { tagNameKey } from '../../../core/annotate/tag-names.ts';
import type { SharedAnnotationWrite } from '../../../core/share/annotation-sync-plan.ts';
import type { TagSyncPlan } from '../../../core/share/tag-sync-plan.ts';
import * as rows from './annotation-table.ts';
import * as tags from './tag-table.ts';

/** Where the author of each annotation placed it, by id. */
export function selectPlacements(db: DatabaseSync): Map<string, TextPositionSelector> {
  const found = new Map<string, TextPositionSelector>();
  for (const row of db.prepare('SELECT id, start, "end", placed_start, placed_end FROM annotations').iterate()) {
    const start = row.placed_start ?? row.start;
    const end = row.placed_end ?? row.end;
    found.set(String(row.id), { start: Number(start), end: Number(end) });
  }
  return found;
}

/**
 * Applies a tag plan: names that move between tags are first freed (a tag renamed on one side
 * may take the name of one merged on the other), then tags are written, filed, merged and deleted.
 */
export function writeTagSync(db: DatabaseSync, plan: TagSyncPlan): void {
  const existing = new Map(tags.selectTags(db).map((tag) => [tag.id, tag]));
  const free = db.prepare('UPDATE tags SET name_key = ? WHERE id = ?');
  const leaving = new Set([...plan.merges.map((merge) => merge.from), ...plan.deletes]);
  for (const tag of plan.upserts) if (existing.has(tag.id) && existing.get(tag.id)?.name !== tag.name) leaving.add(tag.id);
  // A key no real name folds to: the tag's id behind a control character.
  for (const id of leaving) if (existing.has(id)) free.run(`\u0001${id}`, id);
  const update = db.prepare('UPDATE tags SET name = ?, name_key = ?, color = ? WHERE id = ?');
  for (const tag of plan.upserts) {
    if (existing.has(tag.id)) update.run(tag.name, tagNameKey(tag.name), tag.color, tag.id);
    else tags.insertTag(db, { id: tag.id, name: tag.name, color: tag.color });
  }
  const file = db.prepare('UPDATE tags SET parent = ? WHERE id = ?');
  for (const tag of plan.upserts) file.run(tag.parent ?? null, tag.id);
  for (const { from, into } of plan.merges) {
    const all = tags.selectTags(db);
    if (!all.some((tag) => tag.id === from) || !all.some((tag) => tag.id === into)) continue;
    tags.writeTagPlan(db, planMerge(all, tags.taggedWith(db, from), [from], into));
  }
  for (const id of plan.deletes) {
    const tag = tags.selectTag(db, id);
    if (!tag) continue;
    tags.reparentChildren(db, id, tag.parent ?? null);
    tags.deleteTagRow(db, id);
  }
}

/**
 * Writes annotations as the group's documents hold them. An update keeps this computer's place
 * and anchoring status unless the author re-attached the annotation; tags the project does not
 * know are left off. Returns the ids written.
 */
export function writeSharedAnnotations(db: DatabaseSync, writes: readonly SharedAnnotationWrite[]): string[] {
  const known = (ids: readonly string[]) => {
    const missing = new Set(tags.missingTags(db, ids));
    return ids.filter((id) => !missing.has(id));
  };
  const fields = db.prepare('UPDATE annotations SET note = ?, color = ?, omissions = ?, created = ?, modified = ?, author = ?, review = ? WHERE id = ?');
  const written: string[] = [];
  for (const write of writes) {
    if (write.kind === 'remove') {
      if (rows.deleteAnnotation(db, write.id)) written.push(write.id);
      continue;
    }
    const annotation = { ...write.annotation, tags: known(write.annotation.tags) };
    if (write.kind === 'insert') {
      if (rows.selectAnnotation(db, annotation.id)) continue;
      rows.insertAnnotation(db, annotation);
    } else {
      if (!rows.selectAnnotation(db, annotation.id)) continue;
      if (write.reattached) rows.updateSelectors(db, annotation);
      fields.run(
        annotation.note,
        annotation.color,
        JSON.stringify(annotation.omissions),
        annotation.created,
        annotation.modified,
        annotation.author ?? null,
        annotation.review ? 1 : 0,
        annotation.id,
      );
      rows.writeTags(db, annotation.id, annotation.tags);
    }
    written.push(annotation.id);
  }
  return written;
}

/** Clears the review flag of annotation `id` (its author kept it); false if there is none. */
export function clearReview(db: DatabaseSync, id: string, modified: string): boolean {
  return Number(db.prepare('UPDATE annotations SET review = 0, modified = ? WHERE id = ?').run(modified, id).changes) === 1;
}

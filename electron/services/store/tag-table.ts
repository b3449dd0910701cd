/**
 * SQL for the `tags` table: rows to `Tag`s with usage counts, and writing the tag plans that
 * `core/annotate/tag-plan.ts` computes. Callers validate input and run these in a transaction.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Tag } from '../../../core/annotate/model.ts';
import type { Color } from '../../../core/annotate/palette.ts';
import type { TaggedAnnotation, TagPlan } from '../../../core/annotate/tag-plan.ts';
import { tagNameKey } from '../../../core/annotate/tag-names.ts';
import { writeTags } from './annotation-table.ts';

/** A tag with the number of annotations that carry it directly. */
export interface TagWithUsage extends Tag {
  usage: number;
}

interface TagRow {
  id: string;
  name: string;
  color: string;
  parent: string | null;
  usage: number;
}

const SELECT = `
SELECT t.id, t.name, t.color, t.parent,
       (SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id) AS usage
  FROM tags t`;

/** The tag `id`, or undefined. */
export function selectTag(db: DatabaseSync, id: string): TagWithUsage | undefined {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TagRow | undefined;
  return row ? fromRow(row) : undefined;
}

/** The tag whose name equals `name` ignoring case and spacing, or undefined. */
export function selectTagByName(db: DatabaseSync, name: string): TagWithUsage | undefined {
  const row = db.prepare(`${SELECT} WHERE t.name_key = ?`).get(tagNameKey(name)) as
    | TagRow
    | undefined;
  return row ? fromRow(row) : undefined;
}

/** Every tag, sorted by name ignoring case. */
export function selectTags(db: DatabaseSync): TagWithUsage[] {
  const sql = `${SELECT} ORDER BY t.name_key, t.id`;
  return (db.prepare(sql).all() as unknown as TagRow[]).map(fromRow);
}

/** Of `ids`, those that name no tag. */
export function missingTags(db: DatabaseSync, ids: readonly string[]): string[] {
  const exists = db.prepare('SELECT 1 FROM tags WHERE id = ?');
  return ids.filter((id) => exists.get(id) === undefined);
}

/** The id and tag list of every annotation carrying tag `id`. */
export function taggedWith(db: DatabaseSync, id: string): TaggedAnnotation[] {
  const rows = db
    .prepare(
      `SELECT a.annotation_id AS id,
              (SELECT json_group_array(tag_id) FROM (SELECT tag_id FROM annotation_tags
                WHERE annotation_id = a.annotation_id ORDER BY position)) AS tags
         FROM annotation_tags a WHERE a.tag_id = ?`,
    )
    .all(id) as { id: string; tags: string }[];
  return rows.map((row) => ({ id: row.id, tags: JSON.parse(row.tags) as string[] }));
}

/** Inserts a new tag, its name already normalised and checked. */
export function insertTag(db: DatabaseSync, tag: Tag): void {
  db.prepare('INSERT INTO tags (id, name, name_key, color, parent) VALUES (?, ?, ?, ?, ?)').run(
    tag.id,
    tag.name,
    tagNameKey(tag.name),
    tag.color,
    tag.parent ?? null,
  );
}

/**
 * Inserts a new tag unless one with the same name (ignoring case) exists: then nothing happens,
 * so two processes creating the same tag end up with one.
 */
export function insertTagIfNew(db: DatabaseSync, tag: Tag): void {
  db.prepare(
    `INSERT INTO tags (id, name, name_key, color, parent) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name_key) DO NOTHING`,
  ).run(tag.id, tag.name, tagNameKey(tag.name), tag.color, tag.parent ?? null);
}

/** Gives tag `id` another colour. */
export function setTagColor(db: DatabaseSync, id: string, color: Color): void {
  db.prepare('UPDATE tags SET color = ? WHERE id = ?').run(color, id);
}

/**
 * Writes a tag plan: tags overwritten first (so no child still points at a tag about to go),
 * then the annotations' new tag lists, then the removed tags.
 */
export function writeTagPlan(db: DatabaseSync, plan: TagPlan): void {
  const update = db.prepare(
    'UPDATE tags SET name = ?, name_key = ?, color = ?, parent = ? WHERE id = ?',
  );
  for (const tag of plan.updated) {
    update.run(tag.name, tagNameKey(tag.name), tag.color, tag.parent ?? null, tag.id);
  }
  for (const annotation of plan.annotations) writeTags(db, annotation.id, annotation.tags);
  for (const id of plan.removed) deleteTagRow(db, id);
}

/** Moves every child of `from` under `to` (null: to the top level). */
export function reparentChildren(db: DatabaseSync, from: string, to: string | null): void {
  db.prepare('UPDATE tags SET parent = ? WHERE parent = ?').run(to, from);
}

/** Deletes tag `id`; its annotation links go with it (ON DELETE CASCADE). */
export function deleteTagRow(db: DatabaseSync, id: string): void {
  db.prepare('DELETE FROM tags WHERE id = ?').run(id);
}

function fromRow(row: TagRow): TagWithUsage {
  const color = row.color as Color;
  const tag: TagWithUsage = { id: row.id, name: row.name, color, usage: row.usage };
  if (row.parent !== null) tag.parent = row.parent;
  return tag;
}

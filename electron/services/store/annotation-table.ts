/**
 * SQL for the `annotations` and `annotation_tags` tables, and the mapping between their rows and
 * the `Annotation` model. Callers validate input and run these inside a transaction.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { Annotation, AnchorStatus, Omission } from '../../../core/annotate/model.ts';
import type { Color } from '../../../core/annotate/palette.ts';

/** Which annotations to read; every field narrows the result. */
export interface AnnotationFilter {
  sourceId?: string;
  /** Only annotations carrying this tag (or, with `includeChildTags`, any tag below it). */
  tagId?: string;
  includeChildTags?: boolean;
}

interface AnnotationRow {
  id: string;
  source_id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  color: string;
  note: string;
  created: string;
  modified: string;
  anchor: string;
  omissions: string;
  tags: string;
  author: string | null;
  review: number;
}

// The tags come back as one JSON array per row, already in the user's order.
const SELECT = `
SELECT a.id, a.source_id, a.exact, a.prefix, a.suffix, a.start, a."end", a.color, a.note,
       a.created, a.modified, a.anchor, a.omissions, a.author, a.review,
       (SELECT json_group_array(tag_id)
          FROM (SELECT tag_id FROM annotation_tags
                 WHERE annotation_id = a.id ORDER BY position)) AS tags
  FROM annotations a`;

const CARRIES = 'EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_id = a.id';

/** The annotation `id` with its tags, or undefined. */
export function selectAnnotation(db: DatabaseSync, id: string): Annotation | undefined {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
  return row ? fromRow(row) : undefined;
}

/** The annotations matching `filter`, ordered by source, then position in the reading text. */
export function selectAnnotations(db: DatabaseSync, filter: AnnotationFilter): Annotation[] {
  const where: string[] = [];
  const params: Record<string, SQLInputValue> = {};
  let prefix = '';
  if (filter.sourceId !== undefined) {
    where.push('a.source_id = :sourceId');
    params.sourceId = filter.sourceId;
  }
  if (filter.tagId !== undefined) {
    params.tagId = filter.tagId;
    if (filter.includeChildTags) {
      // UNION (not UNION ALL) stops the walk even if a parent loop ever slipped into the table.
      prefix = `WITH RECURSIVE wanted(id) AS (
        SELECT :tagId UNION SELECT t.id FROM tags t JOIN wanted w ON t.parent = w.id) `;
      where.push(`${CARRIES} AND x.tag_id IN wanted)`);
    } else {
      where.push(`${CARRIES} AND x.tag_id = :tagId)`);
    }
  }
  const sql = `${prefix}${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.source_id, a.start, a."end", a.created, a.id`;
  return (db.prepare(sql).all(params) as unknown as AnnotationRow[]).map(fromRow);
}

/**
 * Inserts `annotation` and its tags; the id must be new and every tag must exist. Its position is
 * also where its author placed it.
 */
export function insertAnnotation(db: DatabaseSync, annotation: Annotation): void {
  db.prepare(
    `INSERT INTO annotations (id, source_id, exact, prefix, suffix, start, "end", color, note,
                              created, modified, anchor, omissions, author, review, placed_start, placed_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    annotation.id,
    annotation.sourceId,
    annotation.quote.exact,
    annotation.quote.prefix,
    annotation.quote.suffix,
    annotation.position.start,
    annotation.position.end,
    annotation.color,
    annotation.note,
    annotation.created,
    annotation.modified,
    annotation.anchor,
    JSON.stringify(annotation.omissions),
    annotation.author ?? null,
    annotation.review ? 1 : 0,
    annotation.position.start,
    annotation.position.end,
  );
  writeTags(db, annotation.id, annotation.tags);
}

/** Replaces the tags of annotation `id` by `tags`, in that order. */
export function writeTags(db: DatabaseSync, id: string, tags: readonly string[]): void {
  db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(id);
  const insert = db.prepare(
    'INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, ?)',
  );
  tags.forEach((tag, position) => insert.run(id, tag, position));
}

/** Writes the note, colour, quotation cuts and modification time of annotation `id`. */
export function updateAnnotationFields(db: DatabaseSync, annotation: Annotation): void {
  db.prepare('UPDATE annotations SET note = ?, color = ?, omissions = ?, modified = ? WHERE id = ?').run(
    annotation.note,
    annotation.color,
    JSON.stringify(annotation.omissions),
    annotation.modified,
    annotation.id,
  );
}

/** Sets where annotation `id` now sits and how it was found; false if there is no such one. */
export function updateAnchor(
  db: DatabaseSync,
  id: string,
  position: { start: number; end: number },
  anchor: AnchorStatus,
): boolean {
  const result = db
    .prepare('UPDATE annotations SET start = ?, "end" = ?, anchor = ? WHERE id = ?')
    .run(position.start, position.end, anchor, id);
  return Number(result.changes) === 1;
}

/**
 * Replaces the selectors of annotation `id` (its author re-attached it) and its quotation cuts,
 * which belong to the quote; the new position is where its author placed it. False if there is
 * no such one.
 */
export function updateSelectors(db: DatabaseSync, annotation: Annotation): boolean {
  const result = db
    .prepare('UPDATE annotations SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?, placed_start = ?, placed_end = ?, anchor = ?, omissions = ?, modified = ? WHERE id = ?')
    .run(
      annotation.quote.exact,
      annotation.quote.prefix,
      annotation.quote.suffix,
      annotation.position.start,
      annotation.position.end,
      annotation.position.start,
      annotation.position.end,
      annotation.anchor,
      JSON.stringify(annotation.omissions),
      annotation.modified,
      annotation.id,
    );
  return Number(result.changes) === 1;
}

/** Deletes annotation `id` and its tag links; false if there was none. */
export function deleteAnnotation(db: DatabaseSync, id: string): boolean {
  return Number(db.prepare('DELETE FROM annotations WHERE id = ?').run(id).changes) === 1;
}

function fromRow(row: AnnotationRow): Annotation {
  const annotation: Annotation = {
    id: row.id,
    sourceId: row.source_id,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    position: { start: row.start, end: row.end },
    color: row.color as Color,
    tags: JSON.parse(row.tags) as string[],
    note: row.note,
    created: row.created,
    modified: row.modified,
    anchor: row.anchor as AnchorStatus,
    omissions: JSON.parse(row.omissions) as Omission[],
  };
  if (row.author !== null) annotation.author = row.author;
  if (row.review === 1) annotation.review = true;
  return annotation;
}

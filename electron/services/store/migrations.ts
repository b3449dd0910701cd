/**
 * The numbered schema migrations of the project database. Migration `n` brings a database at
 * `PRAGMA user_version = n - 1` to version `n`. Never edit a migration that has shipped: add the
 * next one.
 */

/** One schema step: `version` is the `user_version` after it; `sql` runs in one transaction. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

// STRICT tables make SQLite refuse a value of the wrong type instead of storing it anyway.
const V1_INITIAL = `
CREATE TABLE tags (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL CHECK (length(name) > 0),
  -- tagNameKey(name) of core/annotate/tag-names.ts: makes "Soviet Union" and "soviet union" one tag
  name_key TEXT NOT NULL UNIQUE,
  color TEXT NOT NULL,
  parent TEXT REFERENCES tags (id),
  CHECK (parent IS NULL OR parent <> id)
) STRICT;
CREATE INDEX tags_parent ON tags (parent);

CREATE TABLE annotations (
  id TEXT PRIMARY KEY NOT NULL,
  source_id TEXT NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL CHECK ("end" >= start),
  color TEXT NOT NULL,
  note TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  anchor TEXT NOT NULL CHECK (anchor IN ('anchored', 'moved', 'orphaned'))
) STRICT;
CREATE INDEX annotations_source ON annotations (source_id, start);

-- position keeps the order in which the user added the tags
CREATE TABLE annotation_tags (
  annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (annotation_id, tag_id),
  UNIQUE (annotation_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
`;

// Trimmed quotations: the cuts are ranges of the saved quote, kept as one JSON array.
const V2_OMISSIONS = `
ALTER TABLE annotations ADD COLUMN omissions TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(omissions) AND json_type(omissions) = 'array');
`;

// What deleting (or re-attaching) a highlight and deleting or merging a tag took away, kept so
// that undo puts it back from the project's own record: the page never sends selectors. Each
// table is a stack (latest `seq` first per id); the store keeps its most recent rows only.
const V3_TRASH = `
CREATE TABLE annotation_trash (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('deleted', 'reattached')),
  record TEXT NOT NULL CHECK (json_valid(record)),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX annotation_trash_id ON annotation_trash (id, seq);

CREATE TABLE tag_trash (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  record TEXT NOT NULL CHECK (json_valid(record)),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX tag_trash_id ON tag_trash (id, seq);
`;

// Sharing a corpus with a group: who made a highlight that came from another member (NULL: made
// in this project), whether it waits for review (deleted by its author on one computer while
// edited on another), and where its author placed it: local re-anchoring moves `start`/`end`, so
// a change of the author's own placement (a re-attachment elsewhere) can be told from it.
const V4_SHARING = `
ALTER TABLE annotations ADD COLUMN author TEXT CHECK (author IS NULL OR length(author) > 0);
ALTER TABLE annotations ADD COLUMN review INTEGER NOT NULL DEFAULT 0 CHECK (review IN (0, 1));
ALTER TABLE annotations ADD COLUMN placed_start INTEGER CHECK (placed_start IS NULL OR placed_start >= 0);
ALTER TABLE annotations ADD COLUMN placed_end INTEGER CHECK (placed_end IS NULL OR placed_end >= placed_start);
UPDATE annotations SET placed_start = start, placed_end = "end";
CREATE INDEX annotations_author ON annotations (author);
`;

/** The migrations of this version of Apparatus, in order; the last one's version is current. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'annotations, tags, annotation tags and settings', sql: V1_INITIAL },
  { version: 2, description: 'cuts in the quotation of a highlight', sql: V2_OMISSIONS },
  { version: 3, description: 'records of deleted highlights and tags, for undo', sql: V3_TRASH },
  { version: 4, description: 'authors, review flags and placements of shared highlights', sql: V4_SHARING },
];

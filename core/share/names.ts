/**
 * How a group's shared corpus is split into Yjs documents, and their names on the server.
 *
 * One group holds several documents so that each can be read, written and loaded on its own:
 * `GROUP/members` (written by the server only), `GROUP/tags` (the tag vocabulary),
 * `GROUP/corpus` (the index of the group's sources), `GROUP/source/ID` (one cleaned source),
 * `GROUP/raw/ID` (its raw file, kept apart because a PDF can be large) and
 * `GROUP/annotations/USER` (one member's annotations, written by that member alone).
 */

/** User and group names: lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

// The same rule as source ids in the corpus folder (core/corpus/front-matter-schema.ts), bounded.
const SOURCE_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,199}$/;

/** Every kind of shared document. */
export const DOC_KINDS = ['members', 'tags', 'corpus', 'source', 'raw', 'annotations'] as const;

/** One of `DOC_KINDS`. */
export type DocKind = (typeof DOC_KINDS)[number];

/** A shared document, by group, kind and (for sources, raw files and annotations) key. */
export type DocAddress =
  | { group: string; kind: 'members' | 'tags' | 'corpus' }
  | { group: string; kind: 'source' | 'raw'; key: string }
  | { group: string; kind: 'annotations'; key: string };

/** True when `name` may name a user or a group. */
export function isName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** The server-side name of a shared document. */
export function docName(address: DocAddress): string {
  return 'key' in address ? `${address.group}/${address.kind}/${address.key}` : `${address.group}/${address.kind}`;
}

/** The document a server-side name stands for, or undefined when it names none. */
export function parseDocName(name: string): DocAddress | undefined {
  const parts = name.split('/');
  const [group, kind, key] = parts;
  if (group === undefined || kind === undefined || !isName(group)) return undefined;
  if (parts.length === 2 && (kind === 'members' || kind === 'tags' || kind === 'corpus')) return { group, kind };
  if (parts.length !== 3 || key === undefined) return undefined;
  if ((kind === 'source' || kind === 'raw') && SOURCE_KEY_PATTERN.test(key)) return { group, kind, key };
  if (kind === 'annotations' && isName(key)) return { group, kind, key };
  return undefined;
}

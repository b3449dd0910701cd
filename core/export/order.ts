/**
 * The order of an export: `reading` (the order the historian read in: sources in the order they
 * were first highlighted, each source's passages in the order of its text), `source` (grouped
 * under each source's title, sources in bibliography order) or `tag` (grouped under every tag a
 * highlight carries, following the tag tree: child tags nested under their parent, siblings
 * alphabetical; then by source and position). Footnotes are numbered in the resulting order, so
 * short forms come out right.
 */
import type { Annotation, Tag } from '../annotate/model.ts';
import type { CslItem } from '../corpus/model.ts';
import { ExportError } from './errors.ts';

/** The orders an export can take. */
export const ORDERS = ['reading', 'tag', 'source'] as const;

/** One of `ORDERS`. */
export type ExportOrder = (typeof ORDERS)[number];

/** Annotations under a heading, in their final order. */
export interface OrderedGroup {
  heading: string | null;
  /** The heading's depth: 1 for a source or a top-level tag, 2 for a tag under it, and so on. */
  level: number;
  annotations: Annotation[];
}

/** Checks an order name; throws `ExportError` (`invalid-order`) for anything else. */
export function parseOrder(name: string): ExportOrder {
  if ((ORDERS as readonly string[]).includes(name)) return name as ExportOrder;
  throw new ExportError(
    'invalid-order',
    `“${name}” is not an order: use reading, tag or source.`,
  );
}

/**
 * Groups and sorts `annotations`. With `tag`, an annotation stands under every tag it carries (so
 * it may be listed more than once), a tag's group is followed by the groups of the tags below it,
 * one level deeper, and untagged ones come last under "Untagged"; a tag with no highlight in or
 * below it is left out. Sorting is stable and total (ties fall back to the annotation id), so the
 * same input always gives the same file.
 */
export function orderAnnotations(
  annotations: readonly Annotation[],
  order: ExportOrder,
  items: ReadonlyMap<string, CslItem>,
  tags: readonly Tag[],
): OrderedGroup[] {
  const byPlace = [...annotations].sort((a, b) => compareByPlace(a, b, items));
  if (order === 'reading') {
    // Passages in text order, not creation order: a draft follows the source, however the
    // historian went back and forth while reading it.
    const firstRead = new Map<string, string>();
    for (const a of annotations) {
      const seen = firstRead.get(a.sourceId);
      if (seen === undefined || a.created < seen) firstRead.set(a.sourceId, a.created);
    }
    const when = (a: Annotation) => firstRead.get(a.sourceId) ?? '';
    const sorted = [...byPlace].sort(
      (a, b) => when(a).localeCompare(when(b)) || compareByPlace(a, b, items),
    );
    return [{ heading: null, level: 1, annotations: sorted }];
  }
  if (order === 'tag') return byTagTree(byPlace, tags);
  const groups = new Map<string, Annotation[]>();
  for (const annotation of byPlace) {
    const heading = sourceHeading(items.get(annotation.sourceId), annotation.sourceId);
    groups.set(heading, [...(groups.get(heading) ?? []), annotation]);
  }
  return [...groups].map(([heading, list]) => ({ heading, level: 1, annotations: list }));
}

const UNTAGGED = 'Untagged';

/** The groups of the tag tree, depth first, each tag's highlights before its children's groups. */
function byTagTree(annotations: readonly Annotation[], tags: readonly Tag[]): OrderedGroup[] {
  const known = new Map(tags.map((tag) => [tag.id, tag]));
  const children = new Map<string | undefined, Tag[]>();
  for (const tag of tags) {
    // A tag filed under a tag that is gone stands at the top, so none is lost.
    const parent = tag.parent !== undefined && known.has(tag.parent) ? tag.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), tag]);
  }
  for (const list of children.values()) list.sort((a, b) => compareNames(a.name, b.name) || a.id.localeCompare(b.id));
  const groups: OrderedGroup[] = [];
  const visited = new Set<string>();
  const visit = (tag: Tag, level: number): boolean => {
    if (visited.has(tag.id)) return false;
    visited.add(tag.id);
    const own = annotations.filter((a) => a.tags.includes(tag.id));
    const at = groups.length;
    groups.push({ heading: tag.name, level, annotations: own });
    let below = false;
    for (const child of children.get(tag.id) ?? []) below = visit(child, level + 1) || below;
    if (own.length === 0 && !below) groups.splice(at);
    return own.length > 0 || below;
  };
  for (const tag of children.get(undefined) ?? []) visit(tag, 1);
  // Tags caught in a loop of parents have no top; they still get their own groups.
  for (const tag of [...tags].sort((a, b) => compareNames(a.name, b.name))) visit(tag, 1);
  const untagged = annotations.filter((a) => !a.tags.some((id) => known.has(id)));
  if (untagged.length > 0) groups.push({ heading: UNTAGGED, level: 1, annotations: untagged });
  return groups;
}

function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

function compareByPlace(a: Annotation, b: Annotation, items: ReadonlyMap<string, CslItem>): number {
  const sa = sourceSortKey(items.get(a.sourceId), a.sourceId);
  const sb = sourceSortKey(items.get(b.sourceId), b.sourceId);
  return (
    sa.localeCompare(sb, 'en') ||
    a.sourceId.localeCompare(b.sourceId) ||
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    a.id.localeCompare(b.id)
  );
}

/** Author family names, then title: the order a bibliography would list the sources in. */
function sourceSortKey(item: CslItem | undefined, id: string): string {
  if (!item) return id;
  const authors = (item.author ?? []).map((n) => n.family ?? n.literal ?? '').join(' ');
  return `${authors || (item.title ?? id)}\u0000${item.title ?? id}`;
}

function sourceHeading(item: CslItem | undefined, id: string): string {
  return item?.title ?? id;
}

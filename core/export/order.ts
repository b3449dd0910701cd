/**
 * The order of an export: `reading` (the order the historian read in: sources in the order they
 * were first highlighted, each source's passages in the order of its text), `source` (grouped
 * under each source's title, sources in bibliography order) or `tag` (grouped by tag name, then by
 * source and position). Footnotes are numbered in the resulting order, so short forms come out
 * right.
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
 * Groups and sorts `annotations`. With `tag`, an annotation stands under its first tag in
 * alphabetical order, once only, and untagged ones come last under "Untagged". Sorting is stable
 * and total (ties fall back to the annotation id), so the same input always gives the same file.
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
    return [{ heading: null, annotations: sorted }];
  }
  const groups = new Map<string, Annotation[]>();
  const headingOf =
    order === 'source'
      ? (a: Annotation) => sourceHeading(items.get(a.sourceId), a.sourceId)
      : (a: Annotation) => firstTagName(a, tags);
  for (const annotation of byPlace) {
    const heading = headingOf(annotation);
    groups.set(heading, [...(groups.get(heading) ?? []), annotation]);
  }
  const headings = [...groups.keys()];
  if (order === 'tag') headings.sort(compareTagHeadings);
  return headings.map((heading) => ({ heading, annotations: groups.get(heading) ?? [] }));
}

const UNTAGGED = 'Untagged';

function firstTagName(annotation: Annotation, tags: readonly Tag[]): string {
  const names = annotation.tags
    .map((id) => tags.find((tag) => tag.id === id)?.name)
    .filter((name): name is string => name !== undefined)
    .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  return names[0] ?? UNTAGGED;
}

function compareTagHeadings(a: string, b: string): number {
  if (a === UNTAGGED || b === UNTAGGED) return Number(a === UNTAGGED) - Number(b === UNTAGGED);
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

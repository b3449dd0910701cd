/**
 * Annotations as the search service takes them: what the index needs (quote, note, tag names)
 * plus the reading-text position, which locates a hit on its page.
 */
import type { AnchorStatus, Annotation, Tag } from '../../../core/annotate/model.ts';
import type { SearchableAnnotation } from '../../../core/search/index.ts';
import type { ProjectStore } from '../store/index.ts';
import type { AnnotationChange } from './annotation-index.ts';

/** One annotation for search: tag names, not ids; `position` in reading-text offsets. */
export interface SearchAnnotationInput extends SearchableAnnotation {
  position?: { start: number; end: number };
  /** How the last re-anchoring placed it: a hit says when its wording is no longer the source's. */
  anchor?: AnchorStatus;
}

/** Tag names by id, and the names of each tag's ancestors (parent first). */
function tagLookup(tags: readonly Tag[]): { name(id: string): string | undefined; ancestors(id: string): string[] } {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  return {
    name: (id) => byId.get(id)?.name,
    ancestors: (id) => {
      const names: string[] = [];
      const seen = new Set([id]);
      for (let tag = byId.get(byId.get(id)?.parent ?? ''); tag && !seen.has(tag.id); tag = byId.get(tag.parent ?? '')) {
        seen.add(tag.id);
        names.push(tag.name);
      }
      return names;
    },
  };
}

function searchInput(annotation: Annotation, tags: ReturnType<typeof tagLookup>): SearchAnnotationInput {
  const own = annotation.tags.flatMap((id) => {
    const name = tags.name(id);
    return name === undefined ? [] : [name];
  });
  const parents = [...new Set(annotation.tags.flatMap((id) => tags.ancestors(id)))].filter((name) => !own.includes(name));
  return {
    id: annotation.id,
    sourceId: annotation.sourceId,
    quote: { exact: annotation.quote.exact },
    note: annotation.note,
    tags: own,
    ...(parents.length > 0 ? { parentTags: parents } : {}),
    position: { start: annotation.position.start, end: annotation.position.end },
    anchor: annotation.anchor,
  };
}

/**
 * The current annotations of a project store with their tag names (and their tags' parents'
 * names, so that a tag lists what is filed under its children), in the store's order: the
 * function to hand a `SearchService`. Tags that no longer exist are left out. `annotations`
 * default to the store's own; the app passes them re-anchored by the annotation service.
 */
export function annotationsFromStore(store: ProjectStore, annotations: readonly Annotation[] = store.list()): SearchAnnotationInput[] {
  const tags = tagLookup(store.listTags());
  return annotations.map((annotation) => searchInput(annotation, tags));
}

/**
 * What changed for search when the annotations `ids` were created, edited or deleted: those
 * still in the store, read again (through `get`, default the store's own; the app passes the
 * annotation service's, which re-anchors), and the ids of those that are gone. Costs a few
 * reads, not a pass over every annotation.
 */
export function annotationChangeFromStore(
  store: ProjectStore,
  ids: readonly string[],
  get: (id: string) => Annotation | undefined = (id) => store.get(id),
): AnnotationChange {
  const tags = tagLookup(store.listTags());
  const upserted: SearchAnnotationInput[] = [];
  const removed: string[] = [];
  for (const id of ids) {
    const annotation = get(id);
    if (annotation === undefined) removed.push(id);
    else upserted.push(searchInput(annotation, tags));
  }
  return { upserted, removed };
}

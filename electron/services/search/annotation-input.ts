/**
 * Annotations as the search service takes them: what the index needs (quote, note, tag names)
 * plus the reading-text position, which locates a hit on its page.
 */
import type { Annotation } from '../../../core/annotate/model.ts';
import type { SearchableAnnotation } from '../../../core/search/index.ts';
import type { ProjectStore } from '../store/index.ts';

/** One annotation for search: tag names, not ids; `position` in reading-text offsets. */
export interface SearchAnnotationInput extends SearchableAnnotation {
  position?: { start: number; end: number };
}

/**
 * The current annotations of a project store with their tag names, in the store's order: the
 * function to hand a `SearchService`. Tags that no longer exist are left out. `annotations`
 * default to the store's own; the app passes them re-anchored by the annotation service.
 */
export function annotationsFromStore(store: ProjectStore, annotations: readonly Annotation[] = store.list()): SearchAnnotationInput[] {
  const names = new Map(store.listTags().map((tag) => [tag.id, tag.name]));
  return annotations.map((annotation) => ({
    id: annotation.id,
    sourceId: annotation.sourceId,
    quote: { exact: annotation.quote.exact },
    note: annotation.note,
    tags: annotation.tags.flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [name];
    }),
    position: { start: annotation.position.start, end: annotation.position.end },
  }));
}

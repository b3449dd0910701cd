/**
 * Annotations as the search service takes them: what the index needs (quote, note, tag names)
 * plus the reading-text position, which locates a hit on its page.
 */
import type { SearchableAnnotation } from '../../../core/search/index.ts';
import type { ProjectStore } from '../store/index.ts';

/** One annotation for search: tag names, not ids; `position` in reading-text offsets. */
export interface SearchAnnotationInput extends SearchableAnnotation {
  position?: { start: number; end: number };
}

/**
 * The current annotations of a project store with their tag names, in the store's order: the
 * function to hand a `SearchService`. Tags that no longer exist are left out.
 */
export function annotationsFromStore(store: ProjectStore): SearchAnnotationInput[] {
  const names = new Map(store.listTags().map((tag) => [tag.id, tag.name]));
  return store.list().map((annotation) => ({
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

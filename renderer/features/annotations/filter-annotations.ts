import type { TagSummary } from '../../../core/api.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { descendants } from '../../../core/annotate/tag-tree.ts';
import { MINE, type AnnotationFilters } from '../../state/app-state.ts';

/**
 * The annotations that pass the filters: a tag includes its children; text matches quote or note;
 * the author is another member's name, or `MINE` for the highlights without one.
 */
export function filterAnnotations(annotations: readonly Annotation[], tags: readonly TagSummary[], filters: AnnotationFilters): Annotation[] {
  const tagIds = filters.tagId ? new Set([filters.tagId, ...descendants(tags, filters.tagId)]) : null;
  const text = filters.text.trim().toLocaleLowerCase();
  return annotations.filter(
    (a) =>
      (!tagIds || a.tags.some((id) => tagIds.has(id))) &&
      (!filters.color || a.color === filters.color) &&
      (!filters.author || (filters.author === MINE ? a.author === undefined : a.author === filters.author)) &&
      (!text || a.quote.exact.toLocaleLowerCase().includes(text) || a.note.toLocaleLowerCase().includes(text)),
  );
}

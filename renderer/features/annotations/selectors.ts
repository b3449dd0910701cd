import type { Annotation } from '../../../core/annotate/model.ts';
import type { AppState } from '../../state/app-state.ts';
import { memoize } from '../../state/memo.ts';

/** The order the store lists annotations in: by source, then by place in the text. */
export function byPlace(a: Annotation, b: Annotation): number {
  return (
    compare(a.sourceId, b.sourceId) ||
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    compare(a.created, b.created) ||
    compare(a.id, b.id)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const ofSource = memoize((annotations: ReadonlyMap<string, Annotation>, sourceId: string | undefined): readonly Annotation[] =>
  sourceId === undefined ? [] : [...annotations.values()].filter((a) => a.sourceId === sourceId).sort(byPlace),
);

const ofCorpus = memoize((annotations: ReadonlyMap<string, Annotation>): readonly Annotation[] => [...annotations.values()].sort(byPlace));

/** The annotations of the source open in the reader, in text order. */
export function openAnnotations(state: AppState): readonly Annotation[] {
  return ofSource(state.annotations, state.open?.source.id);
}

/** The annotations the list shows before filtering: the open source's, or the whole corpus's. */
export function scopedAnnotations(state: AppState): readonly Annotation[] {
  return state.filters.scope === 'corpus' ? ofCorpus(state.annotations) : openAnnotations(state);
}

const authorsOf = memoize((annotations: ReadonlyMap<string, Annotation>): readonly string[] =>
  [...new Set([...annotations.values()].flatMap((a) => (a.author ? [a.author] : [])))].sort(compare),
);

/** The other members whose highlights the app has loaded, by name. */
export function otherAuthors(state: AppState): readonly string[] {
  return authorsOf(state.annotations);
}

/** The highlight the editor shows, if it is still there. */
export function activeAnnotation(state: AppState): Annotation | undefined {
  const id = state.side.activeId;
  return id === null ? undefined : state.annotations.get(id);
}

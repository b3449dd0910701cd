import type { Annotation } from '../../../core/annotate/model.ts';
import type { Action } from '../../state/actions.ts';
import type { AnnotationFilters, SideState } from '../../state/app-state.ts';

type AnnotationMap = ReadonlyMap<string, Annotation>;

// Replaces what was known of one source (or, with `sourceId` null, of the whole corpus).
function replace(state: AnnotationMap, sourceId: string | null, annotations: readonly Annotation[]): AnnotationMap {
  const next = new Map(sourceId === null ? [] : [...state].filter(([, a]) => a.sourceId !== sourceId));
  for (const annotation of annotations) next.set(annotation.id, annotation);
  return next;
}

/** The one map of every annotation the page knows, by id. */
export function annotationsReducer(state: AnnotationMap, action: Action): AnnotationMap {
  switch (action.type) {
    case 'source/opened':
      return replace(state, action.source.id, action.annotations);
    case 'annotations/loaded':
      return replace(state, action.sourceId, action.annotations);
    case 'annotation/saved': {
      if (state.get(action.annotation.id) === action.annotation) return state;
      return new Map(state).set(action.annotation.id, action.annotation);
    }
    case 'annotation/removed': {
      if (!state.has(action.id)) return state;
      const next = new Map(state);
      next.delete(action.id);
      return next;
    }
    default:
      return state;
  }
}

/** Where main placed annotations ("p. 380"), by id. */
export function placesReducer(state: ReadonlyMap<string, string>, action: Action): ReadonlyMap<string, string> {
  return action.type === 'places/loaded' ? new Map([...state, ...Object.entries(action.places)]) : state;
}

/** The filters of the annotations list. */
export function filtersReducer(state: AnnotationFilters, action: Action): AnnotationFilters {
  return action.type === 'filters/changed' ? action.filters : state;
}

/** The side panel's tab and the highlight its editor shows; activating a highlight shows its tab. */
export function sideReducer(state: SideState, action: Action): SideState {
  switch (action.type) {
    case 'side/shown':
      return action.tab === state.tab ? state : { ...state, tab: action.tab };
    case 'annotation/activated':
      return { tab: 'annotations', activeId: action.id };
    case 'annotation/removed':
      return state.activeId === action.id ? { ...state, activeId: null } : state;
    case 'source/opened':
      // The same source opened again (its file changed) keeps the highlight being edited.
      return state.activeId === null || action.annotations.some((a) => a.id === state.activeId) ? state : { ...state, activeId: null };
    case 'source/closed':
      return state.activeId === null ? state : { ...state, activeId: null };
    default:
      return state;
  }
}

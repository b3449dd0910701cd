import type { Action } from '../../state/actions.ts';
import type { SearchState } from '../../state/app-state.ts';

/** The search box, its results, the matches shown in the reader and the index's progress. */
export function searchReducer(state: SearchState, action: Action): SearchState {
  switch (action.type) {
    case 'search/typed':
      // An empty box shows the library again at once; results of other queries are dropped.
      return { ...state, query: action.query, results: action.query.trim() === '' ? null : state.results };
    case 'search/answered':
      // An answer to a query the user has since changed is stale.
      return action.query === state.query && action.query.trim() !== '' ? { ...state, results: action.results } : state;
    case 'search/more': {
      // The next page of the answer shown: its hits follow those shown (a hit already among them,
      // as the index changed meanwhile, is not listed twice).
      const shown = state.results;
      if (action.query !== state.query || !shown || shown.loading) return state;
      const refs = new Set(shown.hits.map((hit) => hit.ref));
      const hits = action.results.hits.filter((hit) => !refs.has(hit.ref));
      return { ...state, results: { ...shown, hits: [...shown.hits, ...hits], total: Math.max(action.results.total, shown.hits.length + hits.length) } };
    }
    case 'search/matched':
    case 'find/matched':
      return { ...state, matches: action.matches };
    case 'find/closed':
      return state.matches === null ? state : { ...state, matches: null };
    case 'search/stepped': {
      const matches = state.matches;
      if (!matches || matches.ranges.length === 0) return state;
      const current = (matches.current + action.direction + matches.ranges.length) % matches.ranges.length;
      return { ...state, matches: { ...matches, current } };
    }
    case 'search/progress':
      return { ...state, progress: action.progress };
    case 'source/opened':
    case 'source/closed':
      // Matches belong to the reader's document: a newly opened one has none until a hit sets them.
      return state.matches === null ? state : { ...state, matches: null };
    default:
      return state;
  }
}

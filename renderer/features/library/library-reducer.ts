import type { Action } from '../../state/actions.ts';
import type { LibraryState } from '../../state/app-state.ts';

/** The library: loading, loaded (with its sources), or failed (keeping what was shown before). */
export function libraryReducer(state: LibraryState, action: Action): LibraryState {
  switch (action.type) {
    case 'library/loading':
      return { ...state, status: 'loading' };
    case 'library/loaded':
      return { status: 'ready', sources: action.sources };
    case 'library/failed':
      return { ...state, status: 'failed' };
    default:
      return state;
  }
}

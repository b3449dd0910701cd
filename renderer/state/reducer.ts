import { annotationsReducer, filtersReducer, placesReducer, sideReducer } from '../features/annotations/annotations-reducer.ts';
import { layoutReducer } from '../features/layout/panels.ts';
import { libraryReducer } from '../features/library/library-reducer.ts';
import { pagesReducer } from '../features/pages/pages-reducer.ts';
import { findReducer } from '../features/reader/find-matches.ts';
import { openReducer, readerReducer } from '../features/reader/reader-reducer.ts';
import { searchReducer } from '../features/search/search-reducer.ts';
import { writeLockReducer } from '../features/share/share-reducer.ts';
import { tagsReducer } from '../features/tags/tags-reducer.ts';
import { importingReducer } from '../features/transfer/importing-reducer.ts';
import type { Action } from './actions.ts';
import type { AppState } from './app-state.ts';
import { dialogsReducer, historyReducer } from './ui-reducer.ts';

/** The app's reducer: each slice's reducer sees every action; unchanged slices keep their identity. */
export function appReducer(state: AppState, action: Action): AppState {
  const next: AppState = {
    library: libraryReducer(state.library, action),
    open: openReducer(state.open, action),
    annotations: annotationsReducer(state.annotations, action),
    tags: tagsReducer(state.tags, action),
    search: searchReducer(state.search, action),
    dialogs: dialogsReducer(state.dialogs, action),
    reader: readerReducer(state.reader, action),
    side: sideReducer(state.side, action),
    filters: filtersReducer(state.filters, action),
    history: historyReducer(state.history, action),
    layout: layoutReducer(state.layout, action),
    find: findReducer(state.find, action),
    places: placesReducer(state.places, action),
    pages: pagesReducer(state.pages, state.open?.source.id, action),
    importing: importingReducer(state.importing, action),
    writeLock: writeLockReducer(state.writeLock, action),
  };
  return (Object.keys(next) as (keyof AppState)[]).every((key) => next[key] === state[key]) ? state : next;
}

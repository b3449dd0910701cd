import { describe, expect, it } from 'vitest';
import { FONT_SIZE } from '../../../core/api.ts';
import { annotationsReducer, sideReducer } from '../../../renderer/features/annotations/annotations-reducer.ts';
import { activeAnnotation, openAnnotations, scopedAnnotations } from '../../../renderer/features/annotations/selectors.ts';
import { libraryReducer } from '../../../renderer/features/library/library-reducer.ts';
import { readerReducer } from '../../../renderer/features/reader/reader-reducer.ts';
import { searchReducer } from '../../../renderer/features/search/search-reducer.ts';
import type { Action } from '../../../renderer/state/actions.ts';
import { initialState, type AppState } from '../../../renderer/state/app-state.ts';
import { appReducer } from '../../../renderer/state/reducer.ts';
import { dialogsReducer, historyReducer } from '../../../renderer/state/ui-reducer.ts';
import { annotation, source } from './fixtures.ts';

const run = (actions: Action[], from: AppState = initialState) => actions.reduce(appReducer, from);

describe('the app reducer', () => {
  it('returns the very same state for an action that changes nothing', () => {
    const state = run([{ type: 'library/loaded', sources: [] }]);
    expect(appReducer(state, { type: 'dialog/closed' })).toBe(state);
    expect(appReducer(state, { type: 'annotation/removed', id: 'gone' })).toBe(state);
  });

  it('keeps the identity of every slice an action does not concern', () => {
    const state = run([{ type: 'library/loaded', sources: [] }]);
    const next = appReducer(state, { type: 'side/shown', tab: 'tags' });
    expect(next.side.tab).toBe('tags');
    for (const key of ['library', 'open', 'annotations', 'tags', 'search', 'dialogs', 'reader', 'filters', 'history'] as const) {
      expect(next[key]).toBe(state[key]);
    }
  });
});

describe('annotations: one map by id', () => {
  const a1 = annotation('a1', 'one', 10);
  const a2 = annotation('a2', 'one', 5);
  const b1 = annotation('b1', 'two', 0);

  it('replaces only the opened source’s annotations, keeping the others', () => {
    let map = annotationsReducer(new Map(), { type: 'annotations/loaded', sourceId: null, annotations: [a1, a2, b1] });
    const moved = { ...a1, anchor: 'orphaned' as const };
    map = annotationsReducer(map, { type: 'source/opened', source: source('one'), annotations: [moved], offset: null });
    expect([...map.values()]).toEqual([b1, moved]);
  });

  it('replaces everything when the whole corpus is loaded', () => {
    const map = annotationsReducer(new Map([['old', annotation('old', 'three', 0)]]), { type: 'annotations/loaded', sourceId: null, annotations: [b1] });
    expect([...map.keys()]).toEqual(['b1']);
  });

  it('saves and removes one annotation, unchanged when there is nothing to do', () => {
    const map = annotationsReducer(new Map(), { type: 'annotation/saved', annotation: a1 });
    expect(annotationsReducer(map, { type: 'annotation/saved', annotation: a1 })).toBe(map);
    expect(annotationsReducer(map, { type: 'annotation/removed', id: 'nope' })).toBe(map);
    expect(annotationsReducer(map, { type: 'annotation/removed', id: 'a1' }).size).toBe(0);
  });

  it('lists the open source’s annotations in text order, and the corpus by source then place', () => {
    const state = run([
      { type: 'annotations/loaded', sourceId: null, annotations: [b1, a1, a2] },
      { type: 'source/opened', source: source('one'), annotations: [a1, a2], offset: null },
    ]);
    expect(openAnnotations(state).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(scopedAnnotations(state)).toBe(openAnnotations(state));
    const corpus = run([{ type: 'filters/changed', filters: { ...state.filters, scope: 'corpus' } }], state);
    expect(scopedAnnotations(corpus).map((a) => a.id)).toEqual(['a2', 'a1', 'b1']);
  });

  it('forgets the active highlight when it is deleted or another source opens', () => {
    const active = run([
      { type: 'side/shown', tab: 'tags' },
      { type: 'annotation/saved', annotation: a1 },
      { type: 'annotation/activated', id: 'a1' },
    ]);
    expect(active.side).toEqual({ tab: 'annotations', activeId: 'a1' });
    expect(activeAnnotation(active)).toBe(a1);
    expect(sideReducer(active.side, { type: 'annotation/removed', id: 'a1' }).activeId).toBeNull();
    expect(sideReducer(active.side, { type: 'annotation/removed', id: 'other' })).toBe(active.side);
    expect(sideReducer(active.side, { type: 'source/opened', source: source('two'), annotations: [], offset: null }).activeId).toBeNull();
  });

  it('keeps the active highlight when its own source is opened again', () => {
    const active = run([{ type: 'annotation/saved', annotation: a1 }, { type: 'annotation/activated', id: 'a1' }]);
    const reopened = sideReducer(active.side, { type: 'source/opened', source: source('one'), annotations: [a1, a2], offset: null });
    expect(reopened).toBe(active.side);
  });
});

describe('search', () => {
  const results = { hits: [], total: 0 };

  it('drops an answer to a query the user has since changed', () => {
    let state = searchReducer(initialState.search, { type: 'search/typed', query: 'hox' });
    state = searchReducer(state, { type: 'search/typed', query: 'hoxha' });
    expect(searchReducer(state, { type: 'search/answered', query: 'hox', results })).toBe(state);
    expect(searchReducer(state, { type: 'search/answered', query: 'hoxha', results }).results).toBe(results);
  });

  it('shows the library again at once when the box is emptied', () => {
    let state = searchReducer(initialState.search, { type: 'search/typed', query: 'tirana' });
    state = searchReducer(state, { type: 'search/answered', query: 'tirana', results });
    expect(searchReducer(state, { type: 'search/typed', query: '  ' }).results).toBeNull();
  });

  it('steps round the matches both ways, and forgets them when another source opens', () => {
    const ranges = [
      { start: 1, end: 2 },
      { start: 5, end: 6 },
      { start: 9, end: 10 },
    ];
    let state = searchReducer(initialState.search, { type: 'search/matched', matches: { sourceId: 'one', ranges, current: 0 } });
    state = searchReducer(state, { type: 'search/stepped', direction: -1 });
    expect(state.matches?.current).toBe(2);
    state = searchReducer(state, { type: 'search/stepped', direction: 1 });
    expect(state.matches?.current).toBe(0);
    expect(searchReducer(state, { type: 'source/opened', source: source('two'), annotations: [], offset: null }).matches).toBeNull();
  });
});

describe('library, reader, dialogs and history', () => {
  it('keeps the sources shown while the library reloads or fails', () => {
    const sources = [{ id: 's', title: 'S', shortTitle: 'S', authors: null, year: null, reliability: 'primary' as const, derivativeOf: null, missing: [] }];
    let state = libraryReducer(initialState.library, { type: 'library/loaded', sources });
    state = libraryReducer(state, { type: 'library/loading' });
    expect(state).toEqual({ status: 'loading', sources });
    expect(libraryReducer(state, { type: 'library/failed' })).toEqual({ status: 'failed', sources });
  });

  it('keeps the text size within its bounds, in whole pixels', () => {
    expect(readerReducer(initialState.reader, { type: 'reader/resized', fontSize: 99 }).fontSize).toBe(FONT_SIZE.max);
    expect(readerReducer(initialState.reader, { type: 'reader/resized', fontSize: 1 }).fontSize).toBe(FONT_SIZE.min);
    expect(readerReducer(initialState.reader, { type: 'reader/resized', fontSize: 20.4 }).fontSize).toBe(20);
    expect(readerReducer(initialState.reader, { type: 'reader/resized', fontSize: FONT_SIZE.default })).toBe(initialState.reader);
  });

  it('takes the reading position from the opened source, then from scrolling', () => {
    let state = readerReducer(initialState.reader, { type: 'source/opened', source: source('one'), annotations: [], offset: 300 });
    expect(state.offset).toBe(300);
    state = readerReducer(state, { type: 'reader/scrolled', offset: 420 });
    expect(state.offset).toBe(420);
  });

  it('records the open dialog and note, closing the note with its source', () => {
    let state = dialogsReducer(initialState.dialogs, { type: 'dialog/opened', modal: 'export' });
    state = dialogsReducer(state, { type: 'note/shown', label: '8' });
    expect(state).toEqual({ modal: 'export', note: '8' });
    state = dialogsReducer(state, { type: 'source/closed' });
    expect(state).toEqual({ modal: 'export', note: null });
    expect(dialogsReducer(state, { type: 'dialog/closed' })).toEqual({ modal: null, note: null });
  });

  it('changes the history labels only when they differ', () => {
    const labels = { undo: 'Rename Tag', redo: null };
    const state = historyReducer(initialState.history, { type: 'history/changed', labels });
    expect(state).toEqual(labels);
    expect(historyReducer(state, { type: 'history/changed', labels: { ...labels } })).toBe(state);
  });
});

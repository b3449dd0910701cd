import { describe, expect, it } from 'vitest';
import type { Action } from '../../../renderer/state/actions.ts';
import { initialState, type AppState } from '../../../renderer/state/app-state.ts';
import { appReducer } from '../../../renderer/state/reducer.ts';
import { source } from './fixtures.ts';

const run = (actions: Action[], from: AppState = initialState) => actions.reduce(appReducer, from);
const info = { bytes: 3635, pageLabels: ['12', '13', '14'] };
const opened = (id: string): Action => ({ type: 'source/opened', source: source(id), annotations: [], offset: null });

describe('the page view', () => {
  it('learns the open source’s PDF, loads it, and knows its pages', () => {
    const state = run([opened('lalaj'), { type: 'pages/found', sourceId: 'lalaj', info }, { type: 'pages/toggled', shown: true }, { type: 'pages/loading', sourceId: 'lalaj' }, { type: 'pages/loaded', sourceId: 'lalaj', pageCount: 3, page: 0 }]);
    expect(state.pages).toEqual({ shown: true, pdf: { status: 'ready', info, pageCount: 3 }, page: 0, following: true, zoom: 1 });
    const atPage = run([opened('lalaj'), { type: 'pages/found', sourceId: 'lalaj', info }, { type: 'pages/loading', sourceId: 'lalaj' }, { type: 'pages/loaded', sourceId: 'lalaj', pageCount: 3, page: 7 }]);
    expect(atPage.pages).toMatchObject({ page: 2, following: true });
  });

  it('drops what main says of a source the user has already left', () => {
    const state = run([opened('lalaj'), opened('other'), { type: 'pages/found', sourceId: 'lalaj', info }]);
    expect(state.pages.pdf).toEqual({ status: 'unknown' });
  });

  it('turns only to pages the PDF has, and stops following the reader when the user turns', () => {
    const ready = run([opened('lalaj'), { type: 'pages/found', sourceId: 'lalaj', info }, { type: 'pages/loading', sourceId: 'lalaj' }, { type: 'pages/loaded', sourceId: 'lalaj', pageCount: 3, page: 0 }]);
    expect(run([{ type: 'pages/turned', page: 9, follow: false }], ready).pages).toMatchObject({ page: 2, following: false });
    expect(run([{ type: 'pages/turned', page: -1, follow: true }], ready).pages).toMatchObject({ page: 0, following: true });
    const same = run([{ type: 'pages/turned', page: 0, follow: true }], ready);
    expect(same).toBe(ready);
  });

  it('forgets the PDF for another source, and keeps it when the same source opens again', () => {
    const ready = run([opened('lalaj'), { type: 'pages/found', sourceId: 'lalaj', info }, { type: 'pages/toggled', shown: true }]);
    expect(run([opened('lalaj')], ready).pages).toBe(ready.pages);
    expect(run([opened('other')], ready).pages).toEqual({ shown: true, pdf: { status: 'unknown' }, page: 0, following: true, zoom: 1 });
  });

  it('says so for a source without a PDF, and keeps the zoom within bounds', () => {
    const state = run([opened('plain'), { type: 'pages/found', sourceId: 'plain', info: null }, { type: 'pages/zoomed', zoom: 10 }]);
    expect(state.pages).toMatchObject({ pdf: { status: 'none' }, zoom: 3 });
    expect(run([{ type: 'pages/zoomed', zoom: 0 }], state).pages.zoom).toBe(0.5);
  });
});

describe('the progress of a file being imported', () => {
  it('follows main’s reports, keeping its identity for a report that changes nothing, and ends', () => {
    const state = run([{ type: 'import/progress', progress: { done: 1, total: 2000 } }]);
    expect(state.importing).toEqual({ done: 1, total: 2000 });
    expect(run([{ type: 'import/progress', progress: { done: 1, total: 2000 } }], state)).toBe(state);
    expect(run([{ type: 'import/progress', progress: null }], state).importing).toBeNull();
  });
});

import type { Action } from '../../state/actions.ts';
import type { PageViewState, PagePdf } from '../../state/app-state.ts';

/** The bounds of the page view's zoom, as a share of the pane's width. */
export const ZOOM = { min: 0.5, max: 3, step: 0.25 } as const;

const UNKNOWN: PagePdf = { status: 'unknown' };

function withPdf(state: PageViewState, pdf: PagePdf): PageViewState {
  return { ...state, pdf };
}

/**
 * The page view. `openId` is the source open before the action: what main says of a PDF counts
 * only for the source still open (an answer for one the user has left is dropped).
 */
export function pagesReducer(state: PageViewState, openId: string | undefined, action: Action): PageViewState {
  const current = 'sourceId' in action && action.type.startsWith('pages/') ? action.sourceId === openId : true;
  if (!current) return state;
  const { pdf } = state;
  switch (action.type) {
    case 'pages/toggled':
      return action.shown === state.shown ? state : { ...state, shown: action.shown };
    case 'pages/found':
      return withPdf(state, action.info ? { status: 'available', info: action.info } : { status: 'none' });
    case 'pages/loading':
      return pdf.status === 'available' ? withPdf(state, { status: 'loading', info: pdf.info }) : state;
    case 'pages/loaded': {
      if (pdf.status !== 'loading') return state;
      const page = Math.min(Math.max(0, action.page), action.pageCount - 1);
      return { ...state, pdf: { status: 'ready', info: pdf.info, pageCount: action.pageCount }, page, following: true };
    }
    case 'pages/failed':
      return withPdf(state, { status: 'failed', message: action.message });
    case 'pages/turned': {
      const last = pdf.status === 'ready' ? pdf.pageCount - 1 : 0;
      const page = Math.min(Math.max(0, Math.round(action.page)), last);
      return page === state.page && action.follow === state.following ? state : { ...state, page, following: action.follow };
    }
    case 'pages/zoomed': {
      const zoom = Math.min(ZOOM.max, Math.max(ZOOM.min, action.zoom));
      return zoom === state.zoom ? state : { ...state, zoom };
    }
    case 'source/opened':
      // The same source opened again (its file changed) keeps its PDF and page.
      return action.source.id === openId ? state : { ...state, pdf: UNKNOWN, page: 0, following: true };
    case 'source/closed':
      return pdf === UNKNOWN ? state : { ...state, pdf: UNKNOWN, page: 0, following: true };
    default:
      return state;
  }
}

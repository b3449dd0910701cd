import type { Action } from '../../state/actions.ts';
import type { LayoutState } from '../../state/app-state.ts';

/** The two panels beside the reader: the library on the left, annotations and tags on the right. */
export type Panel = 'library' | 'side';

/**
 * Below this window width the library and the side panel do not both fit beside a readable
 * text: only one shows, the side panel while a source is open, the library while none is.
 */
export const BOTH_PANELS_MIN_WIDTH = 1100;

/** Below this width no panel fits beside the text: both show only when the window is wider. */
export const ONE_PANEL_MIN_WIDTH = 720;

/** Which panels show: those the user did not collapse that fit the window's width, given whether a source is open. */
export function shownPanels(layout: LayoutState, reading: boolean): { library: boolean; side: boolean } {
  if (layout.width < ONE_PANEL_MIN_WIDTH) return { library: false, side: false };
  const library = !layout.collapsed.library;
  const side = !layout.collapsed.side;
  if (library && side && layout.width < BOTH_PANELS_MIN_WIDTH) return reading ? { library: false, side } : { library, side: false };
  return { library, side };
}

/**
 * The layout: a toggled panel shows if it was hidden (collapsing the other when both do not fit)
 * and collapses if it showed; the width comes from the window.
 */
export function layoutReducer(state: LayoutState, action: Action): LayoutState {
  switch (action.type) {
    case 'layout/resized':
      return action.width === state.width ? state : { ...state, width: action.width };
    case 'panels/restored':
      return { ...state, collapsed: { ...action.collapsed } };
    case 'panel/toggled': {
      const opening = !shownPanels(state, action.reading)[action.panel];
      const other: Panel = action.panel === 'library' ? 'side' : 'library';
      const collapsed = { ...state.collapsed, [action.panel]: !opening };
      if (opening && state.width < BOTH_PANELS_MIN_WIDTH) collapsed[other] = true;
      return { ...state, collapsed };
    }
    default:
      return state;
  }
}

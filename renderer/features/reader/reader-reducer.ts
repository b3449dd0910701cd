import { FONT_SIZE } from '../../../core/api.ts';
import type { Source } from '../../../core/corpus/model.ts';
import type { Action } from '../../state/actions.ts';
import type { ReaderPosition } from '../../state/app-state.ts';

/** The source open in the reader. */
export function openReducer(state: { source: Source } | null, action: Action): { source: Source } | null {
  switch (action.type) {
    case 'source/opened':
      return { source: action.source };
    case 'source/closed':
      return null;
    default:
      return state;
  }
}

/** Text size (kept within `FONT_SIZE`, whole pixels) and the reading position. */
export function readerReducer(state: ReaderPosition, action: Action): ReaderPosition {
  switch (action.type) {
    case 'reader/resized': {
      const fontSize = Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, Math.round(action.fontSize)));
      return fontSize === state.fontSize ? state : { ...state, fontSize };
    }
    case 'reader/scrolled':
      return action.offset === state.offset ? state : { ...state, offset: action.offset };
    case 'source/opened':
      return { ...state, offset: action.offset };
    case 'source/closed':
      return { ...state, offset: null };
    default:
      return state;
  }
}

import type { Action } from './actions.ts';
import type { HistoryLabels } from '../../core/api.ts';
import type { DialogsState } from './app-state.ts';

/** The open modal dialog and note popover. */
export function dialogsReducer(state: DialogsState, action: Action): DialogsState {
  switch (action.type) {
    case 'dialog/opened':
      return { ...state, modal: action.modal };
    case 'dialog/closed':
      return state.modal === null ? state : { ...state, modal: null };
    case 'note/shown':
      return action.label === state.note ? state : { ...state, note: action.label };
    case 'source/opened':
    case 'source/closed':
      return state.note === null ? state : { ...state, note: null };
    default:
      return state;
  }
}

/** The labels of what undo and redo would do. */
export function historyReducer(state: HistoryLabels, action: Action): HistoryLabels {
  if (action.type !== 'history/changed') return state;
  const { undo, redo } = action.labels;
  return undo === state.undo && redo === state.redo ? state : { undo, redo };
}

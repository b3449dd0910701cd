import type { ImportProgress } from '../../../core/api.ts';
import type { Action } from '../../state/actions.ts';

/** How far main has read the file being imported; null when none is being read. */
export function importingReducer(state: ImportProgress | null, action: Action): ImportProgress | null {
  if (action.type !== 'import/progress') return state;
  const next = action.progress;
  if (next === null || state === null) return next;
  return next.done === state.done && next.total === state.total ? state : next;
}

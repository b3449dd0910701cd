import type { TagSummary } from '../../../core/api.ts';
import type { Action } from '../../state/actions.ts';

/** Every tag with its usage, as main last listed them. */
export function tagsReducer(state: readonly TagSummary[], action: Action): readonly TagSummary[] {
  return action.type === 'tags/loaded' ? action.tags : state;
}

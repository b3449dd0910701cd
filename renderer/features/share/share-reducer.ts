import type { Action } from '../../state/actions.ts';
import type { AppState } from '../../state/app-state.ts';

/** The group in which the user is a reader, as main last said. */
export function readerInReducer(state: string | null, action: Action): string | null {
  return action.type === 'share/reader' ? action.group : state;
}

/** Why the user cannot change annotations (a reader in a group), as the app says it wherever editing is off; null when they can. */
export function readOnlyReason(state: Pick<AppState, 'readerIn'>): string | null {
  return state.readerIn === null ? null : `You are a reader in group “${state.readerIn}”: you can read, search and cite its work, not highlight or change it.`;
}

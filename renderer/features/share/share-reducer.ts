import { waitingMessage, writeRefusalMessage, type SharedWrite } from '../../../core/share/write-refusal.ts';
import type { Action } from '../../state/actions.ts';
import type { AppState, WriteLock } from '../../state/app-state.ts';

/** Why the user may not write to the group, as main last said. */
export function writeLockReducer(state: WriteLock | null, action: Action): WriteLock | null {
  return action.type === 'share/writeLock' ? action.lock : state;
}

/** Why the user cannot change annotations (a reader in a group, or the role not yet known), as the app says it wherever editing is off; null when they can. */
export function readOnlyReason(state: Pick<AppState, 'writeLock'>): string | null {
  const lock = state.writeLock;
  if (lock === null) return null;
  if (lock.role === 'unknown') return waitingMessage(lock.group);
  return `You are a reader in group “${lock.group}”: you can read, search and cite its work, not highlight or change it.`;
}

/** Why the user cannot make a change of kind `write` to the shared corpus, in the words main refuses it with; null when they can. */
export function writeRefusal(state: Pick<AppState, 'writeLock'>, write: SharedWrite): string | null {
  const lock = state.writeLock;
  return lock === null ? null : writeRefusalMessage(lock.group, lock.role === 'unknown' ? undefined : 'reader', write);
}

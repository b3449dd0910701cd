/**
 * What the app says when a member of a group may not change what the group shares: a reader is
 * told who may; a member whose role the server has not yet given is told that the app waits for
 * it (until then nothing is changed, so nothing done on this computer can part from the group's copy).
 */
import { canWrite, type Role } from './roles.ts';

/** What a change to the shared corpus would change. */
export type SharedWrite = 'sources' | 'details' | 'references' | 'tags' | 'annotations';

const WHAT: Record<SharedWrite, string> = {
  sources: 'add sources to it',
  details: 'change the details of its sources',
  references: 'change its references',
  tags: 'rename, move, merge or delete its tags',
  annotations: 'add annotations to it',
};

/** Why a member of `group` with `role` (undefined: not yet known) may not make a change of kind `write`; null when they may. */
export function writeRefusalMessage(group: string, role: Role | undefined, write: SharedWrite): string | null {
  if (role === undefined) return waitingMessage(group);
  if (canWrite(role)) return null;
  return `You are a reader in group “${group}”: only editors and owners can ${WHAT[write]}.`;
}

/** Why nothing may be changed while the server has not said what role the member has in `group`. */
export function waitingMessage(group: string): string {
  return `Apparatus is waiting for group “${group}” to say what you may do in it: nothing can be changed in the shared corpus until the sync server answers.`;
}

/**
 * The refusals of changes to a shared corpus, as errors the page and the command line report
 * (their words are in `core/share/write-refusal.ts`, which the page shows on disabled controls too).
 */
import { ShareError } from '../../../core/share/errors.ts';
import type { Role } from '../../../core/share/roles.ts';
import { waitingMessage, writeRefusalMessage, type SharedWrite } from '../../../core/share/write-refusal.ts';

/** The refusal of a change of kind `write` by a member of `group` with `role` (undefined: not yet known); null when it may be made. */
export function corpusWriteRefusal(group: string, role: Role | undefined, write: SharedWrite): ShareError | null {
  const message = writeRefusalMessage(group, role, write);
  return message === null ? null : new ShareError('read-only', message);
}

/** The refusal of any change while the server has not said what role the member has in `group`. */
export function waitingForRole(group: string): ShareError {
  return new ShareError('read-only', waitingMessage(group));
}

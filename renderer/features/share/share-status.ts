import type { ShareView } from '../../../core/api.ts';

/**
 * What the status indicator says of a project's sharing: nothing when it shares nothing; synced;
 * syncing; connecting, while the first attempt is under way; offline with how many changes wait
 * and why; an error with its reason.
 */
export function describeShareView(view: ShareView): { text: string; state: string; title: string } | null {
  if (!view.joined) return null;
  const where = `${view.group} on ${view.server}, as ${view.user}${view.role ? ` (${view.role})` : ''}`;
  const { status } = view;
  const waiting = `${status.waiting} change${status.waiting === 1 ? '' : 's'} waiting`;
  switch (status.state) {
    case 'synced':
      return { text: `Synced with ${view.group}`, state: 'synced', title: `In step with ${where}.` };
    case 'syncing':
      return { text: `Syncing with ${view.group}…`, state: 'syncing', title: `Sending and receiving changes: ${where}.` };
    case 'offline':
      // Offline without a reason is the first attempt, not yet ended: no attempt has failed.
      if (status.reason === undefined) return { text: `Connecting to ${view.group}…`, state: 'syncing', title: `Connecting to ${view.server}: ${where}.` };
      return { text: `Offline, ${waiting}`, state: 'offline', title: `${status.reason} Shared with ${where}.` };
    case 'error':
      return { text: `Not syncing: ${status.reason}`, state: 'error', title: `Shared with ${where}.` };
  }
}

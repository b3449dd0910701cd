import type { ShareView } from '../../../core/api.ts';

/**
 * What the status indicator says of a project's sharing: nothing when it shares nothing; synced;
 * syncing; offline with how many changes wait; an error with its reason.
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
      return { text: `Offline, ${waiting}`, state: 'offline', title: `${status.reason ?? 'The sync server cannot be reached.'} Shared with ${where}.` };
    case 'error':
      return { text: `Not syncing: ${status.reason}`, state: 'error', title: `Shared with ${where}.` };
  }
}

/**
 * Before a project joins a group: asks the server whose token the user holds and with what role,
 * over a connection of its own to the group's member list. Reports a refused token, a group the
 * user is not a member of, and a server that cannot be reached, in the historian's words.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { docName } from '../../../core/share/names.ts';
import type { Role } from '../../../core/share/roles.ts';
import { readWhoamiReply, WHOAMI_REQUEST } from '../../../core/share/whoami.ts';
import { ShareRefusal } from './share-refusal.ts';
import { SyncError } from './sync-error.ts';

/** Who the token belongs to, and their role in the group. */
export interface Identity {
  user: string;
  role: Role;
}

/** Asks the server at `url` whose `token` this is in `group`; rejects with why not within `timeoutMs`. */
export function identify(url: string, group: string, token: string, timeoutMs = 15_000): Promise<Identity> {
  // Two attempts: a server that refuses connections is reported at once, not after the timeout.
  const socket = new HocuspocusProviderWebsocket({ url, delay: 300, minDelay: 300, maxDelay: 1000, factor: 2, jitter: false, maxAttempts: 2 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName({ group, kind: 'members' }), document: new Y.Doc(), token, awareness: null });
  return new Promise<Identity>((resolve, reject) => {
    let lastClose = '';
    const unreachable = () => {
      finish();
      const why = lastClose ? ` (${lastClose})` : '';
      reject(new SyncError('unreachable', `The server at ${url} cannot be reached${why}. Check the address and your network, and that the server is running.`));
    };
    const timer = setTimeout(unreachable, timeoutMs);
    timer.unref?.();
    const finish = () => {
      clearTimeout(timer);
      provider.destroy();
      socket.destroy();
    };
    socket.on('close', ({ event }: { event: { reason?: string } }) => {
      if (event.reason) lastClose = event.reason;
    });
    socket.on('maxAttemptsFailed', unreachable);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      finish();
      reject(new ShareRefusal(reason));
    });
    provider.on('authenticated', () => provider.sendStateless(WHOAMI_REQUEST));
    provider.on('stateless', ({ payload }: { payload: string }) => {
      const identity = readWhoamiReply(payload);
      if (!identity) return;
      finish();
      resolve(identity);
    });
    provider.attach();
  });
}

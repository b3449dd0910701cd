/**
 * The second message Apparatus adds to the sync protocol, as a Hocuspocus stateless message: a
 * client that holds only a token asks whose it is, so that joining a group needs the server, the
 * group and the token alone. The server answers with the member's name and role in the group of
 * the document the question was asked on.
 */
import { isName } from './names.ts';
import { isRole, type Role } from './roles.ts';

/** What a client sends to learn whose token it holds. */
export const WHOAMI_REQUEST = 'apparatus/whoami';

const REPLY_PREFIX = 'apparatus/you ';

/** The server's answer: the token's user and their role in the group. */
export function whoamiReply(user: string, role: Role): string {
  return `${REPLY_PREFIX}${user} ${role}`;
}

/** The user and role a stateless message names, or undefined when it is no answer to `WHOAMI_REQUEST`. */
export function readWhoamiReply(payload: string): { user: string; role: Role } | undefined {
  if (!payload.startsWith(REPLY_PREFIX)) return undefined;
  const [user, role, ...rest] = payload.slice(REPLY_PREFIX.length).split(' ');
  if (rest.length > 0 || user === undefined || !isName(user) || !isRole(role)) return undefined;
  return { user, role };
}

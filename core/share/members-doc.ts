/**
 * The member list of a group (`GROUP/members`): names and roles, written by the server alone from
 * its access database, read by every member (to know whose annotations to follow, and its own role
 * while offline).
 */
import type * as Y from 'yjs';
import type { Member } from './model.ts';
import { isName } from './names.ts';
import { isRole, type Role } from './roles.ts';

const MEMBERS = 'members';

/** Makes the document list exactly `members`; returns whether it changed. */
export function writeMembers(doc: Y.Doc, members: readonly Member[]): boolean {
  const root = doc.getMap<unknown>(MEMBERS);
  const wanted = new Map<string, Role>(members.map((member) => [member.name, member.role]));
  let changed = false;
  doc.transact(() => {
    for (const name of [...root.keys()]) {
      if (!wanted.has(name)) {
        root.delete(name);
        changed = true;
      }
    }
    for (const [name, role] of wanted) {
      if (root.get(name) !== role) {
        root.set(name, role);
        changed = true;
      }
    }
  });
  return changed;
}

/** The members the document lists, sorted by name. */
export function readMembers(doc: Y.Doc): Member[] {
  const members: Member[] = [];
  for (const [name, role] of doc.getMap<unknown>(MEMBERS).entries()) {
    if (isName(name) && isRole(role)) members.push({ name, role });
  }
  return members.sort((a, b) => a.name.localeCompare(b.name));
}

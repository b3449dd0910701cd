/**
 * Who may do what in a group, as Hypothesis has it: every member reads the group's documents;
 * owners and editors add sources, shape the tag vocabulary and write their own annotations
 * (tagging others' annotations is written into their own document too); readers write nothing.
 * Only the server changes the member list.
 */
import type { DocAddress } from './names.ts';

/** Every role a member of a group can have, from most to least rights. */
export const ROLES = ['owner', 'editor', 'reader'] as const;

/** One of `ROLES`. */
export type Role = (typeof ROLES)[number];

/** What a member may do with one document. */
export type Access = 'write' | 'read';

/** True exactly when `value` is one of `ROLES`. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when members with `role` may change the group's documents at all. */
export function canWrite(role: Role): boolean {
  return role !== 'reader';
}

/** What `user`, a member with `role`, may do with the document at `address`. */
export function accessTo(address: DocAddress, user: string, role: Role): Access {
  if (!canWrite(role)) return 'read';
  switch (address.kind) {
    case 'members':
      return 'read';
    case 'annotations':
      return address.key === user ? 'write' : 'read';
    case 'tags':
    case 'corpus':
    case 'source':
    case 'raw':
      return 'write';
  }
}

/**
 * Who may use the server: users (each with one token), groups, and each member's role in a group.
 * Changes made here by `apparatus serve user …` and `serve group …` take effect on a running
 * server too: it notices the database changed and re-checks every open connection.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Member } from '../../core/share/model.ts';
import { isName } from '../../core/share/names.ts';
import { isRole, type Role } from '../../core/share/roles.ts';
import { inTransaction } from './server-database.ts';
import { ServerError } from './server-error.ts';
import { hashToken, newToken } from './tokens.ts';

/** A user and the groups they belong to. */
export interface UserSummary {
  name: string;
  created: string;
  groups: { group: string; role: Role }[];
}

/** The users, groups and roles of one server database. */
export class AccessStore {
  readonly #db: DatabaseSync;
  readonly #now: () => Date;

  constructor(db: DatabaseSync, now: () => Date = () => new Date()) {
    this.#db = db;
    this.#now = now;
  }

  /** Adds a user and returns their new token (shown once, stored hashed). */
  addUser(name: string): string {
    checkName(name, 'user');
    const token = newToken();
    inTransaction(this.#db, () => {
      if (this.#db.prepare('SELECT 1 FROM users WHERE name = ?').get(name)) {
        throw new ServerError('exists', `There is already a user called “${name}”. Give them a new token with “serve user token ${name}”.`);
      }
      this.#db.prepare('INSERT INTO users (name, token_hash, created) VALUES (?, ?, ?)').run(name, hashToken(token), this.#now().toISOString());
    });
    return token;
  }

  /** Replaces a user's token with a new one (the old one stops working at once); returns it. */
  renewToken(name: string): string {
    const token = newToken();
    const result = this.#db.prepare('UPDATE users SET token_hash = ? WHERE name = ?').run(hashToken(token), name);
    if (result.changes === 0) throw noUser(name);
    return token;
  }

  /** Removes a user and their memberships; their token stops working, open connections included. */
  removeUser(name: string): void {
    const result = this.#db.prepare('DELETE FROM users WHERE name = ?').run(name);
    if (result.changes === 0) throw noUser(name);
  }

  /** Creates a group. */
  createGroup(name: string): void {
    checkName(name, 'group');
    inTransaction(this.#db, () => {
      if (this.#db.prepare('SELECT 1 FROM groups WHERE name = ?').get(name)) throw new ServerError('exists', `There is already a group called “${name}”.`);
      this.#db.prepare('INSERT INTO groups (name, created) VALUES (?, ?)').run(name, this.#now().toISOString());
    });
  }

  /** Makes `user` a member of `group` with `role`, or changes their role. */
  setMember(group: string, user: string, role: Role): void {
    if (!isRole(role)) throw new ServerError('invalid-name', `“${String(role)}” is not a role: use owner, editor or reader.`);
    inTransaction(this.#db, () => {
      if (!this.#db.prepare('SELECT 1 FROM groups WHERE name = ?').get(group)) throw noGroup(group);
      if (!this.#db.prepare('SELECT 1 FROM users WHERE name = ?').get(user)) throw noUser(user);
      this.#db
        .prepare('INSERT INTO members (group_name, user_name, role) VALUES (?, ?, ?) ON CONFLICT (group_name, user_name) DO UPDATE SET role = excluded.role')
        .run(group, user, role);
    });
  }

  /** Takes `user` out of `group`. */
  removeMember(group: string, user: string): void {
    const result = this.#db.prepare('DELETE FROM members WHERE group_name = ? AND user_name = ?').run(group, user);
    if (result.changes === 0) throw new ServerError('not-found', `“${user}” is not a member of the group “${group}”.`);
  }

  /** The user holding `token`, or undefined for an unknown or revoked token. */
  userFor(token: string): string | undefined {
    if (token === '') return undefined;
    const row = this.#db.prepare('SELECT name FROM users WHERE token_hash = ?').get(hashToken(token));
    return row ? String(row.name) : undefined;
  }

  /** Whether `user` still holds the token whose hash is `tokenHash`. */
  holds(user: string, tokenHash: string): boolean {
    return this.#db.prepare('SELECT 1 FROM users WHERE name = ? AND token_hash = ?').get(user, tokenHash) !== undefined;
  }

  /** `user`'s role in `group`, or undefined when they are not a member (or either does not exist). */
  roleOf(group: string, user: string): Role | undefined {
    const row = this.#db.prepare('SELECT role FROM members WHERE group_name = ? AND user_name = ?').get(group, user);
    const role = row?.role;
    return isRole(role) ? role : undefined;
  }

  /** The members of `group`, sorted by name. */
  membersOf(group: string): Member[] {
    return this.#db
      .prepare('SELECT user_name, role FROM members WHERE group_name = ? ORDER BY user_name')
      .all(group)
      .flatMap((row) => (isRole(row.role) ? [{ name: String(row.user_name), role: row.role }] : []));
  }

  /** Every group's name, sorted. */
  groups(): string[] {
    return this.#db.prepare('SELECT name FROM groups ORDER BY name').all().map((row) => String(row.name));
  }

  /** Every user with their groups, sorted by name. */
  users(): UserSummary[] {
    const users = this.#db.prepare('SELECT name, created FROM users ORDER BY name').all();
    const memberships = this.#db.prepare('SELECT group_name, user_name, role FROM members ORDER BY group_name').all();
    return users.map((row) => ({
      name: String(row.name),
      created: String(row.created),
      groups: memberships
        .filter((member) => member.user_name === row.name && isRole(member.role))
        .map((member) => ({ group: String(member.group_name), role: member.role as Role })),
    }));
  }
}

function checkName(name: string, what: 'user' | 'group'): void {
  if (!isName(name)) {
    throw new ServerError('invalid-name', `“${name}” cannot name a ${what}: use lower-case letters, digits, “.”, “_” and “-”, starting with a letter or digit (at most 63).`);
  }
}

function noUser(name: string): ServerError {
  return new ServerError('not-found', `There is no user called “${name}”.`);
}

function noGroup(name: string): ServerError {
  return new ServerError('not-found', `There is no group called “${name}”.`);
}

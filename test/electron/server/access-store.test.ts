import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVER_DATABASE } from '../../../electron/server/server-database.ts';
import { tempFolder, withAccess } from '../../support/share-server.ts';

let folder: { dir: string; remove(): void };
beforeEach(() => {
  folder = tempFolder('apparatus-access-');
});
afterEach(() => folder.remove());

describe('the server’s users, groups and roles', () => {
  it('gives each user a random token and stores only its hash', () => {
    const [anna, bob] = withAccess(folder.dir, (access) => [access.addUser('anna'), access.addUser('bob')]);
    expect(anna).toMatch(/^apx_[A-Za-z0-9_-]{43}$/);
    expect(anna).not.toBe(bob);
    const read = (name: string) => (existsSync(join(folder.dir, name)) ? readFileSync(join(folder.dir, name)).toString('latin1') : '');
    const file = read(SERVER_DATABASE) + read(`${SERVER_DATABASE}-wal`);
    expect(file).not.toContain(anna);
    expect(file).not.toContain(anna.slice(4));
    withAccess(folder.dir, (access) => {
      expect(access.userFor(anna)).toBe('anna');
      expect(access.userFor(`${anna}x`)).toBeUndefined();
      expect(access.userFor('')).toBeUndefined();
    });
  });

  it('refuses a second user of one name and names that could not be a user', () => {
    withAccess(folder.dir, (access) => {
      access.addUser('anna');
      expect(() => access.addUser('anna')).toThrow(/already a user called “anna”/);
      for (const name of ['Anna', '', 'a b', '../x', 'x'.repeat(64)]) expect(() => access.addUser(name)).toThrow(/cannot name a user/);
    });
  });

  it('revokes a token when it is renewed or its user removed', () => {
    withAccess(folder.dir, (access) => {
      const old = access.addUser('anna');
      const renewed = access.renewToken('anna');
      expect(access.userFor(old)).toBeUndefined();
      expect(access.userFor(renewed)).toBe('anna');
      access.createGroup('hist');
      access.setMember('hist', 'anna', 'editor');
      access.removeUser('anna');
      expect(access.userFor(renewed)).toBeUndefined();
      expect(access.membersOf('hist')).toEqual([]);
      expect(() => access.removeUser('anna')).toThrow(/no user called “anna”/);
    });
  });

  it('keeps one role per member of a group, changes it and takes members out', () => {
    withAccess(folder.dir, (access) => {
      access.addUser('anna');
      access.addUser('bob');
      access.createGroup('hist');
      expect(() => access.createGroup('hist')).toThrow(/already a group/);
      access.setMember('hist', 'anna', 'owner');
      access.setMember('hist', 'bob', 'editor');
      access.setMember('hist', 'bob', 'reader');
      expect(access.membersOf('hist')).toEqual([{ name: 'anna', role: 'owner' }, { name: 'bob', role: 'reader' }]);
      expect(access.roleOf('hist', 'bob')).toBe('reader');
      expect(access.roleOf('other', 'bob')).toBeUndefined();
      expect(() => access.setMember('nope', 'bob', 'reader')).toThrow(/no group called “nope”/);
      expect(() => access.setMember('hist', 'carl', 'reader')).toThrow(/no user called “carl”/);
      access.removeMember('hist', 'bob');
      expect(access.roleOf('hist', 'bob')).toBeUndefined();
    });
  });
});

import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apparatus, type CliRun } from '../../support/cli-process.ts';
import { CORPUS_DIR } from '../../support/services.ts';
import { spawnServer, tempFolder, type ServerProcess } from '../../support/share-server.ts';

// A member's access changed while they were offline (made a reader while changes they made still
// wait, taken out of the group, a new token): `apparatus sync` as a user runs it, every
// command a process of its own against `apparatus serve` in another.

let folder: { dir: string; remove(): void };
let server: ServerProcess;
const tokens: Record<string, string> = {};

function admin(...args: string[]): CliRun {
  const run = apparatus(['serve', ...args, '--data', join(folder.dir, 'server')], folder.dir);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

function member(name: string) {
  const where = ['--corpus', join(folder.dir, name, 'corpus'), '--project', join(folder.dir, name, 'project')];
  return {
    cli: (...args: string[]) => apparatus([...args, ...where], folder.dir),
    notes: (): string[] => {
      const run = apparatus(['annotate', 'list', '--json', ...where], folder.dir);
      expect(run.status, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { note: string }[]).map((annotation) => annotation.note).sort();
    },
  };
}

beforeAll(async () => {
  folder = tempFolder('apparatus-cli-role-change-');
  admin('group', 'create', 'balkans');
  for (const [name, role] of [['anna', 'owner'], ['bob', 'editor']] as const) {
    tokens[name] = admin('user', 'add', name).stdout.trim().split('\n').at(-1) ?? '';
    admin('group', 'add', 'balkans', name, '--role', role);
    cpSync(CORPUS_DIR, join(folder.dir, name, 'corpus'), { recursive: true });
  }
  server = await spawnServer(join(folder.dir, 'server'));
}, 60_000);

afterAll(() => {
  server?.child.kill('SIGKILL');
  folder?.remove();
});

describe('apparatus sync after the server changed what a member may do', () => {
  it('still brings in the group’s work and the new role, and says why its own changes stay', () => {
    const anna = member('anna');
    const bob = member('bob');
    for (const [who, name] of [[anna, 'anna'], [bob, 'bob']] as const) {
      const joined = who.cli('share', '--server', server.url, '--group', 'balkans', '--token', tokens[name] ?? '');
      expect(joined.status, joined.stderr).toBe(0);
    }
    expect(bob.cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Evidence', '--note', 'Bob, offline').status).toBe(0);
    admin('group', 'add', 'balkans', 'bob', '--role', 'reader');
    expect(anna.cli('annotate', 'add', 'memorie-kapo', '--quote', 'Moscow', '--note', 'Anna, after the change').status).toBe(0);
    expect(anna.cli('sync', '--once').status).toBe(0);

    const synced = bob.cli('sync', '--once');
    expect(synced).toMatchObject({ status: 1, stdout: '' });
    expect(synced.stderr).toMatch(/^apparatus sync: 1 change cannot be sent: you are a reader in the group “balkans”\.\n$/);
    expect(bob.notes()).toEqual(['Anna, after the change', 'Bob, offline']);
    expect(bob.cli('sync', 'status').stdout).toMatch(/ as bob, as reader\.\n1 change waits to be sent\.\n$/);
    const refused = bob.cli('annotate', 'add', 'memorie-kapo', '--quote', 'Tirana', '--note', 'Bob, as a reader');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/You are a reader in this group/);
    expect(anna.notes()).toEqual(['Anna, after the change']);
  }, 120_000);

  it('says once, in the server’s words, why it is refused when the member was taken out of the group or their token replaced', () => {
    const bob = member('bob');
    admin('group', 'remove', 'balkans', 'bob');
    expect(bob.cli('sync', '--once')).toMatchObject({ status: 1, stdout: '', stderr: 'apparatus sync: You are not a member of the group “balkans” on this server.\n' });
    admin('group', 'add', 'balkans', 'bob', '--role', 'editor');
    admin('user', 'token', 'bob');
    expect(bob.cli('sync', '--once')).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'apparatus sync: The server does not accept this token: it is wrong or has been revoked. Ask the administrator of the server for a new one.\n',
    });
  }, 60_000);

  it('stops apparatus sync with the reason when the server refuses the member, as sync --once does', () => {
    const run = member('bob').cli('sync');
    expect(run).toMatchObject({
      status: 1,
      stdout: expect.stringMatching(/^Syncing with “balkans”; stop with Ctrl-C\.\n/),
      stderr: 'apparatus sync: The server does not accept this token: it is wrong or has been revoked. Ask the administrator of the server for a new one.\n',
    });
    expect(run.stdout).not.toMatch(/not syncing/i);
  }, 60_000);

  it('refuses to start apparatus sync without a token, as sync --once does', () => {
    rmSync(join(folder.dir, 'bob', 'project', 'share-token'));
    expect(member('bob').cli('sync')).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'apparatus sync: No token for the sync server: join the group again (apparatus share), or set $APPARATUS_SYNC_TOKEN.\n',
    });
  }, 60_000);
});

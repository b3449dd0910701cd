import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli.ts';
import { rawClient, spawnServer, tempFolder, type ServerProcess } from '../../support/share-server.ts';

describe('apparatus serve', () => {
  let data: { dir: string; remove(): void };
  const cli = (...args: string[]) => run(['serve', ...args], { env: {}, cwd: '/', platform: 'linux' });
  beforeEach(() => {
    data = tempFolder('apparatus-serve-');
  });
  afterEach(() => data.remove());

  it('adds users (printing the token alone on the last line), groups and members', async () => {
    const added = await cli('user', 'add', 'anna', '--data', data.dir);
    expect(added.code).toBe(0);
    const token = added.stdout.trimEnd().split('\n').at(-1);
    expect(token).toMatch(/^apx_[A-Za-z0-9_-]{43}$/);
    expect(await cli('group', 'create', 'hist', '--data', data.dir)).toMatchObject({ code: 0 });
    expect(await cli('group', 'add', 'hist', 'anna', '--role', 'editor', '--data', data.dir)).toMatchObject({ code: 0, stdout: '“anna” is now an editor of “hist”.\n' });
    expect((await cli('user', 'list', '--data', data.dir)).stdout).toBe('anna\thist (editor)\n');
    expect((await cli('group', 'list', '--data', data.dir)).stdout).toBe('hist\tanna (editor)\n');
    const renewed = await cli('user', 'token', 'anna', '--data', data.dir);
    expect(renewed.stdout.trimEnd().split('\n').at(-1)).not.toBe(token);
    expect(await cli('group', 'remove', 'hist', 'anna', '--data', data.dir)).toMatchObject({ code: 0 });
    expect(await cli('user', 'remove', 'anna', '--data', data.dir)).toMatchObject({ code: 0 });
  });

  it('says what is wrong with a command, with exit code 2 for usage and 1 for refusals', async () => {
    expect(await cli('user', 'add', 'anna')).toMatchObject({ code: 2, stderr: expect.stringContaining('--data DIR') });
    expect(await cli('group', 'add', 'hist', 'anna', '--data', data.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--role owner, editor or reader') });
    expect(await cli('user', 'remove', 'nobody', '--data', data.dir)).toMatchObject({ code: 1, stderr: 'apparatus serve: There is no user called “nobody”.\n' });
    expect(await cli('group', 'add', 'nope', 'x', '--role', 'reader', '--data', data.dir)).toMatchObject({ code: 1, stderr: 'apparatus serve: There is no group called “nope”.\n' });
    expect(await cli('--port', '70000', '--data', data.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--port needs a port number') });
    expect(await cli('--cert', 'x.pem', '--data', data.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('both --cert and --key') });
  });

  describe('as a running process', () => {
    let server: ServerProcess | undefined;
    afterEach(() => {
      server?.child.kill('SIGKILL');
      server = undefined;
    });

    it('prints where it listens with the port it got, serves members, and stops cleanly on SIGTERM', async () => {
      const token = (await cli('user', 'add', 'anna', '--data', data.dir)).stdout.trimEnd().split('\n').at(-1) ?? '';
      await cli('group', 'create', 'hist', '--data', data.dir);
      await cli('group', 'add', 'hist', 'anna', '--role', 'owner', '--data', data.dir);
      server = await spawnServer(data.dir);
      expect(server.output()).toMatch(new RegExp(`^Listening on ws://127\\.0\\.0\\.1:${server.port}\\n`, 'm'));
      expect(server.port).toBeGreaterThan(0);
      const anna = rawClient(server.url, 'hist/tags', token);
      expect(await anna.authenticated).toBe('read-write');
      anna.destroy();
      const exited = new Promise<number | null>((resolve) => server?.child.once('exit', (code) => resolve(code)));
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(server.output()).toContain('Stopped.');
      expect(server.output()).not.toContain(token);
    }, 60_000);
  });
});

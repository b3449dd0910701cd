import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it('refuses a certificate it cannot use, saying why, instead of ending with a stack trace', async () => {
    const pem = (name: string) => join(data.dir, name);
    writeFileSync(pem('notes.pem'), 'not a certificate\n');
    for (const name of ['one', 'two']) {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', pem(`${name}-key.pem`), '-out', pem(`${name}-cert.pem`), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    }
    const serve = (cert: string, key: string) => cli('--port', '0', '--cert', pem(cert), '--key', pem(key), '--data', data.dir);
    expect(await serve('notes.pem', 'one-key.pem')).toEqual({
      code: 1,
      stdout: '',
      stderr: `apparatus serve: The certificate cannot be used: ${pem('notes.pem')} must hold a certificate and ${pem('one-key.pem')} its private key, both in PEM form (text starting “-----BEGIN”).\n`,
    });
    expect((await serve('one-cert.pem', 'two-key.pem')).stderr).toBe(`apparatus serve: The certificate cannot be used: the key ${pem('two-key.pem')} is not the key of the certificate ${pem('one-cert.pem')}.\n`);
    expect((await serve('missing.pem', 'one-key.pem')).stderr).toBe(`apparatus serve: The certificate cannot be read: there is no file at ${pem('missing.pem')}.\n`);
  }, 30_000);

  describe('with a data folder it cannot use', () => {
    const CLI = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));
    // A process of its own, ended if it never answers: the server that hung here never returned.
    const serveIn = (dataDir: string) => spawnSync(process.execPath, [CLI, 'serve', '--data', dataDir, '--port', '0'], { encoding: 'utf8', timeout: 20_000 });

    it.skipIf(!existsSync('/proc/self'))('refuses a folder the system does not allow, such as one in /proc, instead of hanging', () => {
      const refused = serveIn('/proc/apparatus-no-such-folder/data');
      expect(refused).toMatchObject({ status: 1, stdout: '' });
      expect(refused.stderr).toBe('apparatus serve: The data folder /proc/apparatus-no-such-folder/data cannot be used: the system does not allow folders in /proc. Give --data a folder this account may write in.\n');
    }, 30_000);

    it('refuses a file, and a folder inside a file, naming the file', () => {
      const file = join(data.dir, 'notes.txt');
      writeFileSync(file, 'not a folder');
      for (const dataDir of [file, join(file, 'server')]) {
        const refused = serveIn(dataDir);
        expect(refused).toMatchObject({ status: 1, stdout: '' });
        expect(refused.stderr).toBe(`apparatus serve: The data folder ${dataDir} cannot be used: ${file} is a file, not a folder. Give --data a folder this account may write in.\n`);
      }
    }, 30_000);

    // The administrator's account can write anywhere: the refusal is for the accounts that cannot.
    it.skipIf(process.getuid?.() === 0)('refuses a folder it may not write in, and one it may not create', () => {
      const locked = join(data.dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      try {
        expect(serveIn(locked)).toMatchObject({ status: 1, stderr: `apparatus serve: The data folder ${locked} cannot be used: this account may not write in it. Give --data a folder this account may write in.\n` });
        expect(serveIn(join(locked, 'server'))).toMatchObject({ status: 1, stderr: `apparatus serve: The data folder ${join(locked, 'server')} cannot be used: this account may not create folders in ${locked}. Give --data a folder this account may write in.\n` });
      } finally {
        chmodSync(locked, 0o755);
      }
    }, 30_000);
  });
});

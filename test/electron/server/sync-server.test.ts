import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readMembers } from '../../../core/share/members-doc.ts';
import { startSyncServer, type RunningSyncServer } from '../../../electron/server/sync-server.ts';
import { makeGroup, rawClient, startTestServer, tempFolder, until, withAccess, type RawClient } from '../../support/share-server.ts';

let folder: { dir: string; remove(): void };
let server: RunningSyncServer;
let logs: string[];
let tokens: Record<string, string>;
const clients: RawClient[] = [];
const allLogs: string[] = [];
const allTokens: string[] = [];

function client(name: string, token: string, doc?: Y.Doc): RawClient {
  const made = rawClient(server.url, name, token, doc);
  clients.push(made);
  return made;
}

beforeEach(async () => {
  folder = tempFolder('apparatus-server-');
  tokens = makeGroup(folder.dir, 'hist', { anna: 'owner', bob: 'editor', carl: 'reader' });
  Object.assign(tokens, makeGroup(folder.dir, 'other', { dora: 'owner' }));
  allTokens.push(...Object.values(tokens));
  ({ server, logs } = await startTestServer(folder.dir));
});

afterEach(async () => {
  for (const made of clients.splice(0)) made.destroy();
  await server.stop();
  allLogs.push(...logs);
  folder.remove();
});

afterAll(() => {
  // Refusals, closes and warnings are all logged; no token (nor its secret part) ever is.
  expect(allLogs.length).toBeGreaterThan(10);
  for (const token of allTokens) {
    for (const line of allLogs) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(token.slice(4, 20));
    }
  }
});

describe('apparatus serve', () => {
  it('keeps what a member wrote across a restart of the server', async () => {
    const anna = client('hist/tags', tokens.anna ?? '');
    expect(await anna.authenticated).toBe('read-write');
    await anna.synced;
    anna.doc.getMap('tags').set('t1', 'Vlora');
    await until(() => anna.provider.unsyncedChanges === 0, 'the server acknowledged the change');
    anna.destroy();
    await server.stop();
    ({ server, logs } = await startTestServer(folder.dir));
    const bob = client('hist/tags', tokens.bob ?? '');
    await bob.synced;
    expect(bob.doc.getMap('tags').get('t1')).toBe('Vlora');
  }, 30_000);

  it('refuses a wrong token, a request for another group’s documents and an unknown document', async () => {
    await expect(client('hist/tags', 'apx_not-a-token').authenticated).rejects.toThrow(/does not accept this token/);
    await expect(client('hist/tags', '').authenticated).rejects.toThrow(/does not accept this token/);
    await expect(client('other/tags', tokens.anna ?? '').authenticated).rejects.toThrow(/not a member of the group “other”/);
    await expect(client('hist/secrets', tokens.anna ?? '').authenticated).rejects.toThrow(/no shared document called “hist\/secrets”/);
  });

  it('never lets a reader’s write reach the server’s storage or another member', async () => {
    const anna = client('hist/tags', tokens.anna ?? '');
    const carl = client('hist/tags', tokens.carl ?? '');
    expect(await carl.authenticated).toBe('readonly');
    await Promise.all([anna.synced, carl.synced]);
    carl.doc.getMap('tags').set('forged', 'by a reader');
    anna.doc.getMap('tags').set('real', 'by the owner');
    await until(() => carl.doc.getMap('tags').get('real') === 'by the owner', 'the reader received the owner’s change');
    await until(() => logs.some((line) => line.includes('carl may only read hist/tags')), 'the refusal was logged');
    expect(anna.doc.getMap('tags').has('forged')).toBe(false);
    expect(carl.provider.unsyncedChanges).toBeGreaterThan(0);
    for (const made of clients.splice(0)) made.destroy();
    await server.stop();
    ({ server, logs } = await startTestServer(folder.dir));
    const fresh = client('hist/tags', tokens.bob ?? '');
    await fresh.synced;
    expect(fresh.doc.getMap('tags').toJSON()).toEqual({ real: 'by the owner' });
  }, 30_000);

  it('opens another member’s annotations read-only, so only the author writes them', async () => {
    const anna = client('hist/annotations/anna', tokens.anna ?? '');
    const bob = client('hist/annotations/anna', tokens.bob ?? '');
    expect(await anna.authenticated).toBe('read-write');
    expect(await bob.authenticated).toBe('readonly');
    await Promise.all([anna.synced, bob.synced]);
    anna.doc.getMap('annotations').set('a1', 'anna’s');
    bob.doc.getMap('annotations').set('a1', 'bob’s overwrite');
    bob.doc.getMap('annotations').set('b1', 'bob’s forgery');
    await until(() => logs.some((line) => line.includes('bob may only read hist/annotations/anna')), 'the server refused bob’s writes');
    // A last change by anna reaches bob only after everything sent before it was handled.
    anna.doc.getMap('annotations').set('done', true);
    await until(() => bob.doc.getMap('annotations').get('done') === true, 'bob received anna’s last change');
    expect(anna.doc.getMap('annotations').toJSON()).toEqual({ a1: 'anna’s', done: true });
    const own = client('hist/annotations/bob', tokens.bob ?? '');
    expect(await own.authenticated).toBe('read-write');
  });

  it('closes the connections of a removed user and refuses them from then on', async () => {
    const bob = client('hist/tags', tokens.bob ?? '');
    await bob.synced;
    withAccess(folder.dir, (access) => access.removeUser('bob'));
    await until(() => bob.closes.some((reason) => /access to this group has been removed/.test(reason)), 'the server closed bob’s connection');
    const again = client('hist/tags', tokens.bob ?? '');
    await expect(again.authenticated).rejects.toThrow(/wrong or has been revoked/);
  });

  it('reopens a member whose role changed with the new rights', async () => {
    const bob = client('hist/tags', tokens.bob ?? '');
    await bob.synced;
    let scopes: string[] = [];
    bob.provider.on('authenticated', ({ scope }: { scope: string }) => scopes.push(scope));
    scopes = [];
    withAccess(folder.dir, (access) => access.setMember('hist', 'bob', 'reader'));
    await until(() => scopes.includes('readonly'), 'bob reconnected read-only');
    bob.doc.getMap('tags').set('late', 'write after demotion');
    await until(() => logs.some((line) => line.includes('bob may only read hist/tags')), 'the server refused bob’s write');
    const anna = client('hist/tags', tokens.anna ?? '');
    await anna.synced;
    expect(anna.doc.getMap('tags').has('late')).toBe(false);
  });

  it('keeps each group’s member list in a document every member reads', async () => {
    const carl = client('hist/members', tokens.carl ?? '');
    await carl.synced;
    expect(readMembers(carl.doc)).toEqual([
      { name: 'anna', role: 'owner' },
      { name: 'bob', role: 'editor' },
      { name: 'carl', role: 'reader' },
    ]);
    carl.doc.getMap('members').set('carl', 'owner');
    withAccess(folder.dir, (access) => {
      access.addUser('emil');
      access.setMember('hist', 'emil', 'editor');
    });
    await until(() => readMembers(carl.doc).some((member) => member.name === 'emil'), 'the new member was listed');
    const anna = client('hist/members', tokens.anna ?? '');
    await anna.synced;
    expect(readMembers(anna.doc).find((member) => member.name === 'carl')?.role).toBe('reader');
  });

  it('warns when it listens beyond this machine without TLS', async () => {
    const lines: string[] = [];
    const open = await startSyncServer({ dataDir: join(folder.dir, 'open'), host: '0.0.0.0', port: 0, log: (line) => lines.push(line) });
    await open.stop();
    allLogs.push(...lines);
    expect(lines.join('\n')).toMatch(/Warning: listening on 0\.0\.0\.0 without TLS/);
    expect(logs.join('\n')).not.toMatch(/Warning/);
  });
});

describe('apparatus serve with a certificate', () => {
  it('speaks TLS, and a client that trusts the certificate syncs over wss://', async () => {
    const tls = tempFolder('apparatus-tls-');
    try {
      const cert = join(tls.dir, 'cert.pem');
      const key = join(tls.dir, 'key.pem');
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
      const secure = await startSyncServer({ dataDir: join(tls.dir, 'data'), port: 0, tls: { cert, key }, log: (line) => logs.push(line) });
      try {
        expect(secure.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
        makeGroup(join(tls.dir, 'data'), 'hist', { anna: 'owner' });
        const token = withAccess(join(tls.dir, 'data'), (access) => access.renewToken('anna'));
        allTokens.push(token);
        // Node reads extra trusted certificates only at start-up: the client runs in a child.
        const script = `
          import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
          const socket = new HocuspocusProviderWebsocket({ url: process.argv[1] });
          const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'hist/tags', token: process.argv[2] });
          provider.on('synced', () => { provider.document.getMap('tags').set('t', 'over TLS'); });
          provider.on('unsyncedChanges', ({ number }) => { if (number === 0 && provider.document.getMap('tags').size) { console.log('acknowledged'); process.exit(0); } });
          provider.on('authenticationFailed', ({ reason }) => { console.log(reason); process.exit(1); });
          provider.attach();`;
        const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, secure.url, token], {
          env: { ...process.env, NODE_EXTRA_CA_CERTS: cert },
          encoding: 'utf8',
          timeout: 30_000,
        });
        expect(stdout.trim()).toBe('acknowledged');
        // Without trusting the certificate, the connection is refused.
        const refused = await new Promise<string>((resolve) => {
          const socket = new WebSocket(secure.url);
          socket.onopen = () => resolve('opened');
          socket.onerror = () => resolve('refused');
        });
        expect(refused).toBe('refused');
      } finally {
        await secure.stop();
      }
    } finally {
      tls.remove();
    }
  }, 60_000);
});

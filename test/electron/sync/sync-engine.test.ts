import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/annotate/model.ts';
import { ShareError } from '../../../core/share/errors.ts';
import type { RunningSyncServer } from '../../../electron/server/sync-server.ts';
import type { RemoteChange, SyncEngine, SyncStatus } from '../../../electron/services/sync/sync-engine.ts';
import { toAnnotation } from '../../support/share-actions.ts';
import { makeGroup, startTestServer, tempFolder, until, withAccess } from '../../support/share-server.ts';
import { openEngine, settle } from '../../support/sync-engines.ts';

let folder: { dir: string; remove(): void };
let server: RunningSyncServer;
let logs: string[];
let tokens: Record<string, string>;
const engines: SyncEngine[] = [];

function engine(label: string, user: string, token = tokens[user] ?? ''): SyncEngine {
  const made = openEngine(folder.dir, label, server.url, 'hist', user, token);
  engines.push(made);
  return made;
}

function highlight(id: string, patch: Partial<Annotation> = {}): Annotation {
  return {
    id,
    sourceId: 'edemskiy-2019',
    quote: { exact: 'the Vlora base', prefix: 'about ', suffix: ' in' },
    position: { start: 10, end: 24 },
    color: 'yellow',
    tags: [],
    note: 'Soviet submarines at Vlora.',
    omissions: [],
    created: '2026-01-01T10:00:00.000Z',
    modified: '2026-01-01T10:00:00.000Z',
    anchor: 'anchored',
    ...patch,
  };
}

const A1 = '10000000-0000-4000-8000-000000000001';
const A2 = '10000000-0000-4000-8000-000000000002';

beforeEach(async () => {
  folder = tempFolder('apparatus-sync-');
  tokens = makeGroup(`${folder.dir}/server`, 'hist', { anna: 'owner', bob: 'editor', carl: 'reader' });
  ({ server, logs } = await startTestServer(`${folder.dir}/server`));
});

afterEach(async () => {
  for (const made of engines.splice(0)) await made.close();
  await server.stop();
  for (const token of Object.values(tokens)) for (const line of logs) expect(line).not.toContain(token);
  folder.remove();
});

describe('the sync engine', () => {
  it('sends a member’s changes to the others and says when the server holds them', async () => {
    const anna = engine('anna', 'anna');
    const bob = engine('bob', 'bob');
    const heard: RemoteChange[] = [];
    bob.onRemote((change) => heard.push(change));
    anna.connect();
    bob.connect();
    await Promise.all([settle(anna), settle(bob)]);
    expect(anna.role()).toBe('owner');
    const receipt = anna.applyLocal({ type: 'annotation.created', annotation: highlight(A1) });
    expect(receipt.changed).toBe(true);
    expect(anna.status()).toMatchObject({ waiting: 1 });
    expect(await settle(anna)).toEqual({ state: 'synced', waiting: 0 });
    expect(anna.acknowledged(receipt)).toBe(true);
    await until(() => bob.state().annotations.length === 1, 'bob received the annotation');
    expect(bob.state().annotations[0]).toMatchObject({ id: A1, author: 'anna', note: 'Soviet submarines at Vlora.', status: 'live' });
    const annotations = heard.flatMap((change) => (change.type === 'annotations' ? change.annotations : []));
    expect(annotations.map((annotation) => annotation.id)).toContain(A1);
  });

  it('connects once: each document is opened once, and the status never turns offline while the server runs', async () => {
    const anna = engine('anna', 'anna');
    const states: string[] = [];
    anna.onStatus((status) => states.push(status.state));
    anna.connect();
    await settle(anna);
    anna.applyLocal({ type: 'annotation.created', annotation: highlight(A1) });
    await settle(anna);
    // Ten times the reconnection delay: a connection dropped at the start would have been made again by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(states.slice(states.indexOf('synced'))).not.toContain('offline');
    const opened = logs.filter((line) => line.startsWith('anna (owner) opened hist/'));
    expect(opened.length).toBeGreaterThan(0);
    expect(opened).toEqual([...new Set(opened)]);
  });

  it('keeps changes made offline across a restart of the app and sends them on reconnecting', async () => {
    let anna = engine('anna', 'anna');
    anna.connect();
    await settle(anna);
    anna.disconnect();
    const statuses: SyncStatus[] = [];
    anna.onStatus((status) => statuses.push(status));
    anna.applyLocal({ type: 'tag.created', tag: { id: 'tag-navy', name: 'Navy', color: 'blue' } });
    anna.applyLocal({ type: 'annotation.created', annotation: highlight(A1, { tags: ['tag-navy'] }) });
    expect(anna.status()).toEqual({ state: 'offline', waiting: 2 });
    expect(statuses.at(-1)).toEqual({ state: 'offline', waiting: 2 });
    await anna.close();
    anna = engine('anna', 'anna');
    expect(anna.status()).toEqual({ state: 'offline', waiting: 2 });
    expect(anna.state().annotations.map((a) => a.tags)).toEqual([['tag-navy']]);
    anna.connect();
    expect(await settle(anna)).toEqual({ state: 'synced', waiting: 0 });
    const bob = engine('bob', 'bob');
    bob.connect();
    await settle(bob);
    expect(bob.state().annotations.map((a) => [a.id, a.tags])).toEqual([[A1, ['tag-navy']]]);
  });

  it('refuses a reader’s changes locally, naming the role, and still brings them the group’s work', async () => {
    const anna = engine('anna', 'anna');
    const carl = engine('carl', 'carl');
    anna.connect();
    carl.connect();
    await Promise.all([settle(anna), settle(carl)]);
    expect(carl.role()).toBe('reader');
    expect(() => carl.applyLocal({ type: 'annotation.created', annotation: highlight(A2) })).toThrow(ShareError);
    expect(carl.check({ type: 'annotation.created', annotation: highlight(A2) })?.message).toMatch(/You are a reader in this group/);
    anna.applyLocal({ type: 'annotation.created', annotation: highlight(A1) });
    await until(() => carl.state().annotations.length === 1, 'the reader received anna’s annotation');
    expect(await settle(carl)).toEqual({ state: 'synced', waiting: 0 });
  });

  it('reports the server’s refusal of changes made offline by a member who has since become a reader', async () => {
    const bob = engine('bob', 'bob');
    bob.connect();
    await settle(bob);
    bob.disconnect();
    bob.applyLocal({ type: 'annotation.created', annotation: highlight(A2) });
    withAccess(`${folder.dir}/server`, (access) => access.setMember('hist', 'bob', 'reader'));
    bob.connect();
    await until(() => bob.status().state === 'error' && bob.role() === 'reader', 'the engine reported the refusal');
    expect(bob.status()).toEqual({ state: 'error', waiting: 1, reason: '1 change cannot be sent: you are a reader in the group “hist”.' });
    const anna = engine('anna', 'anna');
    anna.connect();
    await settle(anna);
    expect(anna.state().annotations).toEqual([]);
  });

  it('reports a wrong token, another member’s token, and a token revoked while connected, as errors with the server’s reason', async () => {
    const wrong = engine('wrong', 'anna', 'apx_wrong');
    wrong.connect();
    expect(await settle(wrong)).toMatchObject({ state: 'error', reason: expect.stringMatching(/does not accept this token/) });
    const borrowed = engine('borrowed', 'bob', tokens.anna);
    borrowed.connect();
    expect(await settle(borrowed)).toMatchObject({ state: 'error', reason: 'This token does not belong to “bob”.' });
    const bob = engine('bob', 'bob');
    bob.connect();
    await settle(bob);
    withAccess(`${folder.dir}/server`, (access) => access.removeUser('bob'));
    await until(() => bob.status().state === 'error', 'bob’s engine reported the revocation');
    expect(bob.status()).toMatchObject({ reason: expect.stringMatching(/wrong or has been revoked/) });
  });

  it('refuses another member’s edits of an annotation while letting them tag it', async () => {
    const anna = engine('anna', 'anna');
    const bob = engine('bob', 'bob');
    anna.connect();
    bob.connect();
    await Promise.all([settle(anna), settle(bob)]);
    anna.applyLocal({ type: 'tag.created', tag: { id: 'tag-navy', name: 'Navy', color: 'blue' } });
    anna.applyLocal({ type: 'annotation.created', annotation: highlight(A1) });
    await until(() => bob.state().annotations.length === 1 && bob.state().vocabulary.tags.length === 1, 'bob received them');
    const shared = bob.state().annotations[0];
    if (!shared) throw new Error('missing');
    expect(() => bob.applyLocal({ type: 'annotation.updated', annotation: { ...toAnnotation(shared), note: 'bob’s words' } })).toThrow(/Only anna, who made this highlight, can change its note/);
    // A batch with one refused change writes none of them.
    const waiting = bob.status().waiting;
    const batch = () =>
      bob.applyLocalBatch([
        { type: 'annotation.created', annotation: highlight(A2) },
        { type: 'annotation.deleted', id: A1 },
      ]);
    expect(batch).toThrow(/Only anna, who made this highlight, can delete it/);
    expect(bob.state().annotations.map((a) => a.id)).toEqual([A1]);
    expect(bob.status().waiting).toBe(waiting);
    bob.applyLocal({ type: 'annotation.updated', annotation: { ...toAnnotation(shared), tags: ['tag-navy'] } });
    await until(() => anna.state().annotations[0]?.tags.length === 1, 'anna saw bob’s tag');
    expect(anna.state().annotations[0]).toMatchObject({ note: 'Soviet submarines at Vlora.', tags: ['tag-navy'], taggedBy: { 'tag-navy': 'bob' } });
  });
});

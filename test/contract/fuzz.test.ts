import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, contract, type ApiErrorCode, type CallName, type Result } from '../../core/api.ts';
import { createHandlers, type Handler } from '../../electron/handlers.ts';
import { applyMutation, describePayload, hostileValues, mutations, POLLUTION_SENTINEL, protoPayloads } from '../support/fuzz-payloads.ts';
import { validExamples, type FuzzSeed } from '../support/fuzz-examples.ts';
import { snapshotter, type Snapshotter } from '../support/fuzz-snapshot.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';

// Modest by default so the contract suite stays fast; the reliability suite raises it.
const RUNS = Math.max(1, Number(process.env.APPARATUS_FUZZ_RUNS) || 12);
const TIMEOUT = 30_000 + RUNS * 2_000;

// Exhaustive over ApiErrorCode: a new code fails to compile until it is listed here.
const KNOWN_CODES: Record<ApiErrorCode, true> = {
  'invalid-input': true,
  'forbidden-sender': true,
  'not-found': true,
  conflict: true,
  'corpus-unreadable': true,
  storage: true,
  unavailable: true,
  internal: true,
};

const OPENABLE = /^(https?|mailto):/i;

let workspace: string;
let corpusDir: string;
let world: TestServices;
let handlers: Record<CallName, Handler>;
let snapshots: Snapshotter;
let seed: FuzzSeed;
const logged: unknown[] = [];

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`Seeding failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  workspace = join(tmpdir(), `apparatus-fuzz-${process.pid}-${Date.now()}`);
  corpusDir = join(workspace, 'corpus');
  const projectDir = join(workspace, 'project');
  // A copy, so nothing a payload does can reach the repository's corpus.
  cpSync(CORPUS_DIR, corpusDir, { recursive: true });
  mkdirSync(projectDir);
  world = openServices(corpusDir, projectDir);
  handlers = createHandlers(world.services, (error) => logged.push(error));
  snapshots = snapshotter(world.services.store, join(projectDir, 'project.sqlite'), corpusDir);

  const sources = unwrap<{ id: string }[]>(await handlers['corpus.list']({}));
  const sourceId = sources[0]?.id ?? '';
  const tagId = unwrap<{ id: string }>(await handlers['tags.create']({ name: 'Fuzz seed' })).id;
  const otherTagId = unwrap<{ id: string }>(await handlers['tags.create']({ name: 'Fuzz other', parent: tagId })).id;
  const annotation = { sourceId, start: 0, end: 30, tags: [tagId], note: 'seed' };
  const annotationId = unwrap<{ id: string }>(await handlers['annotations.create'](annotation)).id;
  // A deleted highlight and a deleted tag, whose records the restore calls bring back.
  const kept = world.services.store.create({ sourceId, quote: { exact: 'quoted text', prefix: 'before ', suffix: ' after' }, position: { start: 5, end: 16 } });
  world.services.store.delete(kept.id);
  const deletedTagId = unwrap<{ id: string }>(await handlers['tags.create']({ name: 'Fuzz deleted' })).id;
  unwrap(await handlers['tags.delete']({ id: deletedTagId }));
  const raw = readdirSync(join(corpusDir, 'raw')).sort()[0] ?? '';
  world.filesToChoose.push(join(corpusDir, 'raw', raw));
  const preview = unwrap<{ token: string } | null>(await handlers['corpus.importChoose']({}));
  if (!preview) throw new Error('Seeding failed: the import dialog returned nothing.');
  seed = { sourceId, annotationId, tagId, otherTagId, importToken: preview.token, freshId: kept.id, deletedTagId };
  // The save dialog answers inside the project folder a few times, then the user cancels.
  for (const n of [1, 2, 3]) world.filesToSave.push(join(projectDir, `export-${n}.out`));
  // Build the search index now, so no property run pays for it.
  unwrap(await handlers['search.query']({ query: 'seed' }));
}, 120_000);

afterAll(async () => {
  snapshots?.close();
  await world?.dispose();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/**
 * Sends one payload to one handler and checks everything the contract promises: a resolved,
 * cloneable Result; a known, user-readable error; `invalid-input` and an unchanged store and
 * corpus for anything the schema refuses; no prototype pollution; no logged crash.
 */
async function sendAndCheck(name: CallName, payload: unknown): Promise<void> {
  const shown = `${name} ← ${describePayload(payload)}`;
  const invalid = !v.safeParse(contract[name].input, payload).success;
  const before = invalid ? snapshots.take() : undefined;
  let result: Result<unknown>;
  try {
    result = await handlers[name](payload);
  } catch (error) {
    throw new Error(`The handler rejected instead of resolving a Result: ${shown}: ${String(error)}`, { cause: error });
  }
  expect(() => structuredClone(result), `result must cross IPC: ${shown}`).not.toThrow();
  expect(typeof result.ok, `result must be a Result: ${shown}`).toBe('boolean');
  if (invalid) {
    expect(result.ok, `a payload the schema refuses must be refused: ${shown}`).toBe(false);
  }
  if (!result.ok) {
    const { code, message } = result.error;
    expect(Object.hasOwn(KNOWN_CODES, code), `unknown error code ${String(code)}: ${shown}`).toBe(true);
    expect(code, `an untyped error (a crash) came back: ${message}: ${shown}`).not.toBe('internal');
    expect(typeof message === 'string' && message.trim().length > 0, `empty error message: ${shown}`).toBe(true);
    if (invalid) expect(code, `schema failure must be invalid-input: ${shown}`).toBe('invalid-input');
  }
  if (result.ok) await expectStillReadable(name, result.value, shown);
  if (before) expect(snapshots.take(), `a refused payload changed the store or corpus: ${shown}`).toEqual(before);
  expect(Object.hasOwn(Object.prototype, POLLUTION_SENTINEL), `Object.prototype was polluted by ${shown}`).toBe(false);
  expect(({} as Record<string, unknown>)[POLLUTION_SENTINEL], `a new object inherits the sentinel after ${shown}`).toBeUndefined();
  expect(logged, `a handler logged a crash for ${shown}`).toEqual([]);
  for (const url of world.opened) expect(url, `app.openExternal opened a non-web link after ${shown}`).toMatch(OPENABLE);
}

// A call that writes a corpus file must leave that source readable, whatever valid text it got.
async function expectStillReadable(name: CallName, value: unknown, shown: string): Promise<void> {
  if (name !== 'corpus.updateMetadata' && name !== 'corpus.importCommit') return;
  const id = name === 'corpus.importCommit' ? (value as { id: string }).id : seed.sourceId;
  const reopened = await handlers['corpus.open']({ id });
  expect(reopened.ok, `source ${id} no longer reads after ${shown}: ${JSON.stringify(reopened)}`).toBe(true);
}

describe('IPC fuzzing', () => {
  it('has one valid example per contract call, accepted by its schema', () => {
    const examples = validExamples(seed);
    expect(Object.keys(examples).sort()).toEqual([...callNames].sort());
    for (const name of callNames) {
      const parsed = v.safeParse(contract[name].input, examples[name]);
      expect(parsed.success, `${name}: ${parsed.issues?.map((issue) => issue.message).join('; ')}`).toBe(true);
    }
  });

  for (const name of callNames) {
    it(`answers ${name} with a typed error for hostile payloads and leaves the store unchanged`, async () => {
      const payloads = fc.oneof(hostileValues(), protoPayloads(), fc.constant(undefined));
      await fc.assert(
        fc.asyncProperty(payloads, (payload) => sendAndCheck(name, payload)),
        { numRuns: RUNS },
      );
    }, TIMEOUT);

    it(`answers ${name} correctly when one field of a valid payload is made hostile`, async () => {
      const example: unknown = validExamples(seed)[name];
      if (example === undefined) throw new Error(`No valid example for ${name}: add one to test/support/fuzz-examples.ts.`);
      await fc.assert(
        fc.asyncProperty(mutations(example), (mutation) => sendAndCheck(name, applyMutation(example, mutation))),
        { numRuns: RUNS * 2 },
      );
    }, TIMEOUT);
  }

  it('never lets a payload write outside the corpus copy and the project folder', () => {
    expect(readdirSync(workspace).sort()).toEqual(['corpus', 'project']);
    const everywhere = readdirSync(workspace, { recursive: true }).map(String);
    expect(everywhere.filter((path) => /passwd|win\.ini|\.ssh|\0/i.test(path))).toEqual([]);
  });
});

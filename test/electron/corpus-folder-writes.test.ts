import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callNames, type CallName, type Result } from '../../core/api.ts';
import { createHandlers, type Handler } from '../../electron/handlers.ts';
import { validExamples, type FuzzSeed } from '../support/fuzz-examples.ts';
import { backdate, contentOf, folderChanges, folderState } from '../support/folder-state.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { canCreateFileIn, makeReadOnly } from '../support/store-readonly.ts';

// Issue 7, item 3: the corpus folder is read-only input, written only by Import (corpus.importCommit)
// and the metadata editor (corpus.updateMetadata). Unit tests of the writers' building blocks:
// test/electron/import/atomic-write.test.ts (rollback of several new files) and
// test/electron/export/write-file.test.ts (replace without a temporary left behind).

const LETTER = new URL('../fixtures/import/letter.txt', import.meta.url);
const WRITERS: readonly CallName[] = ['corpus.importCommit', 'corpus.updateMetadata'];

// Every other call, in an order in which each one succeeds on the ids the seed creates.
const OTHER_CALLS: readonly CallName[] = [
  'corpus.list',
  'corpus.open',
  'corpus.metadata',
  'annotations.list',
  'annotations.create',
  'annotations.update',
  'annotations.reattach',
  'annotations.adjust',
  'annotations.places',
  'annotations.copyCitation',
  'annotations.restore',
  'tags.list',
  'tags.create',
  'tags.recolor',
  'tags.setParent',
  'tags.restore',
  'export.run',
  'tags.rename',
  'tags.merge',
  'tags.delete',
  'annotations.delete',
  'reader.getState',
  'reader.savePosition',
  'reader.setFontSize',
  'reader.session',
  'reader.saveSession',
  'corpus.provenance',
  'app.openExternal',
  'corpus.importChoose',
  'corpus.importCancel',
  'search.query',
  'app.flushed',
  'app.historyChanged',
];

/** A corpus copy, a project and a folder elsewhere (files to import, exports), with handlers. */
interface World {
  corpus: string;
  project: string;
  elsewhere: string;
  backend: TestServices;
  handlers: Record<CallName, Handler>;
  logged: unknown[];
  remove(): Promise<void>;
}

function makeWorld(): World {
  const root = mkdtempSync(join(tmpdir(), 'apparatus-corpus-writes-'));
  const corpus = join(root, 'corpus');
  const project = join(root, 'project');
  const elsewhere = join(root, 'elsewhere');
  cpSync(CORPUS_DIR, corpus, { recursive: true });
  mkdirSync(project);
  mkdirSync(elsewhere);
  copyFileSync(LETTER, join(elsewhere, 'letter.txt'));
  backdate(corpus);
  const backend = openServices(corpus, project);
  const logged: unknown[] = [];
  const handlers = createHandlers(backend.services, (error) => logged.push(error));
  return {
    corpus,
    project,
    elsewhere,
    backend,
    handlers,
    logged,
    remove: async () => {
      // Let a search update started by an import or edit finish before its folder goes.
      await backend.services.search.query('settled', 1).catch(() => undefined);
      backend.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function valueOf<T>(name: string, result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function importLetter(world: World): Promise<Result<unknown>> {
  world.backend.filesToChoose.push(join(world.elsewhere, 'letter.txt'));
  const preview = valueOf<{ token: string }>('corpus.importChoose', await world.handlers['corpus.importChoose']({}));
  return world.handlers['corpus.importCommit']({
    token: preview.token,
    metadata: { title: 'A Letter from Bucharest', authors: ['Hoxha, Enver'], issued: '1960', reliability: 'primary' },
  });
}

const PATCH = { title: 'A corrected title', issued: '2019', language: 'en' };

describe('the corpus folder under every call but import and the metadata editor', () => {
  let world: World;
  let before: ReturnType<typeof folderState>;
  let seed: FuzzSeed;
  const results = new Map<CallName, Result<unknown>>();

  beforeAll(async () => {
    world = makeWorld();
    // Taken before any call (the first index build is still under way): nothing may change it.
    before = folderState(world.corpus);
    const { handlers, backend } = world;
    const sourceId = 'edemskiy-2019';
    const newTag = async (name: string, parent?: string) =>
      valueOf<{ id: string }>('tags.create', await handlers['tags.create']({ name, parent })).id;
    const tagId = await newTag('Fuzz seed');
    const otherTagId = await newTag('Fuzz other', tagId);
    const spareTagId = await newTag('Spare');
    const created = await handlers['annotations.create']({ sourceId, start: 0, end: 30, tags: [tagId], note: 'seed' });
    const annotationId = valueOf<{ id: string }>('annotations.create', created).id;
    // A deleted highlight and a deleted tag, for the restore calls to bring back.
    const kept = backend.services.store.create({ sourceId, quote: { exact: 'quoted text', prefix: 'before ', suffix: ' after' }, position: { start: 5, end: 16 } });
    backend.services.store.delete(kept.id);
    backend.services.store.deleteTag(spareTagId);
    seed = { sourceId, annotationId, tagId, otherTagId, importToken: 'unused', freshId: kept.id, deletedTagId: spareTagId };
    const examples = validExamples(seed);
    // tags.merge takes "Fuzz other" away; tags.delete gets a tag of its own.
    const payloads = { ...examples, 'tags.delete': validExamples({ ...seed, otherTagId: spareTagId })['tags.delete'] };
    backend.filesToChoose.push(join(world.elsewhere, 'letter.txt'));
    backend.filesToSave.push(join(world.elsewhere, 'annotations.md'));
    for (const name of OTHER_CALLS) results.set(name, await handlers[name](payloads[name]));
  }, 60_000);
  afterAll(async () => world?.remove());

  it('calls every contract call except the two writers', () => {
    expect([...OTHER_CALLS, ...WRITERS].sort()).toEqual([...callNames].sort());
    expect(new Set(OTHER_CALLS).size).toBe(OTHER_CALLS.length);
  });

  it('got a successful answer from every call', () => {
    const failed = [...results]
      .filter(([, result]) => !result.ok)
      .map(([name, result]) => `${name}: ${JSON.stringify(result)}`);
    expect(failed).toEqual([]);
    expect(world.logged).toEqual([]);
  });

  it('saw the calls that write elsewhere really write: the project, the export file, the clipboard', () => {
    const { backend, elsewhere } = world;
    const { store } = backend.services;
    expect(store.listTags().map((tag) => tag.name).sort()).toEqual(['Land reform', 'Renamed tag']);
    const created = results.get('annotations.create') as { value: { id: string } };
    expect(store.get(created.value.id)).toMatchObject({ sourceId: 'edemskiy-2019', color: 'green', note: 'A *note*.' });
    expect(store.get(seed.freshId)).toMatchObject({ quote: { exact: 'quoted text' } });
    expect(store.get(seed.annotationId)).toBeUndefined();
    expect(store.getSetting('reader.fontSize')).toBe(20);
    const exported = results.get('export.run');
    expect(exported).toMatchObject({ ok: true, value: { file: join(elsewhere, 'annotations.md') } });
    expect((exported as { value: { annotations: number } }).value.annotations).toBeGreaterThan(0);
    expect(readFileSync(join(elsewhere, 'annotations.md'), 'utf8')).toContain('Edemskiy');
    expect(results.get('corpus.importChoose')).toMatchObject({ ok: true, value: { fileName: 'letter.txt' } });
    const found = results.get('search.query') as { ok: true; value: { total: number } };
    expect(found.value.total).toBeGreaterThan(0);
    expect(backend.clipboard).toHaveLength(1);
    expect(backend.opened).toEqual(['https://example.org/archive?id=1']);
    expect(backend.flushes.count).toBe(1);
  });

  it('left the corpus folder as it was: same names, same bytes, same modification times, no temporary file', () => {
    const after = folderState(world.corpus);
    expect(folderChanges(before, after)).toEqual({ added: [], removed: [], changed: [] });
    expect(after).toEqual(before);
  });
});

describe('the two writers of the corpus folder', () => {
  let world: World;
  let undo: (() => void)[];
  beforeEach(() => {
    world = makeWorld();
    undo = [];
  });
  afterEach(async () => {
    for (const step of undo.reverse()) step();
    await world.remove();
  });

  it('an import adds exactly the cleaned file, its raw copy and its recipe, changing no other file', async () => {
    const before = folderState(world.corpus);
    const result = await importLetter(world);
    expect(result).toEqual({ ok: true, value: { id: 'hoxha-1960' } });
    const changes = folderChanges(before, folderState(world.corpus));
    expect(changes).toEqual({
      added: ['hoxha-1960.md', 'raw/hoxha-1960.txt', 'recipes/hoxha-1960.yml'],
      removed: [],
      changed: ['./', 'raw/', 'recipes/'],
    });
  });

  it('an imported source is found by search at once, without restarting', async () => {
    const query = async () => valueOf<{ hits: { sourceId: string }[] }>('search.query', await world.handlers['search.query']({ query: 'estrangement' }));
    expect((await query()).hits.some((hit) => hit.sourceId === 'hoxha-1960')).toBe(false);
    expect(await importLetter(world)).toMatchObject({ ok: true });
    expect((await query()).hits.some((hit) => hit.sourceId === 'hoxha-1960')).toBe(true);
  });

  it('a metadata edit rewrites exactly the source file and its recipe, leaving no temporary file', async () => {
    const before = folderState(world.corpus);
    const result = await world.handlers['corpus.updateMetadata']({ id: 'edemskiy-2019', patch: PATCH });
    expect(result).toMatchObject({ ok: true, value: { title: 'A corrected title' } });
    const changes = folderChanges(before, folderState(world.corpus));
    expect(changes).toEqual({
      added: [],
      removed: [],
      changed: ['./', 'edemskiy-2019.md', 'recipes/', 'recipes/edemskiy-2019.yml'],
    });
  });

  // The corpus root is made read-only: the raw copy and the recipe (in sub-folders) are written,
  // then the cleaned file cannot be, so the import must take the first two back.
  it('an import that fails midway leaves the folder byte-identical', async () => {
    const before = folderState(world.corpus);
    undo.push(makeReadOnly(world.corpus));
    expect(canCreateFileIn(world.corpus)).toBe(false);
    const result = await importLetter(world);
    undo.pop()!();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!result.ok && result.error.message).toMatch(/could not be added to the corpus folder, and nothing was kept/);
    const after = folderState(world.corpus);
    expect(contentOf(after)).toEqual(contentOf(before));
    // Proof that it got midway: files came and went in raw/ and recipes/.
    expect(folderChanges(before, after).changed).toEqual(['raw/', 'recipes/']);
    expect(existsSync(join(world.corpus, 'hoxha-1960.md'))).toBe(false);
  });

  // The recipe (in recipes/) is rewritten first; the source file beside it then cannot be.
  it('a metadata edit that fails midway leaves the folder byte-identical', async () => {
    const before = folderState(world.corpus);
    undo.push(makeReadOnly(world.corpus));
    expect(canCreateFileIn(world.corpus)).toBe(false);
    const result = await world.handlers['corpus.updateMetadata']({ id: 'edemskiy-2019', patch: PATCH });
    undo.pop()!();
    // The disk's refusal reaches the user as such, not as a crash report.
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/may not write there/) } });
    expect(world.logged).toEqual([]);
    const after = folderState(world.corpus);
    expect(contentOf(after)).toEqual(contentOf(before));
    expect(folderChanges(before, after).changed).toEqual(['recipes/', 'recipes/edemskiy-2019.yml']);
  });
});

import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callNames, type CallName, type Result } from '../../core/api.ts';
import { createHandlers, type Handler } from '../../electron/handlers.ts';
import { validExamples, type FuzzSeed } from '../support/fuzz-examples.ts';
import { article } from '../support/pdf-fixtures.ts';
import { backdate, contentOf, folderChanges, folderState } from '../support/folder-state.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { canCreateFileIn, makeReadOnly } from '../support/store-readonly.ts';
import { makeGroup, startTestServer } from '../support/share-server.ts';
import { startZoteroServer, type ZoteroServer } from '../support/zotero-server.ts';

// The corpus folder is read-only input, written only by Import (corpus.importCommit),
// the metadata editor (corpus.updateMetadata) and the imports from other tools that the user
// confirms (references.apply, zotero.import). Unit tests of the writers' building blocks:
// test/electron/import/atomic-write.test.ts (rollback of several new files) and
// test/electron/export/write-file.test.ts (replace without a temporary left behind).

const LETTER = new URL('../fixtures/import/letter.txt', import.meta.url);
const HYPOTHESIS = new URL('../fixtures/interop/hypothesis-export.json', import.meta.url);
const WRITERS: readonly CallName[] = ['corpus.importCommit', 'corpus.updateMetadata', 'references.apply', 'zotero.import', 'references.update', 'references.remove'];

// Every other call, in an order in which each one succeeds on the ids the seed creates.
const OTHER_CALLS: readonly CallName[] = [
  // File ▸ Project first: the copy restored is the project as the seed left it.
  'project.check',
  'project.backups',
  'project.restore',
  'project.decision',
  'project.accept',
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
  'annotations.keep',
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
  'corpus.importDropped',
  'corpus.pdfInfo',
  'corpus.pdfData',
  'search.query',
  'search.status',
  'app.flushed',
  'app.historyChanged',
  // The file dialogs of reference and annotation imports (the user cancels the first).
  'references.choose',
  'references.list',
  'references.copyCitation',
  'annotations.importChoose',
  'annotations.importCommit',
  'annotations.importCancel',
  'zotero.collections',
  'zotero.items',
  'zotero.cancel',
  'zotero.send',
  // Sharing the corpus with a group whose corpus is empty: the project's sources go out, none come in.
  'share.view',
  'share.join',
  'share.connect',
  'share.leave',
];

/** A corpus copy, a project and a folder elsewhere (files to import, exports), with handlers. */
interface World {
  corpus: string;
  project: string;
  elsewhere: string;
  backend: TestServices;
  handlers: Record<CallName, Handler>;
  logged: unknown[];
  /** A loopback server answering as Zotero 7, its attachment's PDF in `elsewhere`. */
  zotero: ZoteroServer;
  /** What `share.join` is given: a sync server on 127.0.0.1 and a group with one member. */
  share: { server: string; group: string; token: string };
  remove(): Promise<void>;
}

async function makeWorld(): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), 'apparatus-corpus-writes-'));
  const corpus = join(root, 'corpus');
  const project = join(root, 'project');
  const elsewhere = join(root, 'elsewhere');
  cpSync(CORPUS_DIR, corpus, { recursive: true });
  mkdirSync(project);
  mkdirSync(elsewhere);
  copyFileSync(LETTER, join(elsewhere, 'letter.txt'));
  // Without their tags, so that the project's tags are those the other calls make.
  const hypothesis = JSON.parse(readFileSync(HYPOTHESIS, 'utf8')) as { annotations: { tags: string[] }[] };
  for (const annotation of hypothesis.annotations) annotation.tags = [];
  writeFileSync(join(elsewhere, 'hypothesis.json'), JSON.stringify(hypothesis));
  const pdf = join(elsewhere, 'Lalaj - 2019 - Albania and Moscow.pdf');
  writeFileSync(pdf, await article.bytes());
  const zotero = await startZoteroServer({ P2F8K2LM: pdf });
  const { server } = await startTestServer(join(root, 'server'));
  const tokens = makeGroup(join(root, 'server'), 'readers', { anna: 'owner' });
  backdate(corpus);
  const backend = openServices(corpus, project, { zoteroUrl: zotero.url });
  const logged: unknown[] = [];
  const handlers = createHandlers(backend.services, (error) => logged.push(error));
  return {
    corpus,
    project,
    elsewhere,
    backend,
    handlers,
    logged,
    zotero,
    share: { server: server.url, group: 'readers', token: tokens.anna ?? '' },
    remove: async () => {
      // Let a search update started by an import or edit finish before its folder goes.
      await backend.services.search.query('settled', 1).catch(() => undefined);
      await backend.dispose();
      await zotero.close();
      await server.stop();
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
    world = await makeWorld();
    // A source imported from a PDF, whose pages the page view reads.
    const pdf = join(world.elsewhere, 'lalaj.pdf');
    writeFileSync(pdf, await article.bytes());
    const importer = world.backend.services.importer;
    importer.commit(await importer.prepareFile(pdf), { title: 'Albania and Moscow', reliability: 'secondary', id: 'lalaj' });
    backdate(world.corpus);
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
    const backup = backend.services.store.backupNow();
    // tags.merge takes "Fuzz other" away; tags.delete gets a tag of its own.
    const payloads = {
      ...examples,
      'tags.delete': validExamples({ ...seed, otherTagId: spareTagId })['tags.delete'],
      'corpus.pdfInfo': { id: 'lalaj' },
      'corpus.pdfData': { id: 'lalaj' },
      'corpus.importDropped': { token: backend.services.imports.acceptDropped(join(world.elsewhere, 'letter.txt')) },
      'project.restore': { name: backup.name },
      'share.join': world.share,
    };
    backend.filesToChoose.push(join(world.elsewhere, 'letter.txt'));
    backend.filesToSave.push(join(world.elsewhere, 'annotations.md'));
    for (const name of OTHER_CALLS) {
      // The annotation file is chosen in its own dialog, and imported by the token that gives.
      if (name === 'annotations.importChoose') backend.filesToChoose.push(join(world.elsewhere, 'hypothesis.json'));
      const chosen = results.get('annotations.importChoose');
      const token = chosen?.ok ? (chosen.value as { token: string }).token : undefined;
      const payload = (name === 'annotations.importCommit' || name === 'annotations.importCancel') && token ? { token } : payloads[name];
      results.set(name, await handlers[name](payload));
    }
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
    // Copy citation of a highlight, and of a whole work (references.copyCitation).
    expect(backend.clipboard).toHaveLength(2);
    expect(backend.opened).toEqual(['https://example.org/archive?id=1']);
    expect(backend.flushes.count).toBe(1);
    expect(results.get('references.choose')).toEqual({ ok: true, value: null });
    expect(results.get('annotations.importCommit')).toMatchObject({ ok: true, value: { counts: { anchored: 3, moved: 1, orphaned: 1 } } });
    expect(world.zotero.requests.filter((r) => r.path === '/connector/import')).toHaveLength(1);
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
  beforeEach(async () => {
    world = await makeWorld();
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
  }, 30_000);

  it('an imported source is found by search at once, without restarting', async () => {
    const query = async () => valueOf<{ hits: { sourceId: string }[] }>('search.query', await world.handlers['search.query']({ query: 'estrangement' }));
    expect((await query()).hits.some((hit) => hit.sourceId === 'hoxha-1960')).toBe(false);
    expect(await importLetter(world)).toMatchObject({ ok: true });
    expect((await query()).hits.some((hit) => hit.sourceId === 'hoxha-1960')).toBe(true);
    // The import is cleaned in a worker thread, which takes its own start-up time.
  }, 30_000);

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

  it('a reference import rewrites exactly the sources it fills and their recipes, and writes references.json', async () => {
    const bib = join(world.elsewhere, 'refs.bib');
    writeFileSync(bib, '@article{e, title = {Additional Evidence}, doi = {10.2298/BALC1950375E}, number = {50}}\n@book{g, title = {Albania and the Sino-Soviet Rift}, year = 1963}\n');
    const before = folderState(world.corpus);
    world.backend.filesToChoose.push(bib);
    const plan = valueOf<{ token: string }>('references.choose', await world.handlers['references.choose']({}));
    expect(folderChanges(before, folderState(world.corpus))).toEqual({ added: [], removed: [], changed: [] });
    expect(await world.handlers['references.apply']({ token: plan.token })).toMatchObject({ ok: true, value: { sourcesFilled: ['edemskiy-2019'], referencesAdded: ['g'] } });
    expect(folderChanges(before, folderState(world.corpus))).toEqual({
      added: ['references.json'],
      removed: [],
      changed: ['./', 'edemskiy-2019.md', 'recipes/', 'recipes/edemskiy-2019.yml'],
    });
  });

  it('editing or removing a reference without text rewrites exactly references.json', async () => {
    world.backend.services.corpus.saveReferences([{ id: 'griffith1963', type: 'book', title: 'Albania and the Sino-Soviet Rift', issued: { 'date-parts': [[1963]] } }]);
    backdate(world.corpus);
    const before = folderState(world.corpus);
    expect(await world.handlers['references.update']({ id: 'griffith1963', patch: { publisher: 'MIT Press' } })).toMatchObject({ ok: true, value: { publisher: 'MIT Press' } });
    expect(folderChanges(before, folderState(world.corpus))).toEqual({ added: [], removed: [], changed: ['./', 'references.json'] });
    const edited = folderState(world.corpus);
    expect(await world.handlers['references.remove']({ id: 'griffith1963' })).toMatchObject({ ok: true, value: { id: 'griffith1963' } });
    expect(folderChanges(edited, folderState(world.corpus))).toEqual({ added: [], removed: [], changed: ['./', 'references.json'] });
    expect(world.backend.services.corpus.references()).toEqual([]);
  });

  it('a Zotero import adds the source its PDF becomes, and keeps an item without one in references.json', async () => {
    const before = folderState(world.corpus);
    const result = await world.handlers['zotero.import']({ keys: ['X42A7DEB', 'GR8FTH63'] });
    expect(result).toMatchObject({ ok: true, value: { failed: [], stopped: null } });
    expect(folderChanges(before, folderState(world.corpus))).toEqual({
      added: ['lalaj-2019.md', 'raw/lalaj-2019.pdf', 'recipes/lalaj-2019.yml', 'references.json'],
      removed: [],
      changed: ['./', 'raw/', 'recipes/'],
    });
  }, 60_000);

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
  }, 30_000);

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

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli.ts';
import { createHandlers } from '../../../electron/handlers.ts';
import type { RunningSyncServer } from '../../../electron/server/sync-server.ts';
import { stateFile, writeToken } from '../../../electron/services/sync/share-config.ts';
import { openSharedProject, type SharedProject } from '../../support/share-projects.ts';
import { makeGroup, startTestServer, tempFolder, withAccess } from '../../support/share-server.ts';

const ADD = 'You are a reader in group “seminar”: only editors and owners can add sources to it.';
const DETAILS = 'You are a reader in group “seminar”: only editors and owners can change the details of its sources.';
const REFERENCES = 'You are a reader in group “seminar”: only editors and owners can change its references.';
const ANNOTATIONS = 'You are a reader in group “seminar”: only editors and owners can add annotations to it.';
const WAITING = 'Apparatus is waiting for group “seminar” to say what you may do in it: nothing can be changed in the shared corpus until the sync server answers.';
const LETTER = join(import.meta.dirname, '../../fixtures/import/letter.txt');

// Every file of the corpus folder with its bytes, to show that nothing in it changed.
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'latin1'));
  }
  return files;
}

describe('a reader of a group cannot make the shared corpus diverge: the services refuse, saying why', () => {
  let folder: { dir: string; remove(): void };
  let server: RunningSyncServer;
  let tokens: Record<string, string>;
  let anna: SharedProject;
  let carl: SharedProject | undefined;
  let dora: SharedProject | undefined;

  beforeAll(async () => {
    folder = tempFolder('apparatus-reader-writes-');
    ({ server } = await startTestServer(`${folder.dir}/server`));
    tokens = makeGroup(`${folder.dir}/server`, 'seminar', { anna: 'owner', carl: 'reader', dora: 'editor' });
    anna = openSharedProject(folder.dir, 'anna');
    anna.services.tags.create('Famine', 'green');
    await anna.services.sync.join({ server: server.url, group: 'seminar', token: tokens.anna ?? '' });
    carl = openSharedProject(folder.dir, 'carl');
    await carl.services.sync.join({ server: server.url, group: 'seminar', token: tokens.carl ?? '' });
  }, 90_000);
  afterAll(async () => {
    await anna?.close();
    await carl?.close();
    await dora?.close();
    await server?.stop();
    folder?.remove();
  });

  it('refuses a reader’s import, details, references and tag changes through every path, and leaves the corpus as it was', async () => {
    const { services, corpus } = carl!;
    expect(services.sync.view()).toMatchObject({ joined: true, role: 'reader' });
    const before = snapshot(corpus);
    const handlers = createHandlers(services);

    // The window's calls: refused before any dialog or reading.
    expect(await handlers['corpus.importChoose'](undefined)).toEqual({ ok: false, error: { code: 'invalid-input', message: ADD } });
    expect(await handlers['corpus.updateMetadata']({ id: 'edemskiy-2019', patch: { publisher: 'Carl’s press' } })).toEqual({ ok: false, error: { code: 'invalid-input', message: DETAILS } });
    expect(await handlers['references.choose'](undefined)).toEqual({ ok: false, error: { code: 'invalid-input', message: REFERENCES } });
    expect(await handlers['zotero.import']({ keys: ['ABCD2345'] })).toEqual({ ok: false, error: { code: 'invalid-input', message: ADD } });
    // Hypothesis or W3C annotations: refused before the file dialog opens (it would answer null).
    expect(await handlers['annotations.importChoose'](undefined)).toEqual({ ok: false, error: { code: 'invalid-input', message: ANNOTATIONS } });
    const rename = await handlers['tags.rename']({ id: services.tags.list()[0]?.id, name: 'Hunger' });
    expect(rename).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^You are a reader in this group/) } });

    // The services themselves, as the command line and Zotero's import call them.
    await expect(services.importer.prepareFile(LETTER)).rejects.toThrow(ADD);
    expect(() => services.corpus.addSource('carls-letter', [{ path: 'carls-letter.md', data: '---\ntitle: x\n---\n' }])).toThrow(ADD);
    expect(() => services.corpus.saveReferences([])).toThrow(REFERENCES);
    const bib = join(folder.dir, 'references.bib');
    writeFileSync(bib, '@book{hoxha1961, author = {Hoxha, Enver}, title = {Speeches}, year = {1961}}\n');
    expect(() => services.referenceImports.plan(bib)).toThrow(REFERENCES);

    expect(snapshot(corpus)).toEqual(before);
    expect(services.tags.list().map((tag) => tag.name)).toEqual(['Famine']);
  });

  it('refuses the same from the command line on the reader’s project: apparatus import and annotate add', async () => {
    const project = carl!.projectDir;
    const cli = (...args: string[]) => run([...args, '--corpus', carl!.corpus, '--project', project], { env: {}, cwd: '/', platform: 'linux' });
    // The app holds the project open; the command line reads the same role from it.
    const imported = await cli('import', LETTER, '--title', 'A letter', '--author', 'Hoxha, Enver', '--year', '1961');
    expect(imported).toMatchObject({ code: 1, stderr: `apparatus import: ${ADD}\n` });
    const annotated = await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'personality cult');
    expect(annotated.code).toBe(1);
    expect(annotated.stderr).toMatch(/^apparatus annotate: You are a reader in this group/);
    // An annotation file is refused whole, in one sentence, not record by record with its tags "left out".
    const file = join(folder.dir, 'hypothesis.json');
    const wiki = 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split';
    writeFileSync(file, JSON.stringify({ annotations: [{ id: 'R1', uri: wiki, text: 'note', tags: ['Famine', 'New tag'], target: [{ source: wiki, selector: [{ type: 'TextQuoteSelector', exact: 'Khrushchev', prefix: '', suffix: '' }] }] }] }));
    const annotations = await cli('annotations', 'import', file);
    expect(annotations).toMatchObject({ code: 1, stdout: '', stderr: `apparatus annotations: ${ANNOTATIONS}\n` });
  });

  it('remembers the role in the project: opened with no server and no replica, the reader still reads only', async () => {
    await carl!.close();
    // Without the replica's copy of the member list, only the project's memory says who carl is.
    for (const file of [stateFile(join(carl!.projectDir, 'project.sqlite'))]) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    carl = openSharedProject(folder.dir, 'carl', { reuse: true });
    const { services } = carl;
    expect(services.sync.view()).toMatchObject({ joined: true, role: 'reader', status: { state: 'offline' } });
    expect(() => services.annotations.create({ sourceId: 'edemskiy-2019', start: 0, end: 40 })).toThrow(/You are a reader in this group/);
    await expect(services.importer.prepareFile(LETTER)).rejects.toThrow(ADD);
    expect(services.annotations.list({})).toEqual([]);
  });

  it('changes nothing until the server has said what a member may do, then lets an editor write and remembers it', async () => {
    dora = openSharedProject(folder.dir, 'dora');
    const projectFile = join(dora.projectDir, 'project.sqlite');
    // As a project that joined before roles were kept: the group is known, the role is not.
    dora.services.store.setSetting('share', { server: server.url, group: 'seminar', user: 'dora' });
    writeToken(projectFile, tokens.dora ?? '');
    const { services } = dora;
    expect(services.sync.view()).toMatchObject({ joined: true, role: null });
    expect(() => services.annotations.create({ sourceId: 'edemskiy-2019', start: 0, end: 40 })).toThrow(WAITING);
    expect(() => services.tags.create('Dora’s tag')).toThrow(WAITING);
    await expect(services.importer.prepareFile(LETTER)).rejects.toThrow(WAITING);
    expect(() => services.corpus.updateMetadata('edemskiy-2019', { publisher: 'Dora’s press' })).toThrow(WAITING);
    expect(services.annotations.list({})).toEqual([]);

    await services.sync.exchange(30_000);
    expect(services.sync.view()).toMatchObject({ role: 'editor' });
    expect(services.store.getSetting('share')).toMatchObject({ role: 'editor' });
    services.annotations.create({ sourceId: 'edemskiy-2019', start: 0, end: 40, note: 'Dora’s reading' });
    expect(services.annotations.list({})).toHaveLength(1);
  }, 60_000);

  it('follows a role the server changes: an editor made reader is refused at once, and the project remembers it', async () => {
    const { services } = dora!;
    services.sync.connect();
    withAccess(`${folder.dir}/server`, (access) => access.setMember('seminar', 'dora', 'reader'));
    const deadline = Date.now() + 30_000;
    while (services.sync.view().joined && (services.sync.view() as { role: string | null }).role !== 'reader') {
      if (Date.now() > deadline) throw new Error('the server’s change of role did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(services.store.getSetting('share')).toMatchObject({ role: 'reader' });
    expect(() => services.corpus.updateMetadata('edemskiy-2019', { publisher: 'Dora’s press' })).toThrow(DETAILS);
    withAccess(`${folder.dir}/server`, (access) => access.setMember('seminar', 'dora', 'editor'));
    while ((services.sync.view() as { role: string | null }).role !== 'editor') {
      if (Date.now() > deadline) throw new Error('the server’s change of role did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(services.store.getSetting('share')).toMatchObject({ role: 'editor' });
    services.sync.disconnect();
  }, 60_000);
});

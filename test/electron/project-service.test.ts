import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/annotate/model.ts';
import type { CallName, ProjectAcceptDone, ProjectBackupView, ProjectCheckView, ProjectDecisionView, ProjectRestoreDone, Result } from '../../core/api.ts';
import { createHandlers, type Handler } from '../../electron/handlers.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';
import { makeGroup, startTestServer, tempFolder } from '../support/share-server.ts';
import { runCli, startHelper, type Helper } from '../support/store-processes.ts';

const HOLDER = fileURLToPath(new URL('../support/store-holder.ts', import.meta.url));
const SOURCE = 'edemskiy-2019';

// What a project file holds, read by SQLite itself rather than through the app's store.
function highlightsIn(file: string): number {
  const url = new URL(`file://${file}`);
  url.searchParams.set('immutable', '1');
  const db = new DatabaseSync(url, { readOnly: true });
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('File ▸ Project in the window: check, backups and restore, through the handlers', () => {
  let world: TestServices;
  let handlers: Record<CallName, Handler>;
  let logged: unknown[];
  const helpers: Helper[] = [];
  const file = () => join(world.projectDir, 'project.sqlite');
  const call = async <T>(name: CallName, payload: unknown = {}) => valueOf<T>(await handlers[name](payload));
  const highlight = (start: number, note: string) => call<Annotation>('annotations.create', { sourceId: SOURCE, start, end: start + 20, note });
  const notes = async () => (await call<Annotation[]>('annotations.list')).map((a) => a.note).sort();

  beforeEach(() => {
    world = openServices();
    logged = [];
    handlers = createHandlers(world.services, (error) => logged.push(error));
  });
  afterEach(async () => {
    for (const helper of helpers.splice(0)) await helper.kill();
    // Let the search update a restore started finish before its folder goes.
    await world.services.search.query('settled', 1).catch(() => undefined);
    await world.dispose();
    // Indexing the corpus and leaving a group's server take longer than the default 10 s on a loaded machine.
  }, 60_000);

  // Two highlights in the backup, then a third made after it.
  async function dayOfWork(): Promise<ProjectBackupView> {
    await highlight(0, 'Kept in the backup');
    await highlight(40, 'Also in the backup');
    const taken = world.services.store.backupNow();
    await highlight(80, 'Made after the backup, about Tirana');
    return (await call<ProjectBackupView[]>('project.backups')).find((b) => b.name === taken.name)!;
  }

  it('checks the open project with the integrity check and says what it holds', async () => {
    await dayOfWork();
    const check = await call<ProjectCheckView>('project.check');
    expect(check).toMatchObject({ file: file(), state: 'sound', message: '', problems: [], contents: { annotations: 3, tags: 0 } });
    expect(check.backups.count).toBe(1);
    expect(Date.parse(check.backups.newest!)).not.toBeNaN();
    // Checking changed nothing, and the app goes on saving.
    await highlight(120, 'After the check');
    expect(highlightsIn(file())).toBe(4);
  });

  it('lists the backups with when, how big and how many highlights each holds', async () => {
    const backup = await dayOfWork();
    expect(backup).toMatchObject({ kind: 'auto', contents: { annotations: 2, tags: 0 } });
    expect(backup.bytes).toBeGreaterThan(0);
    expect(highlightsIn(join(world.projectDir, 'backups', backup.name))).toBe(2);
    // The command line lists the same copies (the same store functions, another process).
    const cli = await runCli(['project', 'backups', '--json', '--corpus', CORPUS_DIR], { APPARATUS_PROJECT: world.projectDir });
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.stdout) as { name: string }[]).map((copy) => copy.name)).toEqual([backup.name]);
  }, 30_000);

  it('restores the chosen backup in the running app, keeping the project it replaced beside it', async () => {
    const backup = await dayOfWork();
    expect((await call<{ total: number }>('search.query', { query: 'Tirana' })).total).toBeGreaterThan(0);
    const done = await call<ProjectRestoreDone>('project.restore', { name: backup.name });
    expect(done.restored).toMatchObject({ name: backup.name, kind: 'auto', contents: { annotations: 2, tags: 0 } });
    expect(done.setAside).toMatch(/project\.sqlite\.replaced-\d{8}T\d{6}\.\d{3}Z$/);
    // The project it replaced is kept, with the highlight made after the backup.
    expect(highlightsIn(done.setAside!)).toBe(3);

    expect(await notes()).toEqual(['Also in the backup', 'Kept in the backup']);
    await expect.poll(async () => (await call<{ hits: { annotationId?: string }[] }>('search.query', { query: 'Tirana' })).hits.filter((hit) => hit.annotationId)).toEqual([]);
    // New work goes into the restored project, which another process sees.
    await highlight(160, 'After the restore');
    const listed = await runCli(['annotate', 'list', '--json', '--corpus', CORPUS_DIR], { APPARATUS_PROJECT: world.projectDir });
    expect((JSON.parse(listed.stdout) as { note: string }[]).map((a) => a.note).sort()).toEqual(['After the restore', 'Also in the backup', 'Kept in the backup']);
    // The backup itself stays where it was, restorable again.
    expect(readdirSync(join(world.projectDir, 'backups'))).toContain(backup.name);
    expect(logged).toEqual([]);
  }, 30_000);

  it('refuses while another process holds the project, changing nothing, and the app goes on', async () => {
    const backup = await dayOfWork();
    const holder = startHelper(HOLDER, [file(), '300']);
    helpers.push(holder);
    await holder.until((line) => line === 'ready' || line.startsWith('error'));
    const refused = await handlers['project.restore']({ name: backup.name });
    expect(refused).toMatchObject({ ok: false, error: { message: 'The project is open in an Apparatus window or command. Close it before restoring a copy: nothing was changed.' } });
    expect(refused.ok || refused.error.code).not.toBe('internal');
    expect(readdirSync(world.projectDir).filter((name) => name.includes('replaced'))).toEqual([]);
    expect(await notes()).toEqual(['Also in the backup', 'Kept in the backup', 'Made after the backup, about Tirana']);
    await highlight(120, 'Still saving');
    expect(highlightsIn(file())).toBe(4);
    expect(logged).toEqual([]);
  }, 30_000);

  it('refuses to restore a project shared with a group, changing nothing', async () => {
    const backup = await dayOfWork();
    const server = tempFolder('apparatus-restore-shared-');
    const { server: running } = await startTestServer(server.dir);
    try {
      const tokens = makeGroup(server.dir, 'balkans', { anna: 'owner' });
      await call('share.join', { server: running.url, group: 'balkans', user: 'anna', token: tokens.anna });
      const refused = await handlers['project.restore']({ name: backup.name });
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^This project shares its corpus with a group\. Leave the group .* nothing was changed\.$/) } });
      expect(await notes()).toEqual(['Also in the backup', 'Kept in the backup', 'Made after the backup, about Tirana']);
      await call('share.leave');
    } finally {
      await world.services.close();
      await running.stop();
      server.remove();
    }
  });

  it('refuses a name that is not one of the backups, or a path, before anything is closed', async () => {
    await dayOfWork();
    expect(await handlers['project.restore']({ name: 'project.auto-20200101T000000.000Z.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'There is no backup or recovery copy called “project.auto-20200101T000000.000Z.sqlite” for this project.' },
    });
    for (const name of ['../project.sqlite', '/etc/passwd.sqlite', 'backups/x.sqlite', '.sqlite', 'project.sqlite-wal']) {
      expect(await handlers['project.restore']({ name }), name).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(existsSync(file())).toBe(true);
    expect(readdirSync(world.projectDir).filter((name) => name.includes('replaced'))).toEqual([]);
    expect(await notes()).toHaveLength(3);
  });

  it('has nothing to decide while the project saves normally, and accepting it then does nothing', async () => {
    await dayOfWork();
    expect(await call<ProjectDecisionView | null>('project.decision')).toBeNull();
    expect(await call<ProjectAcceptDone>('project.accept')).toEqual({ done: [] });
    await highlight(120, 'Still saving');
    expect(highlightsIn(file())).toBe(4);
  });

  it('goes on with the project as it is, without a restart, after another program removed its journal', async () => {
    await dayOfWork();
    execFileSync('rm', [`${file()}-wal`]);
    const refused = await handlers['annotations.create']({ sourceId: SOURCE, start: 120, end: 140, note: 'Refused' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage' } });
    const decision = await call<ProjectDecisionView>('project.decision');
    expect(decision).toEqual({
      happened: "Another program removed one of the project's working files (project.sqlite-wal) while Apparatus had the project open.",
      recoveryCopy: null,
      project: { annotations: 3, tags: 0 },
      copies: 1,
    });
    // The check says so too, rather than taking the app's own connection for another program's.
    expect(await call<ProjectCheckView>('project.check')).toMatchObject({ state: 'needs-decision', message: expect.stringMatching(/^Another program removed/) });

    expect(await call<ProjectAcceptDone>('project.accept')).toEqual({ done: [] });
    expect(await call<ProjectDecisionView | null>('project.decision')).toBeNull();
    await highlight(120, 'After going on');
    expect(existsSync(`${file()}-wal`)).toBe(true);
    // Another process sees every highlight, the new one too.
    const listed = await runCli(['annotate', 'list', '--json', '--corpus', CORPUS_DIR], { APPARATUS_PROJECT: world.projectDir });
    expect((JSON.parse(listed.stdout) as { note: string }[]).map((a) => a.note).sort()).toEqual(['After going on', 'Also in the backup', 'Kept in the backup', 'Made after the backup, about Tirana']);
    expect(logged).toEqual([]);
  }, 30_000);

  it('says there is nothing to restore in a new project', async () => {
    expect(await call<ProjectBackupView[]>('project.backups')).toEqual([]);
    const check = await call<ProjectCheckView>('project.check');
    expect(check.backups).toEqual({ count: 0, newest: null });
  });
});

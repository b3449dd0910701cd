import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli.ts';
import { CORPUS_DIR } from '../../support/services.ts';
import { scribble } from '../../support/store-damage.ts';
import { mountSmallDisk, type SmallDisk } from '../../support/store-full-disk.ts';
import { canCreateFileIn, makeReadOnly } from '../../support/store-readonly.ts';

describe('apparatus project, and commands on a project in trouble', () => {
  let root: string;
  let project: string;
  let undo: (() => void)[];
  const cli = (...args: string[]) => run([...args, '--corpus', CORPUS_DIR], { env: { APPARATUS_PROJECT: project }, cwd: root, platform: 'linux' });
  const file = () => join(project, 'project.sqlite');
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-cli-project-'));
    project = join(root, 'project');
    undo = [];
  });
  afterEach(() => {
    for (const step of undo.reverse()) step();
    rmSync(root, { recursive: true, force: true });
  });

  async function twoDaysOfWork(): Promise<void> {
    expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Bucharest', '--tag', 'Conferences')).code).toBe(0);
    // A backup is taken on an open after the first: this one.
    expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'personality cult')).code).toBe(0);
  }

  it('after damage, refuses every later run with the restore command, then restores the backup', async () => {
    await twoDaysOfWork();
    scribble(file(), 0, 100, 9);
    const first = await cli('annotate', 'list');
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/is damaged and cannot be opened\. It has been moved to .*project\.sqlite\.damaged-/);
    expect(first.stderr).toMatch(/\nTo restore the newest copy: apparatus project restore project\.auto-\S+\.sqlite\n/);

    for (const args of [['annotate', 'list'], ['tag', 'list'], ['annotate', 'add', 'edemskiy-2019', '--quote', 'Bucharest']]) {
      const next = await cli(...args);
      expect(next.code, args.join(' ')).toBe(1);
      expect(next.stderr).toMatch(/is missing, although this folder held a project\. Apparatus will not start an empty project in its place\./);
    }
    expect(existsSync(file())).toBe(false);

    const check = await cli('project', 'check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/is missing, although this folder held a project/);
    const backups = await cli('project', 'backups');
    expect(backups.stdout).toMatch(/^project\.auto-\S+\.sqlite\tbackup\t\d{4}-\d\d-\d\dT[\d:.]+Z\t\d+ KB\n$/);
    const restored = await cli('project', 'restore', '--latest');
    expect(restored).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Restored the backup of /) });
    const listed = JSON.parse((await cli('annotate', 'list', '--json')).stdout) as { quote: { exact: string } }[];
    expect(listed.map((a) => a.quote.exact)).toEqual(['Bucharest']);
  });

  it('refuses to search a project whose file is missing instead of answering without its highlights', async () => {
    await twoDaysOfWork();
    expect((await cli('search', 'tag:Conferences', '--json')).stdout).toMatch(/"annotationId"/);
    rmSync(file());
    for (const args of [['search', 'tag:Conferences'], ['list']]) {
      const refused = await cli(...args);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/is missing, although this folder held a project\. Apparatus will not start an empty project in its place\./);
      expect(refused.stderr).toMatch(/\nTo restore the newest copy: apparatus project restore project\.auto-\S+\.sqlite\n/);
    }
    const asJson = await cli('search', 'Bucharest', '--json');
    expect(asJson).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(asJson.stderr)).toMatchObject({
      error: { kind: 'storage', code: 'project-missing', next: expect.arrayContaining([expect.stringMatching(/^To restore the newest copy: apparatus project restore project\.auto-\S+\.sqlite$/)]) },
    });
    expect(existsSync(file())).toBe(false);
    expect((await cli('project', 'restore', '--latest')).code).toBe(0);
    expect((await cli('search', 'tag:Conferences', '--json')).stdout).toMatch(/"annotationId"/);
  });

  it('starts a new, empty project only when asked to', async () => {
    await twoDaysOfWork();
    rmSync(file());
    expect((await cli('annotate', 'list')).code).toBe(1);
    const accepted = await cli('project', 'accept');
    expect(accepted).toMatchObject({ code: 0, stdout: 'Started a new, empty project; the backups and any files set aside stay where they are.\n' });
    expect(await cli('annotate', 'list', '--json')).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(readdirSync(join(project, 'backups'))).toHaveLength(1);
  });

  it('says once that there is no project yet', async () => {
    expect(await cli('project', 'check')).toEqual({ code: 0, stdout: `Project: ${file()}\nThere is no project here yet.\nThere is no backup to restore.\n`, stderr: '' });
  });

  it('checks a sound project with SQLite’s integrity check, and a damaged one without moving it', async () => {
    await twoDaysOfWork();
    const sound = await cli('project', 'check');
    expect(sound.code).toBe(0);
    expect(sound.stdout).toMatch(/\nSound: the integrity check passed \(2 highlights, 1 tag, format \d+\)\.\n/);
    scribble(file(), 4096, 4096, 5);
    const damaged = await cli('project', 'check');
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(/The project file is damaged: SQLite’s integrity check found problems\.\n {2}\S/);
    expect(existsSync(file())).toBe(true);
    const json = JSON.parse((await cli('project', 'check', '--json')).stdout) as { state: string; problems: string[] };
    expect(json.state).toBe('damaged');
    expect(json.problems.length).toBeGreaterThan(0);
  });

  it('says a damaged project is damaged when asked to list the sources (exit 1), and lists those of a corpus with no project yet', async () => {
    await twoDaysOfWork();
    scribble(file(), 0, 100, 9);
    const listed = await cli('list');
    expect(listed).toMatchObject({ code: 1, stdout: '' });
    expect(listed.stderr).toMatch(/^apparatus list: The project database .* is damaged and cannot be opened\./);
    expect(listed.stderr).toMatch(/\nTo restore the newest copy: apparatus project restore project\.auto-\S+\.sqlite\n/);
    expect(JSON.parse((await cli('list', '--json')).stderr)).toMatchObject({ error: { kind: 'storage', code: 'project-missing' } });

    project = join(root, 'not-yet');
    const fresh = await cli('list');
    expect(fresh).toMatchObject({ code: 0, stderr: '' });
    expect(fresh.stdout.trim().split('\n')).toHaveLength(5);
    expect(existsSync(project)).toBe(false);
  });

  it('goes on with a damaged project as check offers: sets the file aside and starts a new, empty project', async () => {
    await twoDaysOfWork();
    scribble(file(), 4096, 4096, 5);
    const check = await cli('project', 'check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/\nTo go on with the project as it is: apparatus project accept\n$/);
    const accepted = await cli('project', 'accept');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(
      /^Set the damaged project file aside as .*project\.sqlite\.damaged-\S+; nothing was deleted\.\nStarted a new, empty project; the backups and any files set aside stay where they are\.\n$/,
    );
    const damaged = readdirSync(project).filter((name) => /^project\.sqlite\.damaged-\d{8}T[\d.]+Z$/.test(name));
    expect(damaged).toHaveLength(1);
    expect(await cli('annotate', 'list', '--json')).toMatchObject({ code: 0, stdout: '[]\n' });
    expect((await cli('project', 'check')).code).toBe(0);
    expect(await cli('project', 'accept')).toMatchObject({ code: 0, stdout: 'Nothing to do: the project opens as it is.\n' });
  });

  it('undoes a restore: backups lists the project as it was before it, and restoring that brings back what the restore took away', async () => {
    await twoDaysOfWork();
    const quotes = async () => (JSON.parse((await cli('annotate', 'list', '--json')).stdout) as { quote: { exact: string } }[]).map((a) => a.quote.exact).sort();
    expect(await quotes()).toEqual(['Bucharest', 'personality cult']);
    expect((await cli('project', 'restore', '--latest')).code).toBe(0);
    expect(await quotes()).toEqual(['Bucharest']);

    const backups = await cli('project', 'backups');
    const lines = backups.stdout.split('\n');
    const [, name, date] = /^(project\.sqlite\.replaced-\S+)\tthe project as it was before the restore of (\S+)\t(\S+)\t\d+ KB$/.exec(lines[0] ?? '') ?? [];
    expect(name, backups.stdout).toBeDefined();
    expect(lines[0]).toContain(`\t${date}\t`);
    expect(lines[1]).toMatch(/^project\.auto-\S+\.sqlite\tbackup\t/);
    expect((JSON.parse((await cli('project', 'backups', '--json')).stdout) as { kind: string }[]).map((copy) => copy.kind)).toEqual(['replaced', 'auto']);

    const undone = await cli('project', 'restore', name as string);
    expect(undone.stderr).toBe('');
    expect(undone.stdout).toMatch(new RegExp(`^Restored the project as it was before the restore of ${date} \\(${name}\\)\\. The file it replaced was kept as .*project\\.sqlite\\.replaced-\\S+\\.\n$`));
    expect(await quotes()).toEqual(['Bucharest', 'personality cult']);
    // --latest keeps to the backups: restoring twice does not undo the first restore.
    const again = await cli('project', 'restore', '--latest');
    expect(again.stdout).toMatch(/^Restored the backup of /);
    expect(await quotes()).toEqual(['Bucharest']);
    // The path the restore printed names the copy as well as its name does.
    const kept = /The file it replaced was kept as (\S+)\.\n$/.exec(again.stdout)?.[1] as string;
    expect(await cli('project', 'restore', kept)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Restored the project as it was before the restore of /) });
    expect(await quotes()).toEqual(['Bucharest', 'personality cult']);
  });

  it('refuses unclear restore requests with the usage', async () => {
    expect((await cli('project', 'restore')).code).toBe(2);
    expect((await cli('project', 'restore', 'x.sqlite', '--latest')).code).toBe(2);
    expect((await cli('project', 'frobnicate')).code).toBe(2);
    const unknown = await cli('project', 'restore', 'nope.sqlite');
    expect(unknown).toMatchObject({ code: 1, stderr: 'apparatus project: There is no backup or recovery copy called “nope.sqlite” for this project.\n' });
  });

  it('reads a read-only project with a note that changes cannot be saved, and refuses changes', async () => {
    await twoDaysOfWork();
    undo.push(makeReadOnly(project));
    expect(canCreateFileIn(project)).toBe(false);
    const note = `Note: the project is read-only, so changes cannot be saved (${file()}).\n`;

    const listed = await cli('annotate', 'list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stderr).toBe(note);
    expect(JSON.parse(listed.stdout)).toHaveLength(2);
    expect(await cli('tag', 'list')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Conferences\t1\t/), stderr: note });
    expect(await cli('list')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\S+\t/), stderr: note });
    const search = await cli('search', 'Bucharest', '--json');
    expect(search.code, search.stderr).toBe(0);
    expect(search.stderr).toBe(note);
    expect(JSON.parse(search.stdout)).toContainEqual(expect.objectContaining({ annotationId: expect.any(String) }));
    const out = join(root, 'export.md');
    const exported = await cli('export', '--format', 'md', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toBe(note);
    expect(existsSync(out)).toBe(true);

    const check = await cli('project', 'check');
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(check.stdout).toMatch(/\nSound: the integrity check passed \(2 highlights, 1 tag, format \d+\)\.\nRead-only: the folder or the project file is read-only, so changes cannot be saved; the project can still be listed, searched and exported\.\n/);
    expect(JSON.parse((await cli('project', 'check', '--json')).stdout)).toMatchObject({ state: 'sound', cannotSave: 'read-only' });

    const added = await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow');
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/cannot save your work in .*: the folder or the project file is read-only/);
    // Six commands one after another: more than Vitest's 5 s default on a loaded machine.
  }, 60_000);

  describe('on a full disk', () => {
    let disk: SmallDisk;
    beforeEach(() => {
      disk = mountSmallDisk();
      project = join(disk.dir, 'project');
    });
    afterEach(() => disk.remove());

    it('calls a full disk a full disk when opening to save, and still reads with a note', async () => {
      await twoDaysOfWork();
      disk.fill();
      const added = await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow');
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(/^apparatus annotate: The disk holding your project is full, so Apparatus cannot open the project to save changes\. Free some space and try again\./);
      expect(added.stderr).not.toMatch(/could not be read or written/);

      const listed = await cli('annotate', 'list', '--json');
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stderr).toBe(`Note: the disk holding the project is full, so changes cannot be saved (${file()}).\n`);
      expect(JSON.parse(listed.stdout)).toHaveLength(2);
      const check = await cli('project', 'check');
      expect(check.code).toBe(0);
      expect(check.stdout).toContain('\nThe disk holding the project is full, so changes cannot be saved; the project can still be listed, searched and exported.\n');

      disk.free();
      expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow')).code).toBe(0);
    });

    it('refuses a restore the disk has no room for with the project left in its place', async () => {
      await twoDaysOfWork();
      disk.fill();
      const restored = await cli('project', 'restore', '--latest');
      expect(restored.code).toBe(1);
      expect(restored.stderr).toMatch(/^apparatus project: The disk holding your project is full, so the change was not saved\./);
      expect(readdirSync(project).sort()).toEqual(['backups', 'project.sqlite', 'project.sqlite.marker']);
      const listed = await cli('annotate', 'list', '--json');
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout)).toHaveLength(2);
      const check = await cli('project', 'check');
      expect(check.code).toBe(0);
      expect(check.stdout).toContain('\nThe disk holding the project is full, so changes cannot be saved; the project can still be listed, searched and exported.\n');

      disk.free();
      expect(await cli('project', 'restore', '--latest')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Restored the backup of /) });
      expect(JSON.parse((await cli('annotate', 'list', '--json')).stdout)).toHaveLength(1);
    });

    it('leaves nothing behind when a new, empty project cannot be started on a full disk', async () => {
      await twoDaysOfWork();
      rmSync(file());
      disk.fill();
      const accepted = await cli('project', 'accept');
      expect(accepted.code).toBe(1);
      expect(accepted.stderr).toMatch(/^apparatus project: The disk holding your project is full, so the change was not saved\./);
      expect(existsSync(file())).toBe(false);
      const listed = await cli('annotate', 'list');
      expect(listed.code).toBe(1);
      expect(listed.stderr).toMatch(/is missing, although this folder held a project/);

      disk.free();
      expect(await cli('project', 'accept')).toMatchObject({ code: 0, stdout: 'Started a new, empty project; the backups and any files set aside stay where they are.\n' });
      expect(await cli('annotate', 'list', '--json')).toMatchObject({ code: 0, stdout: '[]\n' });
    });

    it('leaves a damaged project where it is when the disk has no room for a new one', async () => {
      await twoDaysOfWork();
      scribble(file(), 4096, 4096, 5);
      disk.fill();
      const accepted = await cli('project', 'accept');
      expect(accepted.code).toBe(1);
      expect(accepted.stderr).toMatch(/^apparatus project: The disk holding your project is full, so the change was not saved\./);
      // Reading the file for damage leaves SQLite's index (-shm) beside it, as project check does.
      const files = readdirSync(project).filter((name) => name.startsWith('project.sqlite') && !name.endsWith('-shm'));
      expect(files.sort()).toEqual(['project.sqlite', 'project.sqlite.marker']);
      expect((await cli('project', 'check', '--json')).stdout).toMatch(/"state": "damaged"/);

      disk.free();
      expect((await cli('project', 'accept')).stdout).toMatch(/^Set the damaged project file aside as /);
      expect(await cli('annotate', 'list', '--json')).toMatchObject({ code: 0, stdout: '[]\n' });
    });

    it('calls a full disk a full disk when a new project cannot be created', async () => {
      disk.fill();
      const added = await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow');
      expect(added.code).toBe(1);
      expect(added.stderr).toMatch(/The disk holding your project is full/);
    });
  });
});

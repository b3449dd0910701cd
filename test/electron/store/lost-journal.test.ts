/**
 * Another program (a sync or clean-up tool) removes the project's journal while a process holds
 * the project open, and that process is then killed. Everything it acknowledged must still be
 * there afterwards, or the next open must say what happened and where the recovery copy is —
 * never show an older state with exit 0. Real processes throughout: SQLite keeps writing into a
 * removed journal's inode, which only another process cannot see.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import { StoreError } from '../../../electron/services/store/store-errors.ts';
import { CORPUS_DIR } from '../../support/services.ts';
import { acknowledged, runCli, startHelper, type Helper } from '../../support/store-processes.ts';
import { makeTempProject, type TempProject } from '../../support/store-temp.ts';

const HOLDER = fileURLToPath(new URL('../../support/store-holder.ts', import.meta.url));
const READER = fileURLToPath(new URL('../../support/store-reader.ts', import.meta.url));
const TRIALS = Math.max(1, Number(process.env.APPARATUS_JOURNAL_TRIALS ?? 1) || 1);
const GENERIC = /could not be read or written/;

describe('a journal removed under an open project', () => {
  let project: TempProject;
  let helpers: Helper[];
  beforeEach(() => {
    project = makeTempProject();
    helpers = [];
  });
  afterEach(async () => {
    for (const helper of helpers) await helper.kill();
    project.remove();
  });

  const cli = (...args: string[]) => runCli([...args, '--project', project.dir, '--corpus', CORPUS_DIR]);
  // `apparatus annotate list` in its own process, as the finding was made.
  const listed = async () => {
    const outcome = await cli('annotate', 'list', '--json');
    return { ...outcome, ids: outcome.code === 0 ? (JSON.parse(outcome.stdout) as { id: string }[]).map((a) => a.id) : [] };
  };
  // The same through the store in this (the test's) process: quicker than a command's start-up.
  const opened = () => {
    try {
      const store = openProjectStore(project.file);
      try {
        return { ids: store.list().map((annotation) => annotation.id).sort(), error: undefined };
      } finally {
        store.close();
      }
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      return { ids: [], error };
    }
  };
  async function holder(busyTimeoutMs = 5000): Promise<Helper> {
    const started = startHelper(HOLDER, [project.file, String(busyTimeoutMs)]);
    helpers.push(started);
    await started.until((line) => line === 'ready' || line.startsWith('error'));
    return started;
  }
  async function command(helper: Helper, line: string): Promise<string[]> {
    const answer = helper.until((printed) => printed === 'done');
    helper.send(line);
    return answer;
  }
  // A holder saves 3 highlights, then 4 more while a reader on an older snapshot keeps those 4
  // out of the project file (only the journal has them).
  async function heldBack(): Promise<{ held: Helper; reader: Helper; early: string[]; late: string[] }> {
    const held = await holder(300);
    const early = acknowledged(await command(held, 'add 3'));
    const reader = startHelper(READER, [project.file]);
    helpers.push(reader);
    await reader.until((line) => line === 'reading');
    const late = acknowledged(await command(held, 'add 4'));
    expect(late).toHaveLength(4);
    return { held, reader, early, late };
  }

  for (const [variant, removed] of [['-wal'], ['-wal', '-shm']].entries()) {
    it(
      `keeps all 10 acknowledged highlights when ${removed.join(' and ')} go and the holder is killed (${TRIALS} trial${TRIALS === 1 ? '' : 's'})`,
      async () => {
        for (let trial = 1; trial <= TRIALS; trial += 1) {
          rmSync(project.dir, { recursive: true, force: true });
          const held = await holder();
          const saved = acknowledged(await command(held, 'add 10'));
          expect(saved).toHaveLength(10);
          for (const suffix of removed) rmSync(project.file + suffix);

          // Meanwhile another process is told why it cannot open the project, specifically: the
          // command line once, the store (in this test's process) in every other trial.
          const viaCommand = variant === 0 && trial === 1;
          if (viaCommand) {
            const meanwhile = await listed();
            expect(meanwhile.code, meanwhile.stderr).toBe(1);
            expect(meanwhile.stderr).toMatch(/another program removed one of its working files \(project\.sqlite-wal\)/);
            expect(meanwhile.stderr).toMatch(/Close that window or command first/);
            expect(meanwhile.stderr).not.toMatch(GENERIC);
          } else {
            expect(opened().error?.code, `trial ${trial}`).toBe('journal-removed');
          }

          await held.kill();
          if (viaCommand) {
            const after = await listed();
            expect(after.code, after.stderr).toBe(0);
            expect(after.ids.sort()).toEqual([...saved].sort());
          } else {
            expect(opened(), `trial ${trial}`).toEqual({ ids: [...saved].sort(), error: undefined });
          }
        }
      },
      TRIALS * 30_000,
    );
  }

  it('refuses the holder’s next save, saying its earlier work is in the project file', async () => {
    const held = await holder();
    const saved = acknowledged(await command(held, 'add 10'));
    rmSync(`${project.file}-wal`);
    const [answer] = await command(held, 'write');
    expect(answer).toMatch(/^error journal-removed Another program removed one of the project's working files \(project\.sqlite-wal\)/);
    expect(answer).toMatch(/stopped saving to keep the project safe\. Everything saved until now is in the project file/);
    const [again] = await command(held, 'write');
    expect(again).toBe(answer);
    await held.kill();
    expect(opened()).toEqual({ ids: [...saved].sort(), error: undefined });
  }, 60_000);

  it('keeps commits not yet in the project file in a recovery copy, which the next run offers to restore', async () => {
    const { held, reader, early, late } = await heldBack();
    rmSync(`${project.file}-wal`);
    const [answer] = await command(held, 'write');
    expect(answer).toMatch(/^error journal-removed .*kept in a recovery copy: .*project\.recovery-\d{8}T\d{6}\.\d{3}Z\.sqlite/);
    await held.kill();
    await reader.kill();

    const refused = await listed();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Apparatus kept a recovery copy of this project \(project\.recovery-/);
    const name = /apparatus project restore (project\.recovery-\S+\.sqlite)/.exec(refused.stderr)?.[1];
    expect(name, refused.stderr).toBeDefined();
    expect(opened().error?.code).toBe('recovery-pending');

    const restored = await cli('project', 'restore', name!);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored the recovery copy of .* The file it replaced was kept as /);
    expect(opened()).toEqual({ ids: [...early, ...late].sort(), error: undefined });
    // The copy is kept among the backups, no longer waiting beside the project.
    expect(readdirSync(project.dir).filter((entry) => entry.includes('.recovery-'))).toEqual([]);
    expect(existsSync(join(project.dir, 'backups', name!))).toBe(true);
  }, 60_000);

  it('says the changes were lost, never showing the older state silently, when the holder died before it could copy them', async () => {
    const { held, reader, early } = await heldBack();
    rmSync(`${project.file}-wal`);
    await held.kill();
    await reader.kill();

    const refused = await listed();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Recent changes to this project were lost: another program removed its working file \(project\.sqlite-wal\) before they were written into the project file/);
    expect(refused.stderr).toMatch(/apparatus project accept/);
    // And again on the next run: the project stays refused until the user decides.
    expect(opened().error?.code).toBe('changes-lost');
    const accepted = await cli('project', 'accept');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(/Went on without the changes that were lost/);
    expect(opened()).toEqual({ ids: [...early].sort(), error: undefined });
  }, 60_000);
});

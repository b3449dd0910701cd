import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli.ts';

const context = { env: {}, cwd: fileURLToPath(new URL('../../..', import.meta.url)), platform: 'linux' as const };

describe('apparatus (command line)', () => {
  it('lists the corpus sources', async () => {
    const outcome = await run(['list'], context);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.trim().split('\n')).toHaveLength(5);
    expect(outcome.stdout).toContain('edemskiy-2019\tAndrey Edemskiy\tAdditional Evidence\t2019\tprimary');
  });

  it('lists them as JSON', async () => {
    const outcome = await run(['list', '--json'], context);
    expect(JSON.parse(outcome.stdout)).toContainEqual(expect.objectContaining({ id: 'wikipedia-split', reliability: 'tertiary' }));
  });

  it('explains an unknown command or option with the usage and exit code 2', async () => {
    expect(await run(['frobnicate'], context)).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(await run(['list', '--nope'], context)).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: apparatus list') });
    expect(await run([], context)).toMatchObject({ code: 2, stderr: expect.stringContaining('Commands:') });
  });

  it('says clearly when the corpus folder cannot be read', async () => {
    const outcome = await run(['list', '--corpus', '/nonexistent/corpus'], context);
    expect(outcome).toMatchObject({ code: 1, stderr: 'apparatus list: The corpus folder cannot be read: /nonexistent/corpus\n' });
  });

  it('says a mistyped corpus folder is one when listing highlights or references, not that every source left the corpus', async () => {
    const project = mkdtempSync(join(tmpdir(), 'apparatus-corpus-typo-'));
    try {
      const where = ['--project', project];
      expect((await run(['annotate', 'add', 'edemskiy-2019', '--quote', 'Bucharest', ...where], context)).code).toBe(0);
      for (const args of [['annotate', 'list'], ['refs', 'list']]) {
        const outcome = await run([...args, '--corpus', '/nonexistent/corpus', ...where], context);
        expect(outcome, args.join(' ')).toEqual({ code: 1, stdout: '', stderr: `apparatus ${args[0]}: The corpus folder cannot be read: /nonexistent/corpus\n` });
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('says in words that its output could not be written (> file on a full disk), exit 1, without a stack trace', async () => {
    const cli = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [cli, 'list', '--json'], { cwd: context.cwd, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(result.stderr).toBe("apparatus: the command's output could not be written: the disk it goes to is full.\n");
      expect(result.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it('ends quietly when what reads its output stops reading (| head), without a stack trace', async () => {
    const project = mkdtempSync(join(tmpdir(), 'apparatus-pipe-'));
    try {
      const cli = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));
      // The reader is gone before the command writes: its first write finds the pipe closed.
      const child = spawn(process.execPath, [cli, 'list', '--project', project], { cwd: context.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

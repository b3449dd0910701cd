import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedProject } from '../../support/share-projects.ts';
import { makeGroup, startServerSilentFor, startTestServer, tempFolder } from '../../support/share-server.ts';

// `apparatus sync --once --timeout N` against a server that is not there, and against one that
// stops answering half-way: N is the limit of the whole exchange, and once the command has said
// so nothing is left that keeps the process running.

const CLI = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));

let folder: { dir: string; remove(): void };
let port = 0;
let where: string[] = [];

beforeAll(async () => {
  folder = tempFolder('apparatus-sync-timeout-');
  const data = join(folder.dir, 'server');
  const tokens = makeGroup(data, 'seminar', { anna: 'owner' });
  const { server } = await startTestServer(data);
  const anna = openSharedProject(folder.dir, 'anna');
  await anna.services.sync.join({ server: server.url, group: 'seminar', token: tokens.anna ?? '' });
  await anna.close();
  port = server.port;
  where = ['--corpus', anna.corpus, '--project', anna.projectDir];
  await server.stop();
}, 60_000);

afterAll(() => folder?.remove());

describe('apparatus sync --once --timeout', () => {
  it('says the server cannot be reached and leaves no attempt to reconnect waiting in the process', () => {
    // The command as cli.ts runs it, then what is still armed in the process once it answered: a
    // timer left behind keeps the user waiting for the prompt after the answer is printed. (The
    // first argument is not the CLI's path, or cli.ts would run the command a second time.)
    const script = [
      'const [cli, ...args] = process.argv.slice(2);',
      'const { run } = await import(cli);',
      'const outcome = await run(args, { env: {}, cwd: process.cwd(), platform: process.platform });',
      "process.stdout.write(JSON.stringify({ outcome, timers: process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length }));",
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'apparatus', CLI, 'sync', '--once', '--timeout', '2', ...where], { encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const { outcome, timers } = JSON.parse(child.stdout) as { outcome: { code: number; stderr: string }; timers: number };
    expect(outcome).toMatchObject({ code: 1, stderr: `apparatus sync: The server at ws://127.0.0.1:${port} cannot be reached.\n` });
    expect(timers).toBe(0);
  }, 60_000);

  it('gives up with the reason once the whole exchange outlasts the limit, though the server answered the first steps in time', async () => {
    // The server answers the group's documents but never a source's: the source the member
    // deleted is asked for again, after the handshakes the limit used to be spent on alone.
    const silent = await startServerSilentFor(/^seminar\/source\//, port);
    try {
      rmSync(join(where[1] ?? '', 'memorie-kapo.md'));
      const child = spawn(process.execPath, [CLI, 'sync', '--once', '--timeout', '2', ...where], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toBe(`apparatus sync: The server at ws://127.0.0.1:${port} did not answer in time.\n`);
      expect(existsSync(join(where[1] ?? '', 'memorie-kapo.md'))).toBe(false);
    } finally {
      await silent.stop();
    }
  }, 60_000);
});

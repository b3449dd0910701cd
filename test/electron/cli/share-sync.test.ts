import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apparatus, type CliRun } from '../../support/cli-process.ts';
import { CORPUS_DIR } from '../../support/services.ts';
import { spawnServer, tempFolder, until, type ServerProcess } from '../../support/share-server.ts';

// `apparatus share` and `apparatus sync` as a user runs them: every command a process of its own,
// against `apparatus serve` in another, on 127.0.0.1 with a port the system picked.

const CLI = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));

interface AnnotationJson {
  id: string;
  sourceId: string;
  note: string;
  author?: string;
  quote: { exact: string };
}

let folder: { dir: string; remove(): void };
let server: ServerProcess;
const tokens: Record<string, string> = {};

function admin(...args: string[]): CliRun {
  const run = apparatus(['serve', ...args, '--data', join(folder.dir, 'server')], folder.dir);
  expect(run.status, run.stderr).toBe(0);
  return run;
}

/** One member's computer: a corpus folder and a project. */
function member(name: string, corpus: 'copy' | 'empty') {
  const dir = join(folder.dir, name);
  if (corpus === 'copy') cpSync(CORPUS_DIR, join(dir, 'corpus'), { recursive: true });
  else mkdirSync(join(dir, 'corpus'), { recursive: true });
  const where = ['--corpus', join(dir, 'corpus'), '--project', join(dir, 'project')];
  return {
    dir,
    corpus: join(dir, 'corpus'),
    cli: (...args: string[]) => apparatus([...args, ...where], folder.dir),
    spawn: (...args: string[]) => spawn(process.execPath, [CLI, ...args, ...where], { cwd: folder.dir, stdio: ['ignore', 'pipe', 'pipe'] }),
    list: (): AnnotationJson[] => {
      const run = apparatus(['annotate', 'list', '--json', ...where], folder.dir);
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as AnnotationJson[];
    },
  };
}

const sourceFiles = (corpus: string) => readdirSync(corpus).filter((name) => name.endsWith('.md') && name !== 'README.md').sort();

beforeAll(async () => {
  folder = tempFolder('apparatus-cli-share-');
  admin('group', 'create', 'balkans');
  admin('group', 'create', 'elsewhere');
  for (const [name, role] of [['anna', 'owner'], ['bob', 'editor'], ['carol', 'reader']] as const) {
    tokens[name] = admin('user', 'add', name).stdout.trim().split('\n').at(-1) ?? '';
    admin('group', 'add', 'balkans', name, '--role', role);
  }
  server = await spawnServer(join(folder.dir, 'server'));
}, 60_000);

afterAll(() => {
  server?.child.kill('SIGKILL');
  folder?.remove();
});

describe('apparatus share and apparatus sync, against apparatus serve', () => {
  const anna = () => member('anna', 'copy');
  let annaNote = '';

  it('joins a project to a group and sends its annotations; a member with an empty corpus receives every source', () => {
    const a = anna();
    const added = a.cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Bucharest', '--note', 'Anna: the Bucharest meeting');
    expect(added.status, added.stderr).toBe(0);
    annaNote = a.list()[0]?.id ?? '';
    const joined = a.cli('share', '--server', server.url, '--group', 'balkans', '--token', tokens.anna ?? '');
    expect(joined).toMatchObject({ status: 0, stdout: `Joined “balkans” on ${server.url} as anna (owner): everything is exchanged; apparatus sync sends what changes next.\n` });
    const tokenFile = join(a.dir, 'project', 'share-token');
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(tokens.anna);

    const b = member('bob', 'empty');
    const bobJoined = b.cli('share', '--server', server.url, '--group', 'balkans', '--token', tokens.bob ?? '');
    expect(bobJoined.status, bobJoined.stderr).toBe(0);
    expect(bobJoined.stderr).toMatch(/sources? of the group arrived in your corpus/);
    expect(sourceFiles(b.corpus)).toEqual(sourceFiles(a.corpus));
    for (const file of sourceFiles(a.corpus)) expect(readFileSync(join(b.corpus, file), 'utf8')).toBe(readFileSync(join(a.corpus, file), 'utf8'));
    const received = b.list();
    expect(received).toEqual([expect.objectContaining({ id: annaNote, sourceId: 'edemskiy-2019', note: 'Anna: the Bucharest meeting', author: 'anna' })]);
    for (const run of [added, joined, bobJoined]) expect(run.stdout + run.stderr).not.toContain(tokens.anna ?? '-');
    expect(server.output()).not.toContain(tokens.anna);
    expect(server.output()).not.toContain(tokens.bob);
  }, 60_000);

  it('says what waits, sends it with sync --once (exit 0 once both agree), and the other member receives it', () => {
    const b = member('bob', 'empty');
    expect(b.cli('annotate', 'add', 'memorie-kapo', '--quote', 'the', '--note', 'Bob was here').status).toBe(0);
    expect(b.cli('sync', 'status')).toMatchObject({ status: 0, stdout: `Shares its corpus with “balkans” on ${server.url} as bob, as editor.\n1 change waits to be sent.\n` });
    expect(b.cli('sync', '--once')).toMatchObject({ status: 0, stdout: 'In step with “balkans”.\n' });
    expect(b.cli('sync', 'status').stdout).toMatch(/\nNothing waits to be sent\.\n$/);
    expect(anna().cli('sync', '--once').status).toBe(0);
    expect(anna().list().map((annotation) => [annotation.note, annotation.author ?? 'me'])).toEqual(
      expect.arrayContaining([
        ['Anna: the Bucharest meeting', 'me'],
        ['Bob was here', 'bob'],
      ]),
    );
  }, 60_000);

  it('refuses to let bob delete anna’s annotation, naming its author', () => {
    const refused = member('bob', 'empty').cli('annotate', 'delete', annaNote);
    expect(refused).toMatchObject({ status: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^apparatus annotate: .*anna/);
    expect(member('bob', 'empty').list().map((annotation) => annotation.id)).toContain(annaNote);
  }, 30_000);

  it('keeps the group’s copy of a source whose text differs, sets the member’s aside with a notice, and refuses a reader’s annotation naming the role', () => {
    const c = member('carol', 'copy');
    const file = join(c.corpus, 'edemskiy-2019.md');
    const own = readFileSync(file, 'utf8').replace('Bucharest', 'Bukarest');
    writeFileSync(file, own);
    const joined = c.cli('share', '--server', server.url, '--group', 'balkans', '--token', tokens.carol ?? '');
    expect(joined.status, joined.stderr).toBe(0);
    expect(joined.stdout).toMatch(/as carol \(reader\)/);
    expect(joined.stderr).toMatch(/\(edemskiy-2019\) differs from the group’s copy: the group’s copy is now in the corpus, and yours was kept as set-aside\/edemskiy-2019\.[^ ]+\.md in the corpus folder\./);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(anna().corpus, 'edemskiy-2019.md'), 'utf8'));
    const aside = readdirSync(join(c.corpus, 'set-aside'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(c.corpus, 'set-aside', aside[0] ?? ''), 'utf8')).toBe(own);
    const refused = c.cli('annotate', 'add', 'memorie-kapo', '--quote', 'the');
    expect(refused).toMatchObject({ status: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^apparatus annotate: You are a reader in this group/);
    expect(c.list().map((annotation) => annotation.note).sort()).toEqual(['Anna: the Bucharest meeting', 'Bob was here']);
  }, 60_000);

  it('refuses a wrong token, another group, and a project that shares nothing, with the reason', () => {
    const d = member('dora', 'empty');
    const wrong = d.cli('share', '--server', server.url, '--group', 'balkans', '--token', 'not-a-token');
    expect(wrong).toMatchObject({ status: 1, stdout: '' });
    expect(wrong.stderr).toMatch(/^apparatus share: The server does not accept this token/);
    const other = d.cli('share', '--server', server.url, '--group', 'elsewhere', '--token', tokens.bob ?? '');
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/elsewhere/);
    expect(d.cli('sync', '--once')).toMatchObject({ status: 1, stderr: expect.stringMatching(/^apparatus sync: This project does not share its corpus with a group/) });
    expect(existsSync(join(d.dir, 'project', 'share-token'))).toBe(false);
  }, 60_000);

  it('refuses to join with a corpus folder that is not there, before anything is exchanged', () => {
    const missing = join(folder.dir, 'erin', 'no-corpus');
    const where = ['--corpus', missing, '--project', join(folder.dir, 'erin', 'project')];
    const refused = apparatus(['share', '--server', server.url, '--group', 'balkans', '--token', tokens.bob ?? '', ...where], folder.dir);
    expect(refused).toEqual({
      status: 1,
      stdout: '',
      stderr: `apparatus share: There is no corpus folder at ${missing}: create it (an empty folder receives the group's sources), or name the corpus with --corpus DIR.\n`,
    });
    expect(apparatus(['sync', '--once', ...where], folder.dir).stderr).toMatch(/^apparatus sync: This project does not share its corpus with a group/);
  }, 30_000);

  it('keeps syncing with apparatus sync until stopped, taking in what another member sends', async () => {
    const a = anna();
    const running = a.spawn('sync');
    let output = '';
    running.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    running.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    try {
      await until(() => /In step with the group\./.test(output), 'anna is in step', 30_000);
      const b = member('bob', 'empty');
      expect(b.cli('annotate', 'add', 'pilaca-nako-2021', '--quote', 'the', '--note', 'Bob, while anna syncs').status).toBe(0);
      expect(b.cli('sync', '--once').status).toBe(0);
      await until(() => a.list().some((annotation) => annotation.note === 'Bob, while anna syncs'), 'anna received bob’s annotation', 30_000);
    } finally {
      running.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // It says where it connects, and never that it is offline while the server answers.
    expect(output).toMatch(new RegExp(`^Syncing with “balkans”; stop with Ctrl-C\\.\\nConnecting to ${server.url}…\\n`));
    expect(output).not.toMatch(/Offline/);
    expect(output).toMatch(/Stopped syncing\.\n$/);
  }, 90_000);

  it('sends what other commands change in the project while apparatus sync runs', async () => {
    const a = anna();
    const running = a.spawn('sync');
    let output = '';
    running.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    running.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    try {
      await until(() => /In step with the group\./.test(output), 'anna is in step', 30_000);
      expect(a.cli('annotate', 'add', 'memorie-kapo', '--quote', 'Moscow', '--note', 'Anna, in another terminal').status).toBe(0);
      const b = member('bob', 'empty');
      await until(
        () => {
          expect(b.cli('sync', '--once').status).toBe(0);
          return b.list().some((annotation) => annotation.note === 'Anna, in another terminal');
        },
        'bob received what anna added while her sync ran',
        30_000,
      );
      await until(() => a.cli('sync', 'status').stdout.endsWith('Nothing waits to be sent.\n'), 'anna’s sync sent it', 30_000);
    } finally {
      running.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toMatch(/Stopped syncing\.\n$/);
  }, 120_000);

  it('shares a source another command imports while apparatus sync runs', async () => {
    const a = anna();
    const running = a.spawn('sync');
    let output = '';
    running.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    running.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    try {
      await until(() => /In step with the group\./.test(output), 'anna is in step', 30_000);
      const letter = join(folder.dir, 'warsaw-letter.md');
      writeFileSync(letter, '# Warsaw\n\nA letter on the Warsaw meeting of the parties, November 1960.\n');
      const imported = a.cli('import', letter, '--title', 'Warsaw Letter', '--year', '1960');
      expect(imported.status, imported.stderr).toBe(0);
      const id = imported.stdout.split('\n')[0] ?? '';
      const b = member('bob', 'empty');
      await until(
        () => {
          expect(b.cli('sync', '--once').status).toBe(0);
          return sourceFiles(b.corpus).includes(`${id}.md`);
        },
        'bob received the source anna imported while her sync ran',
        30_000,
      );
      expect(readFileSync(join(b.corpus, `${id}.md`), 'utf8')).toBe(readFileSync(join(a.corpus, `${id}.md`), 'utf8'));
    } finally {
      running.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it('exits non-zero with the reason when the server cannot be reached', async () => {
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    const run = anna().cli('sync', '--once', '--timeout', '2');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^apparatus sync: .*(cannot be reached|did not answer)/);
  }, 30_000);

  it('says where it connects, then that it is offline once the attempt fails', async () => {
    const running = anna().spawn('sync');
    let output = '';
    running.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    try {
      await until(() => /^Offline/m.test(output), 'the attempt failed', 30_000);
    } finally {
      running.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const lines = output.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Syncing with “balkans”; stop with Ctrl-C.', `Connecting to ${server.url}…`]);
    // What waits is what the tests before left unsent when the server was stopped.
    expect(lines[2]).toMatch(new RegExp(`^Offline, \\d+ changes? waiting to be sent \\(The server at ${server.url} cannot be reached\\)\\.$`));
  }, 30_000);
});

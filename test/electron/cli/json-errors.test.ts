/**
 * A script that passes `--json` reads a failure as it reads a result: one JSON object on stderr,
 * nothing on stdout, the exit code the same as without `--json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli.ts';
import { CORPUS_DIR } from '../../support/services.ts';
import { scribble } from '../../support/store-damage.ts';

const CLI = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));

describe('apparatus … --json when something goes wrong', () => {
  let root: string;
  let project: string;
  const cli = (...args: string[]) => run([...args, '--corpus', CORPUS_DIR], { env: { APPARATUS_PROJECT: project }, cwd: root, platform: 'linux' });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-cli-json-errors-'));
    project = join(root, 'project');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** The one JSON object a failure printed, after checking that nothing else was printed. */
  async function failure(code: number, ...args: string[]): Promise<{ kind: string; code?: string; message: string; next?: string[] }> {
    const outcome = await cli(...args);
    expect(outcome.code, outcome.stderr).toBe(code);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr.endsWith('\n') && outcome.stderr.indexOf('\n') === outcome.stderr.length - 1).toBe(true);
    const parsed = JSON.parse(outcome.stderr) as { error: { kind: string; code?: string; message: string; next?: string[] } };
    expect(Object.keys(parsed)).toEqual(['error']);
    return parsed.error;
  }

  it('refuses a mistaken command line of every command that takes --json as one JSON object, exit 2', async () => {
    const mistakes = [
      ['list', '--json', 'everything'],
      ['annotate', 'list', '--json', 'edemskiy-2019'],
      ['tag', 'list', '--json', '--nope'],
      ['search', '--json'],
      ['refs', 'list', '--json', 'more'],
      ['zotero', 'list', '--json', '--nope'],
      ['project', 'check', '--json', 'now'],
      ['project', 'backups', '--json', '--latest'],
      ['project', 'restore', '--json'],
      ['lsit', '--json'],
    ];
    for (const args of mistakes) {
      const error = await failure(2, ...args);
      expect(error.kind, args.join(' ')).toBe('usage');
      expect(error.message, args.join(' ')).not.toMatch(/Usage:|\n/);
    }
    expect((await failure(2, 'search', '--json')).message).toBe('give the words to search for');
    expect((await failure(2, 'lsit', '--json')).message).toBe('unknown command "lsit". Did you mean "list"?');
  });

  it('says a refusal with its kind and code, and a damaged project with the commands to run next, exit 1', async () => {
    expect(await failure(1, 'annotate', 'list', '--json', '--source', 'nowhere-1999')).toEqual({
      kind: 'not-found',
      message: 'There is no source "nowhere-1999" in the corpus. See apparatus list for the ids.',
    });
    expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Bucharest')).code).toBe(0);
    expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'personality cult')).code).toBe(0);
    scribble(join(project, 'project.sqlite'), 0, 100, 9);
    const damaged = await failure(1, 'annotate', 'list', '--json');
    expect(damaged).toMatchObject({ kind: 'storage', code: 'corrupt', message: expect.stringMatching(/is damaged and cannot be opened/) });
    expect(damaged.next).toEqual([expect.stringMatching(/^To restore the newest copy: apparatus project restore project\.auto-\S+\.sqlite$/), 'To see every copy: apparatus project backups', 'To go on with the project as it is: apparatus project accept']);
    expect(await failure(1, 'search', 'Hoxha', '--json')).toMatchObject({ kind: 'storage', code: 'project-missing' });
  });

  it('keeps the words and the usage without --json, and after "--" --json is a word to search for', async () => {
    const words = await cli('list', 'everything');
    expect(words).toMatchObject({ code: 2, stdout: '' });
    expect(words.stderr).toMatch(/^apparatus list: unexpected "everything": list takes only options\n\nUsage: apparatus list/);
    expect((await cli('search', '--', '--json')).stderr).not.toMatch(/^\{/);
  });

  it('prints only the JSON object on stderr from a real process', () => {
    const result = spawnSync(process.execPath, [CLI, 'search', 'Hoxha', '--json', '--limit', 'many', '--corpus', CORPUS_DIR, '--project', project], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('{"error":{"kind":"usage","message":"--limit needs a whole number of hits, 1 or more (got \\"many\\")"}}\n');
  });
});

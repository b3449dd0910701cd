/**
 * The command line's arguments as a historian types them, mistakes included: every mistake is
 * refused in plain words with exit code 2 and the usage, never with Node's parser's wording.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';
import { CORPUS_DIR } from '../../support/services.ts';

describe('apparatus arguments', () => {
  let root: string;
  const cli = (...args: string[]) => run([...args, '--corpus', CORPUS_DIR], { env: { APPARATUS_PROJECT: join(root, 'project') }, cwd: root, platform: 'linux' });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-cli-arguments-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** The first line of a usage error, which must be plain words, followed by the command's usage. */
  async function refused(...args: string[]): Promise<string> {
    const outcome = await cli(...args);
    expect(outcome.code, outcome.stderr).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/\n\nUsage:/);
    return outcome.stderr.split('\n')[0] as string;
  }

  describe('options', () => {
    it('takes a value that starts with one "-", and the command judges it', async () => {
      expect(await refused('search', 'Hoxha', '--limit', '-3')).toBe('apparatus search: --limit needs a whole number of hits, 1 or more (got "-3")');
      const added = await cli('annotate', 'add', 'edemskiy-2019', '--quote', '-Moscow');
      expect(added).toMatchObject({ code: 1, stderr: 'apparatus annotate: The text “-Moscow” is not in edemskiy-2019.\n' });
    });

    it('says which option needs a value, given last or followed by another option', async () => {
      const needs = 'apparatus search: --limit needs a value (--limit VALUE, or --limit=VALUE for a value that starts with "--")';
      expect(await refused('search', 'Hoxha', '--limit')).toBe(needs);
      expect(await refused('annotate', 'add', 'edemskiy-2019', '--quote', '--note', 'a note')).toBe(
        'apparatus annotate: --quote needs a value (--quote VALUE, or --quote=VALUE for a value that starts with "--")',
      );
    });

    it('refuses a value given to a switch', async () => {
      // A script that gave --json reads the refusal as JSON (see json-errors.test.ts).
      expect(JSON.parse((await cli('list', '--json=false')).stderr)).toEqual({ error: { kind: 'usage', message: '--json takes no value (give --json alone)' } });
    });

    it('refuses an option given twice with different values, and takes it twice the same', async () => {
      expect(await refused('export', '--format', 'md', '--out', join(root, 'a.md'), '--format', 'docx')).toBe(
        'apparatus export: --format was given twice, as "md" and as "docx": give it once',
      );
      expect(await refused('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow', '--quote', 'Tirana')).toMatch(/--quote was given twice/);
      expect((await cli('list', '--json', '--json')).code).toBe(0);
      expect((await cli('search', 'Hoxha', '--limit', '2', '--limit=2')).code).toBe(0);
    });

    it('lists by one tag, refusing two rather than listing by the first alone', async () => {
      expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow', '--tag', 'Moscow', '--tag', 'Cities')).code).toBe(0);
      expect(await refused('annotate', 'list', '--tag', 'Tirana', '--tag', 'Moscow')).toBe('apparatus annotate: annotate list takes one --tag (the tags below it are included)');
      expect(JSON.parse((await cli('annotate', 'list', '--tag', 'Cities', '--json')).stdout)).toHaveLength(1);
    });

    it('names the option meant by a misspelt one, and says how to give a word starting with "-"', async () => {
      expect(await refused('annotate', 'add', 'edemskiy-2019', '--qoute', 'Moscow')).toBe("apparatus annotate: Unknown option '--qoute'. Did you mean --quote?");
      expect(await refused('tag', 'rename', 'Conferences', '-meetings')).toBe(
        'apparatus tag: unknown option "-meetings": options start with "--"; to give a word that starts with "-", put "--" before it (-- -meetings)',
      );
    });

    it('refuses an empty folder rather than working in the current one or in the app’s project', async () => {
      expect(await refused('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow', '--project', '')).toBe('apparatus annotate: --project needs a folder, not an empty value');
      const corpus = await run(['list', '--corpus', ' '], { env: {}, cwd: root, platform: 'linux' });
      expect(corpus).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^apparatus list: --corpus needs a folder, not an empty value\n\nUsage:/) });
      expect(await refused('search', 'Hoxha', '--cache', '')).toBe('apparatus search: --cache needs a folder, not an empty value');
      expect(readdirSync(root)).toEqual([]);
      expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow')).code).toBe(0);
      expect(await refused('annotate', 'list', '--tag', '')).toBe('apparatus annotate: --tag needs the name of a tag, not an empty value');
      // An empty $APPARATUS_CORPUS is no corpus given: ./corpus, not the current folder.
      const unset = await run(['list'], { env: { APPARATUS_CORPUS: '', APPARATUS_PROJECT: join(root, 'project') }, cwd: root, platform: 'linux' });
      expect(unset).toMatchObject({ code: 1, stderr: `apparatus list: The corpus folder cannot be read: ${join(root, 'corpus')}\n` });
    });
  });
  describe('commands, actions and words', () => {
    it('takes --help after "--" as a word, not as a request for the usage', async () => {
      expect((await cli('tag', 'rename', '--help')).stdout).toMatch(/^Usage:/);
      // Options first: after "--" every word is the command's.
      const words = (command: string, ...args: string[]) => run([command, '--corpus', CORPUS_DIR, ...args], { env: { APPARATUS_PROJECT: join(root, 'project') }, cwd: root, platform: 'linux' });
      const searched = await words('search', '--', '--help');
      expect(searched.code, searched.stderr).toBe(0);
      expect(searched.stdout).not.toMatch(/Usage:/);
      expect((await cli('annotate', 'add', 'edemskiy-2019', '--tag', 'Moscow', '--quote', 'Moscow')).code).toBe(0);
      expect(await words('tag', 'rename', 'Moscow', '--', '-h')).toMatchObject({ code: 0, stdout: expect.not.stringMatching(/Usage:/) });
      expect((await cli('tag', 'list')).stdout).toMatch(/^-h\t1/);
    });

    it('names the command or action meant by a misspelt one', async () => {
      const command = await cli('serach', 'Hoxha');
      expect(command.code).toBe(2);
      expect(command.stderr).toMatch(/^apparatus: unknown command "serach"\. Did you mean "search"\?\n\nUsage: apparatus <command>/);
      expect(await refused('project', 'chek')).toBe('apparatus project: unknown action "chek". Did you mean "check"?');
      expect(await refused('annotate', 'lsit')).toBe('apparatus annotate: unknown action "lsit". Did you mean "list"?');
      expect(await refused('tag', 'remane', 'a', 'b')).toBe('apparatus tag: unknown action "remane". Did you mean "rename"?');
      expect(await refused('project', 'frobnicate')).toBe('apparatus project: unknown action "frobnicate".');
      expect(await refused('refs', 'lsit')).toBe('apparatus refs: unknown action "lsit". Did you mean "list"?');
      expect(await refused('zotero', 'imprt', 'ABCD1234')).toBe('apparatus zotero: unknown action "imprt". Did you mean "import"?');
      expect(await refused('annotations', 'imprt', 'notes.json')).toBe('apparatus annotations: unknown action "imprt". Did you mean "import"?');
    });

    it('refuses a word too many instead of leaving it out', async () => {
      expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow')).code).toBe(0);
      // Without --source, the id would list every source's annotations as if they were this one's.
      expect(await refused('annotate', 'list', 'pilaca-nako-2021')).toBe('apparatus annotate: unexpected "pilaca-nako-2021": annotate list takes its source with --source ID');
      expect(await refused('tag', 'rename', 'Cold', 'War', 'Cold War')).toBe(
        'apparatus tag: unexpected "Cold War": tag rename takes two tag names (quote a name of several words)',
      );
      expect(await refused('list', 'edemskiy-2019')).toBe('apparatus list: unexpected "edemskiy-2019": list takes only options');
      expect(await refused('export', '--format', 'md', 'notes.md')).toBe('apparatus export: unexpected "notes.md": export takes only options (the file goes after --out)');
      expect(await refused('cite', 'edemskiy-2019')).toBe('apparatus cite: unexpected "edemskiy-2019": cite takes only options (a source goes after --source)');
      expect(await refused('project', 'check', 'now')).toBe('apparatus project: unexpected "now": check takes no other words');
      expect(await refused('refs', 'list', 'edemskiy-2019')).toBe('apparatus refs: unexpected "edemskiy-2019": refs list takes only options');
    });

    it('refuses an option the action does not take instead of ignoring it', async () => {
      expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow')).code).toBe(0);
      // Ignored, --quote would list every annotation as if they quoted Moscow.
      expect(await refused('annotate', 'list', '--quote', 'Tirana')).toBe('apparatus annotate: --quote does not go with annotate list, which takes --source, --tag, --json');
      expect(await refused('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow', '--source', 'pilaca-nako-2021')).toBe(
        'apparatus annotate: --source does not go with annotate add, which takes --quote, --occurrence, --tag, --note, --color',
      );
      expect(JSON.parse((await cli('project', 'accept', '--json')).stderr).error.message).toBe('--json does not go with project accept, which takes no options');
      expect(await refused('project', 'check', '--latest')).toBe('apparatus project: --latest does not go with project check, which takes --json');
      expect(JSON.parse((await cli('tag', 'delete', 'Moscow', '--json')).stderr).error.message).toBe('--json does not go with tag delete, which takes no options');
      expect(JSON.parse((await cli('annotate', 'list', '--json')).stdout)).toHaveLength(1);
    });

    it('refuses a --timeout that sync would not keep', async () => {
      // Without --once, sync runs until stopped: the limit asked for was ignored without a word.
      expect(await refused('sync', '--timeout', '5')).toBe('apparatus sync: --timeout goes with --once: without --once, sync keeps syncing until stopped');
      expect(await refused('sync', 'status', '--timeout', '5')).toBe('apparatus sync: sync status takes no --timeout');
      expect(await refused('sync', 'status', '--once')).toBe('apparatus sync: sync status takes no --once');
    });

    it('shows a command\'s usage for -h as for --help', async () => {
      const help = await cli('project', '-h');
      expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage:\n {2}apparatus project check/), stderr: '' });
      expect(help).toEqual(await cli('project', '--help'));
    });
  });
  describe('numbers', () => {
    it('takes a count written in digits only', async () => {
      for (const count of ['0x2', '1e0', ' 2', '2.0', '-1', '0']) {
        expect(await refused('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow', '--occurrence', count), count).toBe(
          `apparatus annotate: --occurrence must be a whole number from 1 (got "${count}")`,
        );
      }
      const second = await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow', '--occurrence', '2', '--note', 'the second');
      expect(second.code, second.stderr).toBe(0);
    });
  });
  describe('source ids', () => {
    it('names the nearest ids to one the corpus does not hold, wherever an id is given', async () => {
      const near = 'There is no source "edemskiy-2091" in the corpus. Did you mean "edemskiy-2019"?\n';
      expect(await cli('annotate', 'add', 'edemskiy-2091', '--quote', 'Moscow')).toMatchObject({ code: 1, stderr: `apparatus annotate: ${near}` });
      expect(await cli('cite', '--source', 'edemskiy-2091')).toMatchObject({ code: 1, stderr: `apparatus cite: ${near}` });
      const out = join(root, 'notes.md');
      expect(await cli('export', '--format', 'md', '--out', out, '--scope', 'source:edemskiy-2091')).toMatchObject({ code: 1, stderr: `apparatus export: ${near}` });
      expect(await cli('annotate', 'add', 'nothing-like-it', '--quote', 'Moscow')).toMatchObject({
        code: 1,
        stderr: 'apparatus annotate: There is no source "nothing-like-it" in the corpus. See apparatus list for the ids.\n',
      });
    });

    it('refuses to list the annotations of a source the corpus does not hold, instead of listing none', async () => {
      expect((await cli('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow')).code).toBe(0);
      expect(await cli('annotate', 'list', '--source', 'edemskiy-2091')).toMatchObject({
        code: 1,
        stdout: '',
        stderr: 'apparatus annotate: There is no source "edemskiy-2091" in the corpus. Did you mean "edemskiy-2019"?\n',
      });
      expect(await cli('annotate', 'list', '--source', 'pilaca-nako-2021')).toMatchObject({ code: 0, stdout: '' });
    });

    it('still lists the highlights kept for a source that has left the corpus', async () => {
      const corpus = join(root, 'corpus');
      cpSync(CORPUS_DIR, corpus, { recursive: true });
      const inCopy = (...args: string[]) => run([...args, '--corpus', corpus], { env: { APPARATUS_PROJECT: join(root, 'project') }, cwd: root, platform: 'linux' });
      expect((await inCopy('annotate', 'add', 'edemskiy-2019', '--quote', 'Moscow')).code).toBe(0);
      rmSync(join(corpus, 'edemskiy-2019.md'));
      const listed = await inCopy('annotate', 'list', '--source', 'edemskiy-2019', '--json');
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ sourceId: 'edemskiy-2019', sourceMissing: true })]);
    });
  });

  describe('long arguments', () => {
    it('highlights a long passage pasted from a source, as the source reads it', async () => {
      const text = readingText(new CorpusService(CORPUS_DIR).get('edemskiy-2019')).text;
      const from = text.indexOf(' ', 1000) + 1;
      const passage = text.slice(from, text.lastIndexOf(' ', from + 40_000));
      expect(passage.split(/\s+/).length).toBeGreaterThan(5_000);
      const added = await cli('annotate', 'add', 'edemskiy-2019', '--quote', passage.replace(/\s+/g, ' '));
      expect(added.code, added.stderr.slice(0, 300)).toBe(0);
      const [listed] = JSON.parse((await cli('annotate', 'list', '--json')).stdout) as { quote: { exact: string } }[];
      expect(listed?.quote.exact).toBe(passage);
    });
  });
});

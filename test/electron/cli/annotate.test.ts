import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli.ts';
import { CORPUS_DIR } from '../../support/services.ts';

describe('apparatus annotate and apparatus tag', () => {
  let project: string;
  const cli = (...args: string[]) => run(args, { env: { APPARATUS_PROJECT: project }, cwd: '/', platform: 'linux' });
  const listJson = async (...args: string[]) => JSON.parse((await cli('annotate', 'list', '--json', '--corpus', CORPUS_DIR, ...args)).stdout);
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'apparatus-cli-'));
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('adds a highlight on the Nth occurrence of a quotation, with tags, note and colour', async () => {
    const added = await cli('annotate', 'add', 'edemskiy-2019', '--corpus', CORPUS_DIR, '--quote', 'personality cult', '--occurrence', '2', '--tag', 'Stalin', '--tag', 'Cult', '--note', 'Check the Russian.', '--color', 'blue');
    expect(added.code).toBe(0);
    const [annotation] = await listJson();
    expect(annotation).toMatchObject({ sourceId: 'edemskiy-2019', quote: { exact: 'personality cult' }, note: 'Check the Russian.', color: 'blue', anchor: 'anchored' });
    const first = (await listJson())[0].position.start;
    await cli('annotate', 'add', 'edemskiy-2019', '--corpus', CORPUS_DIR, '--quote', 'personality cult');
    const starts = (await listJson()).map((a: { position: { start: number } }) => a.position.start);
    expect(Math.min(...starts)).toBeLessThan(first);
  });

  it('says how often a quotation occurs when the occurrence asked for does not exist', async () => {
    const outcome = await cli('annotate', 'add', 'edemskiy-2019', '--corpus', CORPUS_DIR, '--quote', 'personality cult', '--occurrence', '9');
    expect(outcome).toMatchObject({ code: 1, stderr: 'apparatus annotate: The text “personality cult” occurs 3 times in edemskiy-2019, not 9.\n' });
    expect(await listJson()).toEqual([]);
  });

  it('finds a quotation pasted with doubled spaces or a line break, and saves the source’s own words', async () => {
    const added = await cli('annotate', 'add', 'wikipedia-split', '--corpus', CORPUS_DIR, '--quote', 'Soviet–Albanian  split\nrefers to');
    expect(added.code).toBe(0);
    const [annotation] = await listJson();
    expect(annotation.quote.exact).toBe('Soviet–Albanian split refers to');
    expect(annotation.position.end - annotation.position.start).toBe('Soviet–Albanian split refers to'.length);
  });

  it('refuses a quotation of spaces alone, saving nothing', async () => {
    for (const quote of [' ', '   ', '\n\t']) {
      const outcome = await cli('annotate', 'add', 'wikipedia-split', '--corpus', CORPUS_DIR, '--quote', quote);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain('--quote holds only spaces: give the words to highlight');
    }
    expect(await listJson()).toEqual([]);
  });

  it('lists by source and by tag, including child tags', async () => {
    await cli('annotate', 'add', 'edemskiy-2019', '--corpus', CORPUS_DIR, '--quote', 'Bucharest', '--tag', 'Conferences');
    await cli('annotate', 'add', 'wikipedia-split', '--corpus', CORPUS_DIR, '--quote', 'Bucharest', '--tag', 'Other');
    expect(await listJson('--source', 'wikipedia-split')).toHaveLength(1);
    expect(await listJson('--tag', 'conferences')).toHaveLength(1);
    expect((await cli('annotate', 'list', '--tag', 'nope', '--corpus', CORPUS_DIR)).stderr).toContain('There is no tag “nope”.');
  });

  it('deletes an annotation by id', async () => {
    await cli('annotate', 'add', 'edemskiy-2019', '--corpus', CORPUS_DIR, '--quote', 'Bucharest');
    const [annotation] = await listJson();
    expect((await cli('annotate', 'delete', annotation.id, '--corpus', CORPUS_DIR)).code).toBe(0);
    expect(await listJson()).toEqual([]);
  });

  it('renames, merges, lists and deletes tags, and every annotation follows', async () => {
    await cli('annotate', 'add', 'edemskiy-2019', '--corpus', CORPUS_DIR, '--quote', 'Bucharest', '--tag', 'Bucharest', '--tag', 'Kremlin');
    expect((await cli('tag', 'rename', 'kremlin', 'Moscow')).stdout).toBe('renamed “Kremlin” to “Moscow” (1 annotation)\n');
    expect((await cli('tag', 'merge', 'Bucharest', 'Moscow')).code).toBe(0);
    const tags = JSON.parse((await cli('tag', 'list', '--json')).stdout);
    expect(tags).toEqual([expect.objectContaining({ name: 'Moscow', usage: 1 })]);
    expect((await listJson())[0].tags).toEqual([tags[0].id]);
    expect((await cli('tag', 'delete', 'Moscow')).stdout).toBe('deleted “Moscow” (removed from 1 annotation)\n');
    expect((await listJson())[0].tags).toEqual([]);
  });

  it('refuses a usage error with exit code 2', async () => {
    expect((await cli('annotate', 'add', 'edemskiy-2019', '--corpus', CORPUS_DIR)).code).toBe(2);
    expect((await cli('annotate', 'add', 'edemskiy-2019', '--corpus', CORPUS_DIR, '--quote', 'x', '--color', 'mauve')).code).toBe(2);
    expect((await cli('tag', 'frobnicate')).code).toBe(2);
  });
});

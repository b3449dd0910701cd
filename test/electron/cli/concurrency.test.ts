/**
 * Several `apparatus` commands at once on one project, each its own process, as a user's script
 * or two terminals would run them: on a new project every one succeeds, and two commands adding
 * the same new tag share one tag.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../support/services.ts';
import { runCli } from '../../support/store-processes.ts';

const TRIALS = Math.max(1, Number(process.env.APPARATUS_CLI_RACE_TRIALS ?? 1) || 1);
const QUOTES = ['Bucharest', 'personality cult', 'Khrushchev', 'Albania', 'Moscow', 'Tirana'];

describe('apparatus commands running at the same time', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'apparatus-cli-race-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const cli = (project: string, ...args: string[]) => runCli([...args, '--project', project, '--corpus', CORPUS_DIR]);
  const listJson = async (project: string) => {
    const outcome = await cli(project, 'annotate', 'list', '--json');
    expect(outcome.code, outcome.stderr).toBe(0);
    return JSON.parse(outcome.stdout) as { quote: { exact: string }; tags: string[] }[];
  };

  it(`saves all 6 highlights added in parallel to a new project (${TRIALS} trials)`, async () => {
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const project = join(root, `six-${trial}`);
      const outcomes = await Promise.all(QUOTES.map((quote) => cli(project, 'annotate', 'add', 'edemskiy-2019', '--quote', quote)));
      outcomes.forEach((outcome, i) => expect(outcome.code, `trial ${trial}, “${QUOTES[i]}”: ${outcome.stderr}`).toBe(0));
      const saved = await listJson(project);
      expect(saved.map((a) => a.quote.exact).sort(), `trial ${trial}`).toEqual([...QUOTES].sort());
    }
  }, TRIALS * 60_000);

  it(`lets commands add the same new tag at once, ending with one tag they all use (${TRIALS} trials)`, async () => {
    const spellings = ['Shared', 'shared', 'SHARED', 'Shared '];
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const project = join(root, `tag-${trial}`);
      // The project exists already, so the commands reach the tag at nearly the same moment.
      expect((await cli(project, 'tag', 'list')).code).toBe(0);
      const outcomes = await Promise.all(
        spellings.map((tag, i) => cli(project, 'annotate', 'add', 'edemskiy-2019', '--quote', QUOTES[i] as string, '--tag', tag)),
      );
      outcomes.forEach((outcome) => expect(outcome.code, `trial ${trial}: ${outcome.stderr}`).toBe(0));
      const tags = await cli(project, 'tag', 'list', '--json');
      const parsed = JSON.parse(tags.stdout) as { id: string; name: string; usage: number }[];
      expect(parsed, `trial ${trial}`).toEqual([expect.objectContaining({ usage: spellings.length })]);
      expect(parsed[0]?.name.toLowerCase()).toBe('shared');
      expect((await listJson(project)).map((a) => a.tags)).toEqual(spellings.map(() => [parsed[0]?.id]));
    }
  }, TRIALS * 60_000);
});

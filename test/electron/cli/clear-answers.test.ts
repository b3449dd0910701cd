import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli.ts';
import { makeTempCorpus, type TempCorpus } from '../import/temp-corpus.ts';

describe('answers that stay readable whatever the input', () => {
  let temp: TempCorpus;
  beforeEach(() => {
    temp = makeTempCorpus();
  });
  afterEach(() => temp.remove());
  const context = () => ({ env: {}, cwd: temp.root, platform: 'linux' as const });

  it('list keeps a source on one line when its title and short title hold line breaks and tabs', async () => {
    const file = join(temp.corpus, 'resexcellence-2021.md');
    const text = readFileSync(file, 'utf8')
      .replace('title: Agreement from Which Albania Withdrew in 1968', 'title: "Agreement from Which\\nAlbania Withdrew\\tin 1968"')
      .replace('title-short: Agreement from Which Albania Withdrew', 'title-short: "Agreement\\nfrom Which"');
    writeFileSync(file, text);
    const outcome = await run(['list', '--corpus', 'corpus'], context());
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.split('\n').filter((line) => line !== '')).toEqual([
      expect.stringMatching(/^resexcellence-2021\t[^\t\n]+\tAgreement from Which\t2021\tderivative$/),
    ]);
  });

  it('search does not echo a 100 KB query back whole', async () => {
    const query = 'zqxv '.repeat(20_000);
    const outcome = await run(['search', query, '--corpus', 'corpus', '--project', 'project'], context());
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(`No passages match "${'zqxv '.repeat(15)}zqxv…".\n`);
  }, 60_000);
});

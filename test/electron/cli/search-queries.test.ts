import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteAt } from '../../../core/annotate/describe.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { run } from '../../../electron/cli.ts';
import { splitQueryArgs } from '../../../electron/cli/search.ts';
import { openProjectStore } from '../../../electron/services/store/index.ts';
import { makeSearchFolders, type SearchFolders } from '../search/search-fixture.ts';

let f: SearchFolders;
let projectDir: string;
let context: { env: Record<string, string | undefined>; cwd: string; platform: 'linux' };
const search = (...args: string[]) => run(['search', '--project', projectDir, ...args], context);

beforeAll(async () => {
  f = makeSearchFolders();
  projectDir = join(f.root, 'project');
  const store = openProjectStore(join(projectDir, 'project.sqlite'));
  const purges = store.createTag('Purges');
  const trials = store.createTag('Show trials', 'blue', purges.id);
  const source = parseSource(readFileSync(join(f.corpus, 'edemskiy-2019.md'), 'utf8'));
  const exact = 'the naval base at Vlora';
  const text = readingText(source).text;
  const start = text.indexOf(exact);
  // The quote with its context, as the app saves one: the phrase occurs four times in the source.
  store.create({ sourceId: 'edemskiy-2019', quote: quoteAt(text, start, start + exact.length), position: { start, end: start + exact.length }, tags: [trials.id] });
  store.close();
  context = { env: { APPARATUS_CORPUS: f.corpus }, cwd: f.root, platform: 'linux' };
  await search('hoxha');
});
afterAll(() => f.remove());

describe('apparatus search: what a searcher expects', () => {
  it('suggests the spellings the library holds when nothing matches', async () => {
    expect(await search('khruschev')).toEqual({ code: 0, stdout: 'No passages match "khruschev".\nDid you mean "Khrushchev"?\n', stderr: '' });
    expect((await search('mikoyen')).stdout).toContain('Did you mean "Mikoyan"');
    const json = await search('mikoyen', '--json');
    expect(json).toMatchObject({ code: 0, stdout: '[]\n', stderr: expect.stringContaining('Did you mean "Mikoyan"') });
  });

  it('suggests a spelling inside a quoted phrase, quoted as it would be typed at the shell', async () => {
    expect(await search('"Enver Hoxa"')).toEqual({ code: 0, stdout: `No passages match '"Enver Hoxa"'.\nDid you mean '"Enver Hoxha"'?\n`, stderr: '' });
  });

  it('lists the passages of a tag, including its child tags, with quote, source and page', async () => {
    const outcome = await search('tag:purges');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961 (edemskiy-2019)');
    expect(outcome.stdout).toMatch(/ {2}p\. 379 · annotation [0-9a-f-]+ · tags: Show trials\n {4}the naval base at Vlora\n/);
  });

  it('matches source: against container titles and authors', async () => {
    const sources = async (query: string) =>
      [...new Set((JSON.parse((await search(query, '--json', '--limit', '500')).stdout) as { sourceId: string }[]).map((hit) => hit.sourceId))].sort();
    expect(await sources('source:wikipedia Hoxha')).toEqual(['wikipedia-split']);
    expect(await sources('source:edemskiy Khrushchev')).toEqual(['edemskiy-2019', 'memorie-kapo']);
  });

  it('notes an unknown field instead of finding nothing', async () => {
    const outcome = await search('title:Hoxha');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/matching passages\.\n$/);
    expect(outcome.stderr).toMatch(/^apparatus search: "title:" is not a field Apparatus knows .* use source:Hoxha\.\n$/);
  });

  it('takes words starting with "-" as words to leave out, before or after "--"', async () => {
    const hits = async (...args: string[]) => (JSON.parse((await search('--json', '--limit', '500', ...args)).stdout) as { blockId: string }[]).length;
    const all = await hits('Hoxha');
    const withoutTito = await hits('Hoxha', '-Tito');
    expect(withoutTito).toBeGreaterThan(0);
    expect(withoutTito).toBeLessThan(all);
    expect(await hits('-Tito', 'Hoxha')).toBe(withoutTito);
    expect(await hits('--', 'Hoxha', '-Tito')).toBe(withoutTito);
    const alone = await search('--', '-hoxha');
    expect(alone).toEqual({
      code: 0,
      stdout: 'No passages match "-hoxha".\n',
      stderr: 'apparatus search: A search cannot only leave words out: add a word to look for, as in Hoxha -Tito.\n',
    });
    expect(await search('-hoxha')).toEqual(alone);
  });

  it('still refuses unknown options', async () => {
    expect(await search('Hoxha', '--frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--frobnicate'") });
    expect(splitQueryArgs(['--limit', '5', '-x', 'a', '--json', '--', '--limit'])).toEqual({ options: ['--limit', '5', '--json'], words: ['-x', 'a', '--limit'] });
  });
});

/**
 * Faults of the search cache, caused from outside the process as they happen to users: a cache
 * folder that cannot be written, a full disk, damaged files, and two `apparatus search` processes
 * sharing one cache. Every case runs the real command line in its own process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchService } from '../../../electron/services/search/search-service.ts';
import { CorpusService } from '../../../electron/services/corpus-service.ts';
import { decodeSegmentFile } from '../../../electron/services/search/segment-file.ts';
import { writeGeneratedLibrary, writeGeneratedSource } from './generated-library.ts';
import { makeSearchFolders, type SearchFolders } from './search-fixture.ts';

const CLI = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));
const QUERY = ['Khrushchev', 'Albania', '--json', '--limit', '50'];

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `apparatus search` in a new process; `limitKb` caps the size of any file it writes. */
function searchProcess(args: readonly string[], options: { limitKb?: number } = {}): Promise<Outcome> {
  const command =
    options.limitKb === undefined
      ? [process.execPath, CLI, 'search', ...args]
      : // A full disk, as the process sees it: writes past the limit fail with EFBIG.
        ['/bin/sh', '-c', `trap '' XFSZ; ulimit -f ${options.limitKb * 2}; exec "$0" "$@"`, process.execPath, CLI, 'search', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0] as string, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file under `folder`, recursively (none when it does not exist). */
function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

const made: SearchFolders[] = [];
afterEach(() => {
  for (const folders of made.splice(0)) folders.remove();
});

function folders(): SearchFolders {
  const created = makeSearchFolders();
  made.push(created);
  return created;
}

const argsFor = (f: SearchFolders, cache: string) => [...QUERY, '--corpus', f.corpus, '--cache', cache, '--project', join(f.root, 'no-project')];

// Each case starts several Node processes, which takes seconds on a small machine.
const PROCESSES = 60_000;

describe('a search cache that cannot be used', () => {
  it('answers from memory when the cache folder cannot be written, and says so', async () => {
    const f = folders();
    const good = await searchProcess(argsFor(f, f.cache));
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(good.stdout) as unknown[]).length).toBeGreaterThan(0);
    // A file where the cache folder should be: no folder can be made there, even by root.
    const blocked = join(f.root, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const outcome = await searchProcess(argsFor(f, blocked));
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(good.stdout);
    expect(outcome.stderr).toMatch(/^apparatus search: warning: The search index could not be saved in .*blocked.* Searching works from memory/m);
    expect(filesUnder(f.root).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  }, PROCESSES);

  it('answers from memory when the disk is full, leaving no temporary files, and recovers later', async () => {
    const f = folders();
    const good = await searchProcess(argsFor(f, join(f.root, 'reference')));
    const outcome = await searchProcess(argsFor(f, f.cache), { limitKb: 8 });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(good.stdout);
    expect(outcome.stderr).toMatch(/warning: The search index could not be saved .*\(the disk is full\)/);
    expect(filesUnder(f.cache).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    // With room again, the next search saves the index, and the one after reads it.
    expect(await searchProcess(argsFor(f, f.cache))).toEqual({ ...good, code: 0 });
    const report = await new SearchService(new CorpusService(f.corpus), f.cache, () => [], { log: () => {} }).ready();
    expect(report.built).toEqual([]);
  }, PROCESSES);

  it('rebuilds damaged files without changing a result', async () => {
    const f = folders();
    const good = await searchProcess(argsFor(f, f.cache));
    const files = filesUnder(f.cache);
    expect(files.length).toBeGreaterThan(0);
    files.forEach((file, i) => {
      const bytes = readFileSync(file);
      // Truncated, bytes flipped in the middle, or replaced by something else entirely.
      if (i % 3 === 0) writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
      else if (i % 3 === 1) writeFileSync(file, Buffer.from(bytes.map((b, k) => (k > bytes.length / 2 && k < bytes.length / 2 + 8 ? b ^ 0x55 : b))));
      else writeFileSync(file, '{"format": "apparatus-search-segment"}');
    });
    expect(await searchProcess(argsFor(f, f.cache))).toEqual(good);
    for (const file of filesUnder(f.cache)) expect(() => decodeSegmentFile(readFileSync(file))).not.toThrow();
  }, PROCESSES);
});

describe('two processes sharing a cache', () => {
  it('never corrupt it: both answer alike, and the cache they leave is whole', async () => {
    const root = mkdtempSync(join(tmpdir(), 'apparatus-shared-cache-'));
    try {
      const corpus = join(root, 'corpus');
      // Enough sources for the default policy to merge (ten bulk segments of ten).
      const ids = writeGeneratedLibrary(corpus, 100);
      const cache = join(root, 'cache');
      const args = ['Khrushchev', 'naval', '--json', '--limit', '200', '--corpus', corpus, '--cache', cache, '--project', join(root, 'none')];
      const reference = await searchProcess([...args.slice(0, -4), '--cache', join(root, 'reference'), '--project', join(root, 'none')]);
      expect((JSON.parse(reference.stdout) as unknown[]).length).toBeGreaterThan(10);

      // A first build raced, then an edit of five sources raced (each round starts three processes).
      for (let round = 0; round < 2; round += 1) {
        if (round > 0) for (const id of ids.slice(round * 7, round * 7 + 5)) writeGeneratedSource(corpus, id, round);
        const expected = round === 0 ? reference : await searchProcess([...args.slice(0, -4), '--cache', join(root, `fresh${round}`), '--project', join(root, 'none')]);
        const [first, second] = await Promise.all([searchProcess(args), searchProcess(args)]);
        expect(first, `round ${round}`).toEqual(expected);
        expect(second, `round ${round}`).toEqual(expected);
        const files = filesUnder(cache);
        expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
        for (const file of files) expect(() => decodeSegmentFile(readFileSync(file)), file).not.toThrow();
        const service = new SearchService(new CorpusService(corpus), cache, () => [], { log: () => {} });
        const report = await service.ready();
        expect(report.built, `round ${round}`).toEqual([]);
        expect(service.search('Khrushchev naval', { limit: 200 }).hits.map((hit) => hit.ref)).toEqual(
          (JSON.parse(expected.stdout) as { sourceId: string; blockId: string }[]).map((hit) => `${hit.sourceId}#${hit.blockId}`),
        );
        await service.close();
      }
      expect(statSync(cache).isDirectory()).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});

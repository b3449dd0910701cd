import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppServices } from '../../../electron/services/app-services.ts';
import { makeTempCorpus, type TempCorpus } from './temp-corpus.ts';

const WRITER = fileURLToPath(new URL('../../support/import-writer.ts', import.meta.url));
const TRIALS = Number(process.env.APPARATUS_IMPORT_KILL_TRIALS ?? 4);

/** Names in the corpus folder, raw/ and recipes/ (hidden ones too). */
function everything(corpus: string): string[] {
  return ['', 'raw', 'recipes'].flatMap((sub) => (existsSync(join(corpus, sub)) ? readdirSync(join(corpus, sub)).map((name) => join(sub, name)) : []));
}

/** Starts the services as a process does at start; returns what they said. */
function start(corpus: string, root: string): string[] {
  const said: string[] = [];
  const services = new AppServices({ corpusFolder: corpus, projectFile: join(root, 'project', 'project.sqlite'), cacheFolder: join(root, 'cache'), log: (note) => said.push(String(note)) });
  void services.close();
  return said;
}

describe('an import killed while it writes leaves no trace once a process starts again', () => {
  let temp: TempCorpus;
  beforeEach(() => {
    temp = makeTempCorpus();
  });
  afterEach(() => temp.remove());

  it(`holds over ${TRIALS} imports SIGKILLed at a random moment (real processes)`, async () => {
    // Most of each import is writing its raw copy: 5 MB of link definitions around a short text.
    const links = Array.from({ length: 60_000 }, (_, i) => `[ref${i}]: https://example.org/archive/${'folder/'.repeat(8)}${i}`).join('\n');
    const file = temp.input('long-letter.md', `# A long letter\n\nThe delegation left Moscow early.\n\n${links}\n`);
    let interrupted = 0;
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const child = spawn(process.execPath, [WRITER, temp.corpus, file], { stdio: ['ignore', 'pipe', 'inherit'] });
      const acknowledged: string[] = [];
      await new Promise<void>((resolve) => {
        let killed = false;
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          acknowledged.push(...chunk.split('\n').filter((line) => line !== ''));
          if (!killed) {
            killed = true;
            setTimeout(() => child.kill('SIGKILL'), Math.random() * 300);
          }
        });
        child.on('exit', () => resolve());
      });
      const leftovers = everything(temp.corpus).filter((name) => /\.tmp$|\.pending$/.test(name));
      const said = start(temp.corpus, temp.root);
      if (leftovers.length > 0 || said.length > 0) interrupted += 1;
      const names = everything(temp.corpus);
      expect(names.filter((name) => /\.tmp$|\.pending$/.test(name))).toEqual([]);
      // Every import is whole or absent; every acknowledged one is whole.
      const ids = new Set(names.flatMap((name) => /letter-\d+/.exec(name)?.[0] ?? []));
      for (const id of ids) {
        const parts = [`${id}.md`, join('raw', `${id}.md`), join('recipes', `${id}.yml`)].map((name) => names.includes(name));
        expect(parts, id).toEqual([true, true, true]);
      }
      for (const id of acknowledged) expect(ids.has(id), id).toBe(true);
    }
    // The kills landed inside imports: there was something to sweep.
    expect(interrupted).toBeGreaterThan(0);
  }, 300_000);

  it('removes the raw copy and recipe of an import whose process died before its cleaned file, and says so', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    mkdirSync(join(temp.corpus, 'recipes'), { recursive: true });
    writeFileSync(join(temp.corpus, 'raw', 'hoxha-1960.txt'), 'The letter.\n');
    writeFileSync(join(temp.corpus, 'recipes', 'hoxha-1960.yml'), 'raw: hoxha-1960.txt\n');
    writeFileSync(
      join(temp.corpus, 'recipes', '.import-hoxha-1960.pending'),
      JSON.stringify({ pid, files: [join('raw', 'hoxha-1960.txt'), join('recipes', 'hoxha-1960.yml'), 'hoxha-1960.md'] }),
    );
    writeFileSync(join(temp.corpus, 'raw', `.hoxha-1960.txt.${pid}-0123456789ab.tmp`), 'half');
    const before = everything(temp.corpus);
    const said = start(temp.corpus, temp.root);
    expect(said).toEqual([
      `The import of “hoxha-1960” was interrupted before its cleaned source was written; its leftover ${join('raw', 'hoxha-1960.txt')} and ${join('recipes', 'hoxha-1960.yml')} were removed, and the corpus is as it was before. Import the file again.`,
      'Removed 1 temporary file left in the corpus folder by an Apparatus that was stopped while writing; no source was changed.',
    ]);
    expect(before.length - everything(temp.corpus).length).toBe(4);
    expect(everything(temp.corpus).some((name) => name.includes('hoxha'))).toBe(false);
  });

  it('never touches the files of an import still being written by a running process', () => {
    writeFileSync(join(temp.corpus, 'raw', 'busy.txt'), 'The letter.\n');
    writeFileSync(join(temp.corpus, 'recipes', '.import-busy.pending'), JSON.stringify({ pid: process.pid, files: [join('raw', 'busy.txt'), 'busy.md'] }));
    writeFileSync(join(temp.corpus, `.busy.md.${process.pid}-0123456789ab.tmp`), 'half');
    const before = everything(temp.corpus);
    expect(start(temp.corpus, temp.root)).toEqual([]);
    expect(everything(temp.corpus)).toEqual(before);
  });
});

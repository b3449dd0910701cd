import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, watch } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { apparatus } from '../../support/cli-process.ts';
import { longPdf } from '../../support/pdf-fixtures.ts';
import { makeTempCorpus, type TempCorpus } from '../import/temp-corpus.ts';

const CLI = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));
const PAGES = 1000;
// The id the import gives the source, from its title.
const ID = 'long-reports';

// Every file under `folder` (hidden ones included), relative to it, with its bytes.
function files(folder: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!existsSync(folder)) return out;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(folder, path), readFileSync(path));
    }
  };
  walk(folder);
  return out;
}

/** When, in an import, the user presses Ctrl-C. */
type Moment = { at: 'start' } | { at: 'page'; page: number } | { at: 'commit' };

interface Trial {
  /** The exit status as the user's shell reports it (130 for a process stopped by Ctrl-C). */
  status: number | null;
  /** What the terminal showed, both streams. */
  terminal: string;
}

// `apparatus import` on a pseudo-terminal (`script`, util-linux), as a user runs it in a shell: its
// page count shows there, and Ctrl-C is typed on that terminal, whose line discipline sends
// SIGINT to the foreground process, as when a user presses the keys.
function importAndPress(temp: TempCorpus, file: string, moment: Moment): Promise<Trial> {
  const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;
  const command = ['exec', process.execPath, CLI, 'import', file, '--title', 'Long Reports', '--corpus', 'corpus', '--project', 'project'].map((word, i) => (i === 0 ? word : quote(word))).join(' ');
  const { APPARATUS_CORPUS: _corpus, APPARATUS_PROJECT: _project, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: temp.root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let terminal = '';
    let pressed = false;
    const press = (): void => {
      if (pressed) return;
      pressed = true;
      child.stdin.write('\x03');
    };
    let watcher: ReturnType<typeof watch> | undefined;
    if (moment.at === 'start') press();
    if (moment.at === 'commit') {
      // The import marks itself in recipes/ before it writes its files: the moment it commits.
      watcher = watch(join(temp.corpus, 'recipes'), (_event, name) => {
        if (name?.endsWith('.pending')) press();
      });
    }
    child.stdout.on('data', (chunk: Buffer) => {
      terminal += chunk.toString('utf8');
      if (moment.at === 'page' && terminal.includes(`page ${moment.page.toLocaleString('en')} of`)) press();
    });
    child.on('error', reject);
    child.on('close', (status) => {
      watcher?.close();
      resolve({ status, terminal });
    });
  });
}

describe('Ctrl-C during `apparatus import FILE.pdf` (a real process on a terminal)', () => {
  let bytes: Uint8Array;
  let complete: { md: string; recipe: string };
  let reference: TempCorpus;
  beforeAll(async () => {
    bytes = await longPdf(PAGES);
    // The same import left to finish, to compare an interrupted one with.
    reference = makeTempCorpus();
    const done = apparatus(['import', reference.input('reports.pdf', bytes), '--title', 'Long Reports', '--corpus', 'corpus', '--project', 'project'], reference.root);
    expect(done.status, done.stderr).toBe(0);
    complete = {
      md: readFileSync(join(reference.corpus, `${ID}.md`), 'utf8'),
      recipe: readFileSync(join(reference.corpus, 'recipes', `${ID}.yml`), 'utf8'),
    };
  }, 120_000);
  afterAll(() => reference.remove());

  const moments: [string, Moment][] = [
    // Typed as the command is started: the terminal may pass it on before the program runs.
    ['as the command starts', { at: 'start' }],
    ['as it reads the first page', { at: 'page', page: 1 }],
    ['halfway through the pages', { at: 'page', page: PAGES / 2 }],
    ['when the last page is read, as the text is assembled', { at: 'page', page: PAGES }],
    ['as it writes the new source into the corpus', { at: 'commit' }],
  ];

  it.each(moments)('Ctrl-C %s leaves the corpus unchanged or holding the whole import, and nothing else', async (_when, moment) => {
    const temp = makeTempCorpus();
    try {
      const file = temp.input('reports.pdf', bytes);
      const corpusBefore = files(temp.corpus);
      const trial = await importAndPress(temp, file, moment);
      const corpusAfter = files(temp.corpus);
      const added = [...corpusAfter.keys()].filter((path) => !corpusBefore.has(path)).sort();
      // Whatever was there before is there still, byte for byte.
      for (const [path, data] of corpusBefore) expect(corpusAfter.get(path), path).toEqual(data);
      if (trial.status === 0) {
        // Too late to stop: the import is complete, as the uninterrupted one.
        expect(trial.terminal).toContain(`Imported “Long Reports” as pdf (${PAGES} blocks, 0 notes, ${PAGES} pages`);
        expect(added).toEqual([join('raw', `${ID}.pdf`), `${ID}.md`, join('recipes', `${ID}.yml`)].sort());
        expect(corpusAfter.get(join('raw', `${ID}.pdf`))).toEqual(Buffer.from(bytes));
        expect(corpusAfter.get(`${ID}.md`)?.toString('utf8')).toBe(complete.md);
        expect(corpusAfter.get(join('recipes', `${ID}.yml`))?.toString('utf8')).toBe(complete.recipe);
        expect(parseSource(complete.md).meta.csl.title).toBe('Long Reports');
      } else {
        expect(trial.status, trial.terminal).toBe(130);
        expect(added).toEqual([]);
        // Once the command has started, it says so; pressed before it has, the process just stops.
        if (moment.at !== 'start') expect(trial.terminal).toContain('apparatus import: The import of “reports.pdf” was cancelled; nothing was imported.');
        expect(trial.terminal).not.toMatch(/\bat .+\.ts:\d+/u);
      }
      // No temporary file, pending-import marker or project file is left behind.
      expect(files(join(temp.root, 'project'))).toEqual(new Map());
      // The next command finds nothing to repair or report.
      const list = apparatus(['list', '--corpus', 'corpus', '--project', 'project'], temp.root);
      expect(list.stderr).toBe('');
      expect(list.status).toBe(0);
      const ids = list.stdout.split('\n').filter(Boolean).map((row) => row.split('\t')[0]);
      expect(ids.sort()).toEqual(trial.status === 0 ? [ID, 'resexcellence-2021'] : ['resexcellence-2021']);
      expect(files(temp.corpus)).toEqual(corpusAfter);
    } finally {
      temp.remove();
    }
  }, 120_000);
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../core/annotate/describe.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { locate } from '../../../core/corpus/source-index.ts';
import { run } from '../../../electron/cli.ts';
import type { CliContext } from '../../../electron/cli/command.ts';
import { openProjectStore } from '../../../electron/services/store/index.ts';
import { AtomicWriteError, writeFileAtomic } from '../../../electron/services/atomic-write.ts';

const corpus = fileURLToPath(new URL('../../../corpus', import.meta.url));
const edemskiy = parseSource(readFileSync(join(corpus, 'edemskiy-2019.md'), 'utf8'));

let dir: string;
let context: CliContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'apparatus-export-command-'));
  context = { env: {}, cwd: dir, platform: 'linux' };
  const store = openProjectStore(join(dir, 'project', 'project.sqlite'));
  const text = locate(edemskiy).reading.text;
  store.create({ sourceId: edemskiy.id, ...describeRange(text, 5000, 5060) });
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function apparatus(...rest: string[]) {
  return run(['export', '--corpus', corpus, '--project', join(dir, 'project'), ...rest], context);
}

describe('apparatus export, options that do not fit', () => {
  it('refuses --style and --order for a reference-manager format, writing nothing', async () => {
    const styled = await apparatus('--format', 'bibtex', '--style', 'cmos17', '--out', 'a.bib');
    expect(styled.code).toBe(2);
    expect(styled.stderr).toContain("--style does not apply to bibtex: a reference-manager file holds the sources' metadata");
    const ordered = await apparatus('--format', 'ris', '--order', 'tag', '--out', 'a.ris');
    expect(ordered.code).toBe(2);
    expect(ordered.stderr).toContain('--order does not apply to ris');
    expect(readdirSync(dir)).toEqual(['project']);
  });

  it('writes a file whose extension does not fit the format, and warns of it', async () => {
    const outcome = await apparatus('--format', 'docx', '--out', 'x.md');
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe('apparatus export: warning: x.md does not end in .docx, but the export is a Word document (docx); programs may not open it as such.\n');
    expect(readFileSync(join(dir, 'x.md')).subarray(0, 2).toString()).toBe('PK');
    expect((await apparatus('--format', 'md', '--out', 'y.md')).stderr).toBe('');
  });

  it('says that --out names a folder, with or without --force, and leaves the folder as it was', async () => {
    mkdirSync(join(dir, 'drafts'));
    for (const force of [[], ['--force']]) {
      const outcome = await apparatus('--format', 'md', '--out', 'drafts', ...force);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toBe(`apparatus export: ${join(dir, 'drafts')} is a folder, not a file: give the name of the file to write (it may be inside that folder).\n`);
      expect(outcome.stderr).not.toMatch(/already exists|--force/);
    }
    expect(readdirSync(join(dir, 'drafts'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['drafts', 'project']);
  });
});

describe('writeFileAtomic given a folder', () => {
  it('refuses with a message that names the folder as a folder', () => {
    mkdirSync(join(dir, 'out.md'));
    const attempt = () => writeFileAtomic(join(dir, 'out.md'), new TextEncoder().encode('x'), { overwrite: true });
    expect(attempt).toThrow(AtomicWriteError);
    expect(attempt).toThrow(/out\.md is a folder, not a file/);
    expect(existsSync(join(dir, 'out.md'))).toBe(true);
  });
});

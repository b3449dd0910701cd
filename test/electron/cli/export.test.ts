import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../core/annotate/describe.ts';
import { parseSource } from '../../../core/corpus/parse-source.ts';
import { locate } from '../../../core/corpus/source-index.ts';
import type { CliContext } from '../../../electron/cli/command.ts';
import { exportCommand } from '../../../electron/cli/export.ts';
import { MIGRATIONS, openProjectStore } from '../../../electron/services/store/index.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const corpus = join(root, 'corpus');
const edemskiy = parseSource(readFileSync(join(corpus, 'edemskiy-2019.md'), 'utf8'));
const text = locate(edemskiy).reading.text;

let dir: string;
let context: CliContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'apparatus-export-'));
  context = { env: {}, cwd: dir, platform: 'linux' };
  const store = openProjectStore(join(dir, 'project', 'project.sqlite'));
  const tag = store.createTag('Moscow');
  const index = locate(edemskiy);
  const start = [...text].findIndex((_c, i) => index.pageAt(i) === '380') + 4;
  store.create({ sourceId: edemskiy.id, ...describeRange(text, start, start + 60), tags: [tag.id], note: 'A *key* passage.' });
  store.create({ sourceId: edemskiy.id, ...describeRange(text, start + 80, start + 140) });
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function args(...rest: string[]): string[] {
  return ['--corpus', corpus, '--project', join(dir, 'project'), ...rest];
}

describe('apparatus export', () => {
  it('writes annotated citations from the project store as Markdown', async () => {
    const outcome = await exportCommand.run(args('--format', 'md', '--out', 'notes.md'), context);
    expect(outcome).toMatchObject({ code: 0, stdout: `Wrote ${join(dir, 'notes.md')} (2 highlights from 1 source).\n` });
    const md = readFileSync(join(dir, 'notes.md'), 'utf8');
    expect(md).toContain('[^1]: Andrey Edemskiy, “Additional Evidence on the Final Break');
    expect(md).toContain('[^2]: Edemskiy, “Additional Evidence,” 380.');
    expect(md).toContain('A *key* passage.');
  });

  it('counts a highlight once when the export is grouped by tag and it carries two tags', async () => {
    const store = openProjectStore(join(dir, 'project', 'project.sqlite'));
    const [first] = store.list();
    const second = store.createTag('Vlora');
    store.update(first?.id ?? '', { tags: [...(first?.tags ?? []), second.id] });
    store.close();
    const outcome = await exportCommand.run(args('--format', 'md', '--order', 'tag', '--out', 'by-tag.md'), context);
    // Listed under each of its tags, the passage is still one highlight of the two.
    expect(outcome).toMatchObject({ code: 0, stdout: `Wrote ${join(dir, 'by-tag.md')} (2 highlights from 1 source).\n` });
  });

  it('exports from a project saved by an older Apparatus, updating it first', async () => {
    const file = join(dir, 'older', 'project.sqlite');
    openProjectStore(file, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const db = new DatabaseSync(file);
    const at = text.indexOf('the liberties taken by the Soviet side');
    const { quote, position } = describeRange(text, at, at + 38);
    db.prepare(
      `INSERT INTO annotations (id, source_id, exact, prefix, suffix, start, "end", color, note, created, modified, anchor)
       VALUES ('a1', ?, ?, ?, ?, ?, ?, 'yellow', '', '2025-03-01T09:00:00.000Z', '2025-03-01T09:00:00.000Z', 'anchored')`,
    ).run(edemskiy.id, quote.exact, quote.prefix, quote.suffix, position.start, position.end);
    db.close();
    const outcome = await exportCommand.run(['--corpus', corpus, '--project', join(dir, 'older'), '--format', 'md', '--out', 'old.md'], context);
    expect(outcome.code).toBe(0);
    expect(readFileSync(join(dir, 'old.md'), 'utf8')).toContain('the liberties taken by the Soviet side');
  });

  it('refuses to overwrite an existing file unless --force is given', async () => {
    writeFileSync(join(dir, 'notes.md'), 'mine');
    await expect(exportCommand.run(args('--format', 'md', '--out', 'notes.md'), context)).rejects.toMatchObject({
      code: 'file-exists',
    });
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('mine');
    const outcome = await exportCommand.run(args('--format', 'md', '--out', 'notes.md', '--force'), context);
    expect(outcome.code).toBe(0);
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toContain('[^1]:');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('exports a tag’s highlights as DOCX and the sources as BibTeX', async () => {
    await exportCommand.run(args('--format', 'docx', '--scope', 'tag:moscow', '--style', 'cmos17', '--out', 'a.docx'), context);
    expect(readFileSync(join(dir, 'a.docx')).subarray(0, 2).toString()).toBe('PK');
    await exportCommand.run(args('--format', 'bibtex', '--scope', 'source:edemskiy-2019', '--out', 'a.bib'), context);
    expect(readFileSync(join(dir, 'a.bib'), 'utf8')).toMatch(/^@article\{edemskiy-2019,/);
  });

  it('reports bad options as usage errors or typed errors', async () => {
    await expect(exportCommand.run(args('--format', 'md'), context)).rejects.toThrow('--out is required');
    await expect(exportCommand.run(args('--format', 'md', '--style', 'apa', '--out', 'x'), context)).rejects.toThrow('unknown style');
    await expect(exportCommand.run(args('--format', 'pdf', '--out', 'x'), context)).rejects.toMatchObject({ code: 'unknown-format' });
    await expect(exportCommand.run(args('--format', 'md', '--scope', 'tag:nope', '--out', 'x'), context)).rejects.toMatchObject({
      code: 'unknown-tag',
    });
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});

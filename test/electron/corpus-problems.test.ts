import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, ExportSummary, Result, SearchResults, SourceSummary } from '../../core/api.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { run } from '../../electron/cli.ts';
import type { CliContext } from '../../electron/cli/command.ts';
import { createHandlers, type Handler } from '../../electron/handlers.ts';
import { CorpusService } from '../../electron/services/corpus-service.ts';
import { CORPUS_DIR, openServices } from '../support/services.ts';

// One policy for a source file that cannot be parsed: listed everywhere with what is wrong and
// how to repair it (library, `apparatus list`, export, search), never silently left out.
const BROKEN = '---\nid: broken-1999\ntype: article-journal\ntitle: A Broken Source\nreliability: sometimes\n---\n\nSome text.\n';
const REASON = 'broken-1999.md cannot be read: its front matter has a problem at line 5: `reliability`: must be one of primary, secondary, tertiary, derivative (found "sometimes").';
const REPAIR = 'Open broken-1999.md in a text editor and correct the front matter at line 5, or remove the file from the corpus folder.';

describe('a corpus file with invalid front matter', () => {
  let folder: string;
  let corpus: string;
  let project: string;
  let context: CliContext;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-problems-'));
    corpus = join(folder, 'corpus');
    project = join(folder, 'project');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    writeFileSync(join(corpus, 'broken-1999.md'), BROKEN);
    context = { env: {}, cwd: folder, platform: 'linux' };
  });
  // The services' search thread may still be saving its cache as they close: retry as it finishes.
  afterEach(() => rmSync(folder, { recursive: true, force: true, maxRetries: 10 }));

  const cli = (...args: string[]) => run([...args, '--corpus', corpus, '--project', project], context);

  it('is listed in the library by its file name, with the reason and the repair', () => {
    const listed = new CorpusService(corpus).list();
    expect(listed).toHaveLength(6);
    expect(listed.find((source) => source.id === 'broken-1999')).toEqual({
      id: 'broken-1999',
      title: 'broken-1999.md',
      shortTitle: 'broken-1999.md',
      authors: null,
      year: null,
      reliability: 'secondary',
      derivativeOf: null,
      missing: [],
      problem: { reason: REASON, repair: REPAIR },
    } satisfies SourceSummary);
    expect(listed.filter((source) => source.problem === undefined)).toHaveLength(5);
  });

  it('is shown by `apparatus list` as unreadable with its reason, in text and JSON', async () => {
    const text = await cli('list');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')).toContain(`broken-1999\tcannot be read\t${REASON}\t${REPAIR}`);
    expect(text.stderr).toBe(`apparatus list: 1 source could not be read: ${REASON} ${REPAIR}\n`);
    const json = JSON.parse((await cli('list', '--json')).stdout) as SourceSummary[];
    expect(json.find((source) => source.id === 'broken-1999')?.problem).toEqual({ reason: REASON, repair: REPAIR });
  });

  it('is refused with its reason when opened, and a file named after another id is unreadable too', async () => {
    writeFileSync(join(corpus, 'misnamed.md'), BROKEN.replace('reliability: sometimes', 'reliability: primary'));
    const backend = openServices(corpus, project);
    try {
      const handlers = createHandlers(backend.services);
      expect(await handlers['corpus.open']({ id: 'broken-1999' })).toEqual({
        ok: false,
        error: { code: 'corpus-unreadable', message: `${REASON} ${REPAIR}` },
      });
      const misnamed = backend.services.corpus.list().find((source) => source.id === 'misnamed');
      expect(misnamed?.problem?.reason).toBe('misnamed.md says its id is “broken-1999”, but a source\'s file must be named after its id.');
      expect(await handlers['corpus.open']({ id: 'misnamed' })).toMatchObject({ ok: false, error: { code: 'corpus-unreadable' } });
    } finally {
      await backend.dispose();
    }
  });

  it('is named by an export that does not need it, and refuses one that does', async () => {
    const backend = openServices(corpus, project);
    const handlers: Record<CallName, Handler> = createHandlers(backend.services);
    try {
      const text = readingText(backend.services.corpus.get('edemskiy-2019')).text;
      const start = text.indexOf('The situation changed in the spring of 1960.');
      expect((await handlers['annotations.create']({ sourceId: 'edemskiy-2019', start, end: start + 40 })).ok).toBe(true);
      backend.filesToSave.push(join(folder, 'all.md'));
      const exported = (await handlers['export.run']({ format: 'md', scope: { kind: 'all' } })) as Result<ExportSummary>;
      expect(exported).toMatchObject({ ok: true, value: { annotations: 1, sources: 1 } });
      expect(exported.ok && exported.value.unreadable).toEqual([{ id: 'broken-1999', fileName: 'broken-1999.md', problem: { reason: REASON, repair: REPAIR } }]);
      backend.filesToSave.push(join(folder, 'broken.bib'));
      const refused = await handlers['export.run']({ format: 'bibtex', scope: { kind: 'source', sourceId: 'broken-1999' } });
      expect(refused).toEqual({
        ok: false,
        error: { code: 'corpus-unreadable', message: `This export needs broken-1999.md, which cannot be read. ${REASON} ${REPAIR}` },
      });
    } finally {
      await backend.dispose();
    }
    const outcome = await cli('export', '--format', 'bibtex', '--out', 'all.bib');
    expect(outcome).toMatchObject({ code: 0, stdout: expect.stringContaining('(5 sources)') });
    expect(outcome.stderr).toBe(`apparatus export: 1 source could not be read: ${REASON} ${REPAIR}\n`);
    const needed = await cli('export', '--format', 'ris', '--scope', 'source:broken-1999', '--out', 'one.ris');
    expect(needed).toEqual({ code: 1, stdout: '', stderr: `apparatus export: This export needs broken-1999.md, which cannot be read. ${REASON} ${REPAIR}\n` });
  });

  it('is named by search as a source that could not be searched, in the app and on the command line', async () => {
    const backend = openServices(corpus, project);
    try {
      const found = (await createHandlers(backend.services)['search.query']({ query: 'Hoxha' })) as Result<SearchResults>;
      expect(found.ok && found.value.total).toBeGreaterThan(0);
      expect(found.ok && found.value.message).toBe(`1 source could not be searched: ${REASON} ${REPAIR}`);
    } finally {
      await backend.services.search.query('settled', 1).catch(() => undefined);
      await backend.dispose();
    }
    const outcome = await cli('search', 'Hoxha');
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe(`apparatus search: 1 source could not be searched: ${REASON} ${REPAIR}\n`);
  }, 30_000); // builds the index and runs the command line: slow on a loaded machine, not a measure
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handler } from '../../../electron/handlers.ts';
import type { AnnotationImportProgress, CallInput, CallName, CallOutput, Result } from '../../../core/api.ts';
import { tempCorpus } from '../../support/reading.ts';
import { openServices, type TestServices } from '../../support/services.ts';
import { openProjectStore } from '../../../electron/services/store/index.ts';

const BOOK = '@book{griffith1963, title = {Albania and the Sino-Soviet Rift}, author = {Griffith, William E.}, year = {1963}}\n';

describe('imports the window confirms by token', () => {
  let corpus: ReturnType<typeof tempCorpus>;
  let backend: TestServices;
  let handlers: Record<CallName, Handler>;
  beforeEach(() => {
    corpus = tempCorpus('apparatus-sessions-');
    backend = openServices(corpus.folder);
    handlers = createHandlers(backend.services);
  });
  afterEach(async () => {
    await backend.dispose();
    corpus.remove();
  });
  const references = () => join(corpus.folder, 'references.json');
  const call = <N extends CallName>(name: N, input: CallInput<N>) => handlers[name](input) as Promise<Result<CallOutput<N>>>;
  // A Hypothesis export of `count` highlights of "Khrushchev", each with a note of its own.
  const manyAnnotations = (count: number) => {
    const wiki = 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split';
    const annotations = Array.from({ length: count }, (_, i) => ({ id: `K${i}`, uri: wiki, text: `note ${i}`, tags: [], target: [{ source: wiki, selector: [{ type: 'TextQuoteSelector', exact: 'Khrushchev', prefix: '', suffix: '' }] }] }));
    const file = join(corpus.folder, '..', 'many.json');
    writeFileSync(file, JSON.stringify({ annotations }));
    return file;
  };

  it('applies nothing when the reference file changed after its plan was shown, and asks to look again', async () => {
    const bib = join(corpus.folder, '..', 'refs.bib');
    writeFileSync(bib, BOOK);
    backend.filesToChoose.push(bib);
    const shown = await call('references.choose', {});
    if (!shown.ok || !shown.value) throw new Error('no plan');
    expect(shown.value.plan.added.map((added) => added.item.id)).toEqual(['griffith1963']);
    writeFileSync(bib, BOOK.replace('{1963}', '{1964}'));
    const applied = await call('references.apply', { token: shown.value.token });
    expect(applied).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('changed since the import was shown; nothing was changed') } });
    expect(() => readFileSync(references())).toThrow();
    // The token is spent: the user chooses the file again.
    expect(await call('references.apply', { token: shown.value.token })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    backend.filesToChoose.push(bib);
    const again = await call('references.choose', {});
    if (!again.ok || !again.value) throw new Error('no plan');
    expect(await call('references.apply', { token: again.value.token })).toEqual({ ok: true, value: { sourcesFilled: [], referencesAdded: ['griffith1963'], referencesFilled: [] } });
    expect(await call('references.list', {})).toMatchObject({ ok: true, value: [{ id: 'griffith1963', issued: { 'date-parts': [[1964]] } }] });
  });

  it('answers null when the user cancels a file dialog, and refuses a token it never gave or a source the corpus lacks', async () => {
    expect(await call('references.choose', {})).toEqual({ ok: true, value: null });
    expect(await call('annotations.importChoose', {})).toEqual({ ok: true, value: null });
    expect(backend.dialogsShown).toEqual(['references', 'annotations']);
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect(await call('annotations.importCommit', { token: stranger })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    backend.filesToChoose.push(join(import.meta.dirname, '..', '..', 'fixtures', 'interop', 'hypothesis-export.json'));
    const preview = await call('annotations.importChoose', {});
    if (!preview.ok || !preview.value) throw new Error('no preview');
    expect(await call('annotations.importCommit', { token: preview.value.token, sourceId: 'no-such-source' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(backend.services.annotations.list({})).toEqual([]);
  });

  it('previews and imports a file with a record the project cannot hold: it is listed as not imported, the records after it are imported', async () => {
    const wiki = 'https://en.wikipedia.org/wiki/Soviet%E2%80%93Albanian_split';
    const annotation = (id: string, exact: string, text: string) => ({ id, uri: wiki, text, tags: [], target: [{ source: wiki, selector: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }] }] });
    const file = join(corpus.folder, '..', 'limits.json');
    writeFileSync(file, JSON.stringify({ annotations: [annotation('A1', 'Khrushchev', 'one'), annotation('A2', 'Tito', 'x'.repeat(200_001)), annotation('A3', 'Enver Hoxha', 'three')] }));
    backend.filesToChoose.push(file);
    const preview = await call('annotations.importChoose', {});
    if (!preview.ok || !preview.value) throw new Error('no preview');
    const refused = { label: 'Hypothesis annotation A2', reason: 'its note is longer than the 200,000 characters a note can hold' };
    expect(preview.value).toMatchObject({ annotations: 2, bySource: [{ sourceId: 'wikipedia-split', count: 2, present: 0 }], skipped: [refused] });
    const report = await call('annotations.importCommit', { token: preview.value.token });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value).toMatchObject({ skipped: [refused], tagsLeftOut: [], counts: { anchored: 2, moved: 0, orphaned: 0 } });
    expect(backend.services.annotations.list({}).map((a) => a.note).sort()).toEqual(['one', 'three']);
  });

  it('says how far an annotation import has come, stops when asked keeping what it saved, and the same file again completes it', async () => {
    const progress: AnnotationImportProgress[] = [];
    await backend.dispose();
    // Main sends each step to the window; the user presses Stop at the first. A turn after each annotation.
    backend = openServices(corpus.folder, undefined, {
      annotationImportTurnMs: 0,
      onAnnotationImportProgress: (p) => {
        progress.push(p);
        if (progress.length === 1) void call('annotations.importCancel', { token: p.token });
      },
    });
    handlers = createHandlers(backend.services);
    const file = manyAnnotations(150);
    backend.filesToChoose.push(file);
    const preview = await call('annotations.importChoose', {});
    if (!preview.ok || !preview.value) throw new Error('no preview');
    const report = await call('annotations.importCommit', { token: preview.value.token });
    if (!report.ok) throw new Error(report.error.message);
    expect(progress).toEqual([{ token: preview.value.token, done: 1, total: 150 }]);
    expect(report.value).toMatchObject({ unread: 149, counts: { anchored: 1, moved: 0, orphaned: 0 } });
    expect(backend.services.annotations.list({})).toHaveLength(1);

    backend.filesToChoose.push(file);
    const again = await call('annotations.importChoose', {});
    if (!again.ok || !again.value) throw new Error('no preview');
    // The preview says which annotations the project holds already: the one saved before Stop.
    expect(again.value.bySource).toMatchObject([{ sourceId: 'wikipedia-split', count: 150, present: 1 }]);
    progress.length = 1;
    const rest = await call('annotations.importCommit', { token: again.value.token });
    if (!rest.ok) throw new Error(rest.error.message);
    expect(rest.value.unread).toBeUndefined();
    expect(rest.value.imported).toHaveLength(149);
    expect(rest.value.skipped).toHaveLength(1);
    expect(progress.slice(1).map((p) => p.done)).toEqual(Array.from({ length: 149 }, (_, i) => i + 1));
    expect(backend.services.annotations.list({})).toHaveLength(150);
  });

  it('stops an annotation import when the project closes, keeping what it saved', async () => {
    await backend.dispose();
    backend = openServices(corpus.folder, undefined, { annotationImportTurnMs: 0, onAnnotationImportProgress: () => void backend.close() });
    handlers = createHandlers(backend.services);
    const projectFile = join(backend.projectDir, 'project.sqlite');
    backend.filesToChoose.push(manyAnnotations(150));
    const preview = await call('annotations.importChoose', {});
    if (!preview.ok || !preview.value) throw new Error('no preview');
    const report = await call('annotations.importCommit', { token: preview.value.token });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value).toMatchObject({ unread: 149 });
    const store = openProjectStore(projectFile);
    expect(store.list()).toHaveLength(1);
    store.close();
  });

  it('says Zotero is not running when nothing answers, as a failure of another program', async () => {
    expect(await call('zotero.collections', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^Zotero is not running: nothing answers at http:\/\/127\.0\.0\.1:1\. Start Zotero 7/) } });
    expect(await call('zotero.send', { ids: ['edemskiy-2019'] })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await call('zotero.send', { ids: ['no-such-source'] })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'There is no source or reference “no-such-source” in the corpus.' } });
  });
});

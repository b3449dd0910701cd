import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, CorpusChange, Result } from '../../core/api.ts';
import type { Annotation, Tag } from '../../core/annotate/model.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { createHandlers, type Handler } from '../../electron/handlers.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';

// Undo through the contract, and the services' change events reaching search and the page.
describe('undo from the store’s own records, and changes announced to search', () => {
  let folder: string;
  let corpus: string;
  let backend: TestServices;
  let handlers: Record<CallName, Handler>;
  const logged: unknown[] = [];
  const file = () => join(corpus, 'edemskiy-2019.md');

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-undo-'));
    corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    backend = openServices(corpus, join(folder, 'project'));
    handlers = createHandlers(backend.services, (error) => logged.push(error));
  });
  afterEach(async () => {
    await backend.services.search.query('settled', 1).catch(() => undefined);
    await backend.dispose();
    rmSync(folder, { recursive: true, force: true });
    expect(logged).toEqual([]);
  });

  async function call<T>(name: CallName, payload: unknown): Promise<T> {
    const result: Result<unknown> = await handlers[name](payload);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  }

  async function highlight(quote: string, extra: Record<string, unknown> = {}): Promise<Annotation> {
    const text = readingText(backend.services.corpus.get('edemskiy-2019')).text;
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThan(0);
    return call<Annotation>('annotations.create', { sourceId: 'edemskiy-2019', start, end: start + quote.length, ...extra });
  }

  it('restores a deleted highlight by id, re-anchored against the text the source has now', async () => {
    const quote = 'demonstrated that the Chinese leadership openly, albeit indirectly';
    const saved = await highlight(quote, { note: 'kept' });
    await call('annotations.delete', { id: saved.id });
    writeFileSync(file(), readFileSync(file(), 'utf8').replace('The situation changed in the spring of 1960.', 'A sentence added meanwhile. The situation changed in the spring of 1960.'));
    const restored = await call<Annotation>('annotations.restore', { id: saved.id });
    const text = readingText(backend.services.corpus.get('edemskiy-2019')).text;
    expect(restored.position.start).toBe(saved.position.start + 'A sentence added meanwhile. '.length);
    expect(text.slice(restored.position.start, restored.position.end)).toBe(quote);
    expect(restored).toMatchObject({ id: saved.id, note: 'kept', anchor: 'anchored', quote: { exact: quote }, created: saved.created });
  });

  it('never takes a highlight from the page, and says plainly when there is nothing to restore', async () => {
    const saved = await highlight('did not prevent the Chairman of the Council of Ministers');
    const forged = { annotation: { ...saved, quote: { exact: 'words never highlighted', prefix: '', suffix: '' } } };
    expect(await handlers['annotations.restore'](forged)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await handlers['annotations.restore']({ id: saved.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const never = await handlers['annotations.restore']({ id: crypto.randomUUID() });
    expect(never).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/never deleted/) } });
  });

  it('undoes a tag merge through tags.restore, and search finds the passage under the tag again', async () => {
    const soviet = await call<Tag>('tags.create', { name: 'Soviet side' });
    const moscow = await call<Tag>('tags.create', { name: 'Moscow' });
    const tagged = await highlight('An opportunity for criticizing the Chinese position', { tags: [soviet.id] });
    await call('tags.merge', { from: soviet.id, into: moscow.id });
    expect((await call<{ total: number }>('search.query', { query: 'tags:soviet' })).total).toBe(0);
    expect(await call<Tag>('tags.restore', { id: soviet.id })).toEqual(soviet);
    expect(backend.services.store.get(tagged.id)?.tags).toEqual([soviet.id]);
    const found = await call<{ hits: { annotationId?: string }[] }>('search.query', { query: 'tags:soviet' });
    expect(found.hits.map((hit) => hit.annotationId)).toContain(tagged.id);
  });

  it('lets search find a new highlight’s note at once, through the services’ change events', async () => {
    await call('search.query', { query: 'warm-up' });
    const saved = await highlight('did not prevent the Chairman of the Council of Ministers', { note: 'zyzzyva' });
    const found = await call<{ hits: { annotationId?: string }[] }>('search.query', { query: 'zyzzyva' });
    expect(found.hits.map((hit) => hit.annotationId)).toEqual([saved.id]);
  });

  it('sees a source edited by another program, tells the page, and searches the new text', async () => {
    await call('search.query', { query: 'warm-up' });
    const changes: CorpusChange[] = [];
    const seen = new Promise<void>((resolve) => {
      backend.services.events.on('corpus.changed', (change) => {
        changes.push(change);
        resolve();
      });
    });
    writeFileSync(file(), `${readFileSync(file(), 'utf8')}\nA quokka crossed the Tirana boulevard.\n`);
    await seen;
    expect(changes).toEqual([{ sourceIds: ['edemskiy-2019'] }]);
    const found = await call<{ hits: { sourceId: string }[] }>('search.query', { query: 'quokka' });
    expect(found.hits.map((hit) => hit.sourceId)).toEqual(['edemskiy-2019']);
  });

  it('announces its own writes once, not again when the watcher sees them', async () => {
    const changes: CorpusChange[] = [];
    backend.services.events.on('corpus.changed', (change) => changes.push(change));
    await call('corpus.updateMetadata', { id: 'edemskiy-2019', patch: { title: 'A corrected title' } });
    expect(changes).toEqual([{ sourceIds: ['edemskiy-2019'] }]);
    // Long enough for the watcher to have looked, had it been going to report.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(changes).toEqual([{ sourceIds: ['edemskiy-2019'] }]);
  });
});

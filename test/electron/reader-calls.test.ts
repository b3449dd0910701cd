import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, ReaderSession, Result, SourceProvenance } from '../../core/api.ts';
import type { Annotation } from '../../core/annotate/model.ts';
import { readingText } from '../../core/corpus/reading-text.ts';
import { createHandlers, type Handler } from '../../electron/handlers.ts';
import { openServices, type TestServices } from '../support/services.ts';

const SOURCE = 'edemskiy-2019';
const PASSAGE = 'ideological differences should not be discussed publicly, in the media, but rather in personal meetings.';
const CUT = ', in the media, but rather in personal meetings';

// The calls the reader makes to adjust highlights, place them, reopen as it was left and show a
// source's known problems, through the contract as the page makes them.
describe('what the reader asks of main', () => {
  let backend: TestServices;
  let handlers: Record<CallName, Handler>;
  const logged: unknown[] = [];

  beforeEach(() => {
    backend = openServices();
    handlers = createHandlers(backend.services, (error) => logged.push(error));
  });
  afterEach(async () => {
    await backend.dispose();
    expect(logged).toEqual([]);
  });

  async function call<T>(name: CallName, payload: unknown): Promise<T> {
    const result: Result<unknown> = await handlers[name](payload);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  }
  const text = () => readingText(backend.services.corpus.get(SOURCE)).text;

  it('adjusts a highlight: the quote taken anew from the text, tags, note and the cuts that still fit kept', async () => {
    const tag = backend.services.store.createTag('Kremlin', 'blue');
    const start = text().indexOf(PASSAGE);
    const made = await call<Annotation>('annotations.create', { sourceId: SOURCE, start, end: start + PASSAGE.length, tags: [tag.id], note: 'Why not publicly?' });
    const cut = PASSAGE.indexOf(CUT);
    await call('annotations.update', { id: made.id, omissions: [{ start: cut, end: cut + CUT.length }] });

    const earlier = start - 'mutual '.length;
    const wider = await call<Annotation>('annotations.adjust', { id: made.id, start: earlier, end: start + PASSAGE.length });
    expect(wider.quote.exact).toBe(`mutual ${PASSAGE}`);
    expect(wider.quote.prefix.endsWith('believing that ')).toBe(true);
    expect(wider).toMatchObject({ tags: [tag.id], note: 'Why not publicly?', anchor: 'anchored', omissions: [{ start: cut + 7, end: cut + 7 + CUT.length }] });

    const shorter = await call<Annotation>('annotations.adjust', { id: made.id, start: earlier, end: start + PASSAGE.indexOf(' in personal') });
    expect(shorter.quote.exact).toBe(`mutual ${PASSAGE.slice(0, PASSAGE.indexOf(' in personal'))}`);
    expect(shorter.omissions).toEqual([]);
    expect(backend.services.store.get(made.id)).toEqual(shorter);
  });

  it('refuses a range outside the text, and changes nothing', async () => {
    const made = await call<Annotation>('annotations.create', { sourceId: SOURCE, start: 100, end: 140 });
    const result = await handlers['annotations.adjust']({ id: made.id, start: 100, end: text().length + 10 });
    expect(result.ok).toBe(false);
    expect(backend.services.store.get(made.id)).toEqual(made);
  });

  it('places annotations by page, and in the source’s notes by page and note', async () => {
    const note = text().indexOf('L. A. Velichanskaia');
    const inNote = await call<Annotation>('annotations.create', { sourceId: SOURCE, start: note, end: note + 19 });
    const body = text().indexOf(PASSAGE);
    const inBody = await call<Annotation>('annotations.create', { sourceId: SOURCE, start: body, end: body + 20 });
    const places = await call<Record<string, string>>('annotations.places', { sourceId: SOURCE });
    expect(places[inNote.id]).toBe('p. 382 n. 12');
    expect(places[inBody.id]).toMatch(/^p\. 37\d$/);
  });

  it('remembers the last source and the collapsed panels', async () => {
    expect(await call<ReaderSession>('reader.session', {})).toEqual({ lastSourceId: null, collapsed: { library: false, side: false } });
    await call('reader.saveSession', { lastSourceId: SOURCE, libraryCollapsed: true });
    await call('reader.saveSession', { sideCollapsed: true });
    expect(await call<ReaderSession>('reader.session', {})).toEqual({ lastSourceId: SOURCE, collapsed: { library: true, side: true } });
    expect((await handlers['reader.saveSession']({ lastSourceId: '../etc' })).ok).toBe(false);
  });

  it('tells what a derivative derives from, and a source’s caveats, rights and cleaning log', async () => {
    const paraphrase = await call<SourceProvenance>('corpus.provenance', { id: 'resexcellence-2021' });
    expect(paraphrase.derivativeOf).toEqual({ id: 'wikipedia-split', title: 'Soviet–Albanian split', derivation: 'machine paraphrase of parts of' });
    expect(paraphrase.caveats).toContain('Paraphrase error kept as printed: “his pro-Soviet sympathies” (Liri Belishova was a woman).');
    const edemskiy = await call<SourceProvenance>('corpus.provenance', { id: SOURCE });
    expect(edemskiy.rights).toMatch(/^Not established/);
    expect(edemskiy.cleaning.map((fix) => fix.replacement)).toEqual(['sovetskoi', 'Mëhilli']);
  });
});

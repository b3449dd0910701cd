import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readingText } from '../../core/corpus/reading-text.ts';
import { CORPUS_DIR, openServices, type TestServices } from '../support/services.ts';

// Re-anchoring end to end, through the services the window uses: highlights made on a cleaned
// source survive a re-cleaning that edits the file, each with an honest status
// (docs/architecture.md §10).
describe('re-anchoring when a cleaned source changes', () => {
  let folder: string;
  let corpus: string;
  let backend: TestServices;
  const file = () => join(corpus, 'edemskiy-2019.md');

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-reanchor-'));
    corpus = join(folder, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    backend = openServices(corpus, join(folder, 'project'));
  });
  afterEach(() => {
    backend.close();
    rmSync(folder, { recursive: true, force: true });
  });

  function highlight(quote: string) {
    const { annotations, corpus: sources } = backend.services;
    const text = readingText(sources.get('edemskiy-2019')).text;
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThan(0);
    return annotations.create({ sourceId: 'edemskiy-2019', start, end: start + quote.length, note: quote.slice(0, 10) });
  }

  it('keeps every highlight: shifted ones anchored, reworded ones moved, deleted ones orphaned', () => {
    const shifted = highlight('demonstrated that the Chinese leadership openly, albeit indirectly');
    const reworded = highlight('An opportunity for criticizing the Chinese position presented itself');
    const deleted = highlight('did not prevent the Chairman of the Council of Ministers');
    backend.services.annotations.open('edemskiy-2019');

    // A later cleaning: a sentence inserted before the first, a word changed in the second, the
    // whole paragraph of the third removed.
    const original = readFileSync(file(), 'utf8');
    const lines = original.split('\n');
    const paragraphOfThird = lines.findIndex((line) => line.includes('did not prevent the Chairman of the Council of Ministers'));
    expect(paragraphOfThird).toBeGreaterThan(0);
    lines.splice(paragraphOfThird, 2);
    const edited = lines
      .join('\n')
      .replace('The situation changed in the spring of 1960.', 'A sentence added by a later cleaning. The situation changed in the spring of 1960.')
      .replace('An opportunity for criticizing the Chinese position', 'An opportunity for criticising the Chinese position');
    expect(edited).not.toBe(original);
    writeFileSync(file(), edited);

    const { source, annotations } = backend.services.annotations.open('edemskiy-2019');
    const text = readingText(source).text;
    const byId = new Map(annotations.map((a) => [a.id, a]));
    expect(annotations).toHaveLength(3);

    const first = byId.get(shifted.id)!;
    expect(first.anchor).toBe('anchored');
    expect(first.position.start).toBeGreaterThan(shifted.position.start);
    expect(text.slice(first.position.start, first.position.end)).toBe(shifted.quote.exact);

    const second = byId.get(reworded.id)!;
    expect(second.anchor).toBe('moved');
    expect(text.slice(second.position.start, second.position.end)).toContain('criticising the Chinese position');
    expect(second.quote.exact).toBe(reworded.quote.exact);

    const third = byId.get(deleted.id)!;
    expect(third.anchor).toBe('orphaned');
    expect(third.quote.exact).toBe(deleted.quote.exact);
    expect(third.note).toBe(deleted.note);
  });

  it('re-anchors only when the text changed, and keeps the result across a restart', () => {
    const made = highlight('An opportunity for criticizing the Chinese position presented itself');
    backend.services.annotations.open('edemskiy-2019');
    writeFileSync(file(), readFileSync(file(), 'utf8').replace('criticizing the Chinese', 'criticising the Chinese'));
    expect(backend.services.annotations.open('edemskiy-2019').annotations[0]!.anchor).toBe('moved');
    backend.close();
    backend = openServices(corpus, join(folder, 'project'));
    const again = backend.services.annotations.open('edemskiy-2019').annotations[0]!;
    expect(again).toMatchObject({ id: made.id, anchor: 'moved' });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { annotationChangeFromStore, annotationsFromStore } from '../../../electron/services/search/annotation-input.ts';
import { openProjectStore } from '../../../electron/services/store/index.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function store() {
  const folder = mkdtempSync(join(tmpdir(), 'apparatus-annotation-input-'));
  folders.push(folder);
  return openProjectStore(join(folder, 'project.sqlite'));
}

const quote = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: exact.length } });

describe('annotations for search', () => {
  it('carry their tags’ names and the names of the tags containing them', () => {
    const s = store();
    const purges = s.createTag('Purges');
    const trials = s.createTag('Show trials', 'blue', purges.id);
    const xoxe = s.createTag('Xoxe trial', 'green', trials.id);
    const a = s.create({ sourceId: 'split', ...quote('Koçi Xoxe was tried'), tags: [xoxe.id, purges.id] });
    expect(annotationsFromStore(s)).toEqual([
      expect.objectContaining({ id: a.id, tags: ['Xoxe trial', 'Purges'], parentTags: ['Show trials'] }),
    ]);
    s.close();
  });

  it('describe a change by the annotations it touched: read again, or gone', () => {
    const s = store();
    const a = s.create({ sourceId: 'split', ...quote('first'), tags: [] });
    const b = s.create({ sourceId: 'split', ...quote('second'), tags: [] });
    s.delete(b.id);
    expect(annotationChangeFromStore(s, [a.id, b.id])).toEqual({
      upserted: [expect.objectContaining({ id: a.id, quote: { exact: 'first' } })],
      removed: [b.id],
    });
    s.close();
  });
});

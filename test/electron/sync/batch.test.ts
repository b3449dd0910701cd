import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/annotate/model.ts';
import type { SyncEngine } from '../../../electron/services/sync/sync-engine.ts';
import { tempFolder } from '../../support/share-server.ts';
import { openEngine } from '../../support/sync-engines.ts';

let folder: { dir: string; remove(): void };
let engine: SyncEngine;

beforeEach(() => {
  folder = tempFolder('apparatus-batch-');
  // Never connected: the replica works from its local log alone.
  engine = openEngine(folder.dir, 'anna', 'ws://127.0.0.1:9', 'hist', 'anna', 'apx_unused');
});

afterEach(async () => {
  await engine.close();
  folder.remove();
});

const highlight = (n: number): Annotation => ({
  id: `40000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  sourceId: 'memorie-kapo',
  quote: { exact: 'Vlora', prefix: '', suffix: '' },
  position: { start: 1, end: 6 },
  color: 'yellow',
  tags: [],
  note: `note ${n}`,
  omissions: [],
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  anchor: 'anchored',
});

describe('publishing many changes at once', () => {
  it('writes them as one update per document, all waiting for the server', () => {
    const receipt = engine.applyLocalBatch([
      { type: 'tag.created', tag: { id: 'tag-navy', name: 'Navy', color: 'blue' } },
      ...Array.from({ length: 50 }, (_, n) => ({ type: 'annotation.created' as const, annotation: { ...highlight(n), tags: ['tag-navy'] } })),
    ]);
    expect(receipt.changed).toBe(true);
    expect(receipt.updates).toHaveLength(2);
    expect(engine.status()).toEqual({ state: 'offline', waiting: 2 });
    expect(engine.state().annotations).toHaveLength(50);
    expect(engine.acknowledged(receipt)).toBe(false);
  });
});

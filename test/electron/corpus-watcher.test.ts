import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusWatcher } from '../../electron/services/corpus-watcher.ts';

describe('CorpusWatcher', () => {
  let folder: string;
  let watcher: CorpusWatcher | undefined;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'apparatus-watch-'));
    writeFileSync(join(folder, 'kept-1960.md'), 'kept');
    writeFileSync(join(folder, 'gone-1961.md'), 'gone');
  });
  afterEach(() => {
    watcher?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  // Every report after `act`, once the watcher has surely looked (and could have looked again).
  function reportsAfter(act: () => void): Promise<string[][]> {
    const reports: string[][] = [];
    return new Promise((resolve) => {
      watcher = new CorpusWatcher(folder, (ids) => reports.push(ids), () => {});
      // Let the watcher take its first look before anything changes.
      setTimeout(() => {
        act();
        setTimeout(() => resolve(reports), 1500);
      }, 300);
    });
  }

  it('reports a source file added, edited or removed by another program, once, by id', async () => {
    const reports = await reportsAfter(() => {
      writeFileSync(join(folder, 'new-1962.md'), 'new');
      writeFileSync(join(folder, 'kept-1960.md'), 'kept, edited');
      unlinkSync(join(folder, 'gone-1961.md'));
    });
    expect(reports).toEqual([['gone-1961', 'kept-1960', 'new-1962']]);
  });

  it('ignores files that are not cleaned sources', async () => {
    const reports = await reportsAfter(() => {
      writeFileSync(join(folder, 'README.md'), 'about the corpus');
      writeFileSync(join(folder, 'notes.txt'), 'not a source');
    });
    expect(reports).toEqual([]);
  });

  it('says so, and carries on without watching, when the folder cannot be watched', () => {
    const logged: string[] = [];
    watcher = new CorpusWatcher(join(folder, 'missing'), () => {}, (message) => logged.push(message));
    expect(logged).toEqual([expect.stringMatching(/^Changes to the corpus folder made outside Apparatus will be seen after a restart: /)]);
  });
});

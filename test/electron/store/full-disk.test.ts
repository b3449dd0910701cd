/**
 * A real full disk (a small tmpfs filled to the last byte) under an open project: the change is
 * refused as a full disk, nothing half-saved remains, and saving works again once there is room.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../electron/services/store/open-project-store.ts';
import type { ProjectStore } from '../../../electron/services/store/project-store.ts';
import { StoreError } from '../../../electron/services/store/store-errors.ts';
import { mountSmallDisk, type SmallDisk } from '../../support/store-full-disk.ts';
import { highlight } from '../../support/store-temp.ts';

describe('a disk that fills up while the project is open', () => {
  let disk: SmallDisk;
  beforeEach(() => {
    disk = mountSmallDisk();
  });
  afterEach(() => disk.remove());

  it('refuses the change as a full disk, keeps what was saved, and saves again once there is room', () => {
    const store = openProjectStore(join(disk.dir, 'project', 'project.sqlite'));
    try {
      refusesThenSaves(store);
    } finally {
      store.close();
    }
  });

  function refusesThenSaves(store: ProjectStore): void {
    const saved = store.create(highlight());
    disk.fill();
    let failure: unknown;
    try {
      store.create(highlight({ note: 'n'.repeat(200_000), position: { start: 1, end: 5 } }));
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).code).toBe('disk-full');
    expect((failure as StoreError).message).toMatch(/^The disk holding your project is full, so the change was not saved\. Free some space and try again\./);
    expect(store.list()).toEqual([saved]);

    disk.free();
    const later = store.create(highlight({ position: { start: 7, end: 9 } }));
    expect(store.list().map((annotation) => annotation.id).sort()).toEqual([saved.id, later.id].sort());
    expect(store.checkIntegrity()).toEqual([]);
  }
});
